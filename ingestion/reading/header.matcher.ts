/** Maps row 1 of a sheet onto a sheet definition (pure; issues go to the collector). */
import { cellAsText } from '../cells/cell.reader';
import { IssueCollector, q } from '../issues/issue.collector';
import { ColumnDef, SheetDef, templateHeader } from '../templates/column.types';
import { headerKey } from '../text/text.normalizer';
import { Cell, SheetData } from '../xlsx/workbook.types';

export interface UnknownColumn {
  readonly index: number;
  /** Header as written (trimmed); empty for a column without header. */
  readonly header: string;
  readonly cell: Cell | undefined;
}

export interface HeaderMap {
  /** Column key → 0-based column index. */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns whose header matches no definition, in sheet order. */
  readonly unknown: readonly UnknownColumn[];
}

export interface HeaderOptions {
  /** Warn about unknown columns (default true). */
  readonly warnUnknown?: boolean;
  /** Report missing required columns (default true). */
  readonly reportMissing?: boolean;
}

/** Highest column index holding a value in any data row. */
function lastDataColumn(sheet: SheetData): number {
  let last = -1;
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = row.length - 1; c > last; c--) {
      if (cellAsText(row[c]) !== '') {
        last = c;
        break;
      }
    }
  }
  return last;
}

export function matchHeaders(sheet: SheetData, def: SheetDef, issues: IssueCollector, options: HeaderOptions = {}): HeaderMap {
  const headerRow = sheet.rows[0] ?? [];
  const byKey = new Map<string, ColumnDef>(def.columns.map((c) => [headerKey(c.header), c]));
  const columns = new Map<string, number>();
  const unknown: UnknownColumn[] = [];
  const width = Math.max(headerRow.length, lastDataColumn(sheet) + 1);
  for (let index = 0; index < width; index++) {
    const cell = headerRow[index];
    const header = cellAsText(cell);
    const column = header === '' ? undefined : byKey.get(headerKey(header));
    if (!column) {
      unknown.push({ index, header, cell });
      continue;
    }
    if (columns.has(column.key)) {
      issues.error(
        'COLUMNA_DUPLICADA',
        { sheet: sheet.name, row: 1, column: column.header, value: header },
        `la columna ${q(column.header)} aparece más de una vez; deje una sola (se leyó la primera)`,
      );
      continue;
    }
    columns.set(column.key, index);
  }
  if (options.warnUnknown ?? true) {
    for (const u of unknown) warnUnknownColumn(sheet, u, def, issues);
  }
  if (options.reportMissing ?? true) {
    for (const column of def.columns) {
      if (column.required && !columns.has(column.key)) {
        issues.error(
          'COLUMNA_REQUERIDA',
          { sheet: sheet.name, row: 1, column: column.header },
          `falta la columna obligatoria ${q(templateHeader(column.header, true))}; agréguela en la fila 1 (puede copiar los encabezados de la plantilla)`,
        );
      }
    }
  }
  return { columns, unknown };
}

export function warnUnknownColumn(sheet: SheetData, u: UnknownColumn, def: SheetDef, issues: IssueCollector): void {
  const expected = def.columns.map((c) => c.header).join(', ');
  if (u.header === '') {
    const hasData = sheet.rows.some((row, r) => r > 0 && cellAsText(row?.[u.index]) !== '');
    if (!hasData) return;
    issues.warning(
      'COLUMNA_DESCONOCIDA',
      { sheet: sheet.name, row: 1, column: `(columna ${u.index + 1} sin encabezado)` },
      `la columna ${u.index + 1} tiene datos pero no tiene encabezado; sus datos se ignoran. Columnas reconocidas: ${expected}`,
    );
    return;
  }
  issues.warning(
    'COLUMNA_DESCONOCIDA',
    { sheet: sheet.name, row: 1, column: u.header, value: u.header },
    `la columna ${q(u.header)} no es de la plantilla y se ignora. Columnas reconocidas: ${expected}`,
  );
}
