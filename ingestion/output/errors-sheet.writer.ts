/**
 * Returns the uploaded workbook with an `Errores` sheet listing the issues, for the entity to fix its
 * file: `Errores` first, each issue row linked to its cell, the cells highlighted with the message as a
 * note (written with ExcelJS behind its adapter; the copy is first neutralised by the SheetJS adapter).
 */
import { ImportIssueSeverity } from '../../src/domain/enums';
import type { IssueTotal } from '../../src/entities/import-issue-total.type';
import { countsPerCode } from '../issues/issue.summary';
import { Issue } from '../issues/issue.types';
import { ERRORS_SHEET_NAME } from '../templates/template.registry';
import { markErrorsWorkbook } from '../../src/reports/adapters/xlsx-writer.adapter';
import { headerKey } from '../text/text.normalizer';
import { AppendInfo, appendSheet, writeWorkbook } from '../xlsx/xlsx.adapter';
import { isZip, readZipDirectory } from '../xlsx/zip.inspector';
import { DEFAULT_READ_LIMITS, ReadLimits, SheetSpec, WritableCell } from '../xlsx/workbook.types';

export const ERRORS_HEADER = ['Hoja', 'Fila', 'Columna', 'Valor', 'Código', 'Mensaje', 'Severidad'] as const;

const SEVERITY_LABEL: Readonly<Record<ImportIssueSeverity, string>> = {
  [ImportIssueSeverity.ERROR]: 'Error',
  [ImportIssueSeverity.WARNING]: 'Advertencia',
};

/** Excel refuses cells longer than 32 767 characters; a hostile value is cut well below. */
const MAX_CELL_TEXT = 32_000;
const cell = (text: string): string => (text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text);
const count = (n: number): string => n.toLocaleString('es-CO');

/** The note of the Errores sheet saying what was replaced in the returned copy of the workbook. */
export function replacedNote(info: AppendInfo): string | null {
  const parts: string[] = [];
  if (info.formulasReplaced) {
    parts.push(
      `${count(info.formulasReplaced)} ${info.formulasReplaced === 1 ? 'fórmula se reemplazó' : 'fórmulas se reemplazaron'} por su último valor calculado (o por su texto, si el archivo no lo guardaba)`,
    );
  }
  if (info.linksRemoved)
    parts.push(`${count(info.linksRemoved)} ${info.linksRemoved === 1 ? 'hipervínculo se quitó' : 'hipervínculos se quitaron'}`);
  if (info.namesRemoved)
    parts.push(`${count(info.namesRemoved)} ${info.namesRemoved === 1 ? 'nombre definido se quitó' : 'nombres definidos se quitaron'}`);
  if (!parts.length) return null;
  return `Nota: en esta copia del libro ${parts.join('; ')}. El servidor nunca devuelve fórmulas ni vínculos recibidos; corrija su archivo original, no esta copia, si necesita conservarlos.`;
}

/**
 * Above this much XML, the workbook given back holds only the `Errores` sheet, not a copy of the
 * upload: copying it (the spreadsheet library reads it whole) would take the parsing thread tens of
 * seconds and more memory than it may use (a REPORTE of 100 000 rows is about 42 MB of XML).
 */
export const ERRORS_COPY_MAX_INFLATED_BYTES = 24 * 1024 * 1024;

/**
 * The upload's size uncompressed, as its zip directory declares it (0 when it is not a zip): read
 * without inflating anything. A directory that lies is caught by the copy's own checks.
 */
function inflatedSize(bytes: Uint8Array, limits: ReadLimits): number {
  if (!isZip(bytes)) return 0;
  const entries = readZipDirectory(bytes, limits.maxZipEntries);
  return Array.isArray(entries) ? entries.reduce((sum, e) => sum + e.uncompressedSize, 0) : 0;
}

const tooLargeToCopy = (inflated: number): string =>
  `Nota: el libro recibido es muy grande (${count(Math.round(inflated / 1048576))} MB sin comprimir), así que este archivo trae solo la hoja «Errores», sin una copia del libro con las celdas marcadas. Corrija su archivo original en las hojas, filas y columnas indicadas.`;

/** The issues in the order the Errores sheet lists them: errors first, then warnings. */
function inListOrder(issues: readonly Issue[]): Issue[] {
  return [
    ...issues.filter((i) => i.severity === ImportIssueSeverity.ERROR),
    ...issues.filter((i) => i.severity !== ImportIssueSeverity.ERROR),
  ];
}

/**
 * The `Errores` sheet: errors first, then warnings, each in the given order. When `totals` count more
 * issues than listed (the per-code cap), a summary per code and column follows the list; `info`
 * adds the note on formulas and links replaced in the copy, `extraNote` any other.
 */
export function buildErrorsSheet(
  issues: readonly Issue[],
  totals: readonly IssueTotal[] = [],
  info?: AppendInfo,
  /** A further note at the end (why the workbook carries no copy of the upload). */
  extraNote?: string,
): SheetSpec {
  const ordered = inListOrder(issues);
  const rows: WritableCell[][] = [
    [...ERRORS_HEADER],
    ...ordered.map((i) => [
      cell(i.sheet ?? ''),
      i.row ?? '',
      cell(i.column ?? ''),
      // Always written as text: a value such as `=HIPERVINCULO(…)` must never become a formula.
      cell(i.value ?? ''),
      i.code,
      cell(i.message),
      SEVERITY_LABEL[i.severity],
    ]),
  ];
  const listed = new Map<string, number>();
  for (const i of issues) listed.set(i.code, (listed.get(i.code) ?? 0) + 1);
  const perCode = countsPerCode(totals);
  const cut = [...perCode].filter(([code, c]) => c.count > (listed.get(code) ?? 0));
  if (cut.length) {
    rows.push([]);
    rows.push([
      `Se listan arriba solo los primeros ${count(Math.max(...cut.map(([code]) => listed.get(code) ?? 0)))} problemas de cada código. ` +
        'Totales por código, hoja y columna:',
    ]);
    rows.push(['Hoja', '', 'Columna', '', 'Código', 'Total', 'Severidad']);
    for (const t of totals) {
      const c = perCode.get(t.code)!;
      rows.push([
        cell(t.sheet ?? ''),
        '',
        cell(t.column ?? ''),
        '',
        t.code,
        `${count(t.count)} (de ${count(c.count)} con este código; listados ${count(listed.get(t.code) ?? 0)})`,
        SEVERITY_LABEL[t.severity],
      ]);
    }
  }
  const note = info ? replacedNote(info) : null;
  if (note) rows.push([], [note]);
  if (extraNote) rows.push([], [extraNote]);
  return { name: ERRORS_SHEET_NAME, rows, columnWidths: [18, 8, 28, 24, 30, 100, 12] };
}

/**
 * The uploaded workbook (as .xlsx) with an added `Errores` sheet (an existing one is replaced), its
 * formulas replaced by their values, links and defined names dropped; `Errores` first, its rows linked
 * to the offending cells, those cells filled and noted with the message. When the upload is not a
 * readable workbook (or is beyond `limits`), or holds more XML than `copyMaxInflatedBytes`, a new
 * workbook with only the `Errores` sheet (with a note saying why, for a large one).
 */
export async function errorsSheet(
  originalBuffer: Uint8Array,
  issues: readonly Issue[],
  limits: Partial<ReadLimits> = {},
  totals: readonly IssueTotal[] = [],
  copyMaxInflatedBytes: number = ERRORS_COPY_MAX_INFLATED_BYTES,
): Promise<Buffer> {
  const all = { ...DEFAULT_READ_LIMITS, ...limits };
  const inflated = inflatedSize(originalBuffer, all);
  const plain =
    inflated > copyMaxInflatedBytes
      ? writeWorkbook([buildErrorsSheet(issues, totals, undefined, tooLargeToCopy(inflated))])
      : appendSheet(originalBuffer, (info) => buildErrorsSheet(issues, totals, info), all);
  const marks = inListOrder(issues).map((i) => ({
    sheet: i.sheet ?? null,
    row: i.row ?? null,
    column: i.column ?? null,
    message: cell(`${SEVERITY_LABEL[i.severity]}: ${i.message}`),
    severity: i.severity === ImportIssueSeverity.ERROR ? ('ERROR' as const) : ('WARNING' as const),
  }));
  return markErrorsWorkbook(plain, { sheetName: ERRORS_SHEET_NAME, marks, headerKey });
}
