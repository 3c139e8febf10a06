/** Checks shared by every kind of workbook (pure). */
import { IssueCollector, q } from '../issues/issue.collector';
import { EntityRow, RejectedRow, SourceRef } from '../model/common.types';
import { headerKey } from '../text/text.normalizer';
import { ValidationContext } from './validation.context';

/** Reports every row whose key repeats an earlier row's. */
export function checkDuplicates<T extends SourceRef>(
  rows: readonly T[],
  key: (row: T) => string,
  describe: (row: T) => string,
  column: string | null,
  issues: IssueCollector,
): void {
  const first = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, row);
      continue;
    }
    duplicateRow(issues, row, column, describe(row), earlier.row);
  }
}

/** FILA_DUPLICADA: `row` repeats what the sheet already has at `earlierRow`. */
export function duplicateRow(issues: IssueCollector, row: SourceRef, column: string | null, description: string, earlierRow: number): void {
  issues.error(
    'FILA_DUPLICADA',
    { sheet: row.sheet, row: row.row, column, value: description },
    `${description} ya está en la fila ${earlierRow}; deje una sola fila o corrija el dato`,
  );
}

/** Rejected rows of a sheet (matched by template sheet name). */
export function rejectedOf(rejected: readonly RejectedRow[], sheetName: string): RejectedRow[] {
  const target = headerKey(sheetName);
  return rejected.filter((r) => headerKey(r.sheet) === target);
}

/** A readable text value of a rejected row, or null. */
export function rejectedText(row: RejectedRow, key: string): string | null {
  const v = row.values[key];
  return typeof v === 'string' ? v : null;
}

/** A readable number value of a rejected row, or null. */
export function rejectedNumber(row: RejectedRow, key: string): number | null {
  const v = row.values[key];
  return typeof v === 'number' ? v : null;
}

/** Keys of rejected rows of a sheet (matched by template sheet name). */
export function rejectedKeys(rejected: readonly RejectedRow[], sheetName: string): Set<string> {
  const target = headerKey(sheetName);
  return new Set(rejected.filter((r) => headerKey(r.sheet) === target && r.key !== null).map((r) => r.key as string));
}

/** Entity codes known to this import: stored, in `Entidades`, or in a rejected `Entidades` row. */
export class EntityIndex {
  private readonly codes: Set<string>;

  constructor(entities: readonly EntityRow[], context: ValidationContext, rejected: readonly RejectedRow[]) {
    this.codes = new Set([...context.entityCodes, ...entities.map((e) => e.code), ...rejectedKeys(rejected, 'Entidades')]);
  }

  has(code: string): boolean {
    return this.codes.has(code);
  }

  /** Reports `code` when unknown (with a hint when Excel probably removed leading zeros). */
  check(code: string | null, at: { sheet: string; row: number; column: string }, issues: IssueCollector): void {
    if (code === null || this.has(code)) return;
    const padded = /^\d+$/.test(code) ? [...this.codes].filter((c) => /^0+\d+$/.test(c) && c.replace(/^0+/, '') === code) : [];
    const hint =
      padded.length === 1
        ? `; ¿quiso decir ${q(padded[0]!)}? Excel quita los ceros a la izquierda de los números: escriba el código como texto (por ejemplo '${padded[0]})`
        : '; revise el código o agregue la entidad en la hoja Entidades';
    issues.error('ENTIDAD_INEXISTENTE', { ...at, value: code }, `la entidad con código ${q(code)} no existe${hint}`);
  }
}

export function validateEntities(entities: readonly EntityRow[], issues: IssueCollector): void {
  checkDuplicates(
    entities,
    (e) => e.code,
    (e) => `la entidad ${q(e.code)}`,
    'Código entidad',
    issues,
  );
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Number shown in Spanish style for messages (decimal comma, up to 6 decimals). */
export function showNumber(value: number): string {
  return Number.parseFloat(value.toFixed(6)).toString().replace('.', ',');
}
