/** Entry point of the pure reading: bytes → kind, typed data and reading issues. */
import { ImportKind } from '../../src/domain/enums';
import { IssueCollector, q, sortIssues } from '../issues/issue.collector';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import { findSheet, kindsPresent } from '../reading/kind.detector';
import { ERRORS_SHEET_NAME, INSTRUCTIONS_SHEET_NAME, KIND_SHEETS, templateOf } from '../templates/template.registry';
import { headerKey } from '../text/text.normalizer';
import { REPORTE_SHEET } from '../templates/reporte.template';
import { looksLikeCsv, readCsv } from '../xlsx/csv.reader';
import { readWorkbook, readWorkbookStreaming } from '../xlsx/xlsx.adapter';
import { DEFAULT_READ_LIMITS, ReadLimits, SheetData, WorkbookData, WorkbookReadFailure } from '../xlsx/workbook.types';
import { parseInstancia } from './instancia.parser';
import { ParseState } from './parse.state';
import { parsePlan } from './plan.parser';
import { parseReporte } from './reporte.parser';

export interface ParseOptions {
  /** Bounds on the uploaded file (defaults: 10 MiB, 100 MiB inflated, 20 000 rows, 500 columns). */
  readonly limits?: Partial<ReadLimits>;
}

const KIND_NAMES: Readonly<Record<ImportKind, string>> = {
  [ImportKind.PLAN]: 'plan de acción',
  [ImportKind.REPORTE]: 'reporte de avance',
  [ImportKind.INSTANCIA]: 'gestión de instancia',
};

function unrecognised(workbook: WorkbookData, issues: IssueCollector): void {
  const kinds = kindsPresent(workbook);
  const expected = (Object.keys(KIND_SHEETS) as ImportKind[]).map((k) => `${q(KIND_SHEETS[k])} (${KIND_NAMES[k]})`).join(', ');
  if (kinds.length === 0) {
    issues.error(
      'LIBRO_NO_RECONOCIDO',
      {},
      `no se reconoce el tipo de libro: debe tener una hoja ${expected.replace(/, ([^,]*)$/, ' o $1')}. Descargue la plantilla correspondiente y copie allí sus datos`,
    );
    return;
  }
  const found = kinds.map((k) => q(findSheet(workbook, KIND_SHEETS[k])!.name)).join(' y ');
  issues.error(
    'LIBRO_NO_RECONOCIDO',
    {},
    `no se reconoce el tipo de libro: tiene a la vez las hojas ${found}, y cada libro debe ser de un solo tipo; envíe un libro por cada tipo`,
  );
}

export function warnUnknownSheets(workbook: WorkbookData, kind: ImportKind, issues: IssueCollector): void {
  const known = new Set([...templateOf(kind).sheets.map((s) => s.name), INSTRUCTIONS_SHEET_NAME, ERRORS_SHEET_NAME].map(headerKey));
  const expected = templateOf(kind)
    .sheets.map((s) => s.name)
    .join(', ');
  for (const sheet of workbook.sheets) {
    if (known.has(headerKey(sheet.name))) continue;
    issues.warning(
      'HOJA_DESCONOCIDA',
      { sheet: sheet.name },
      `la hoja no es de la plantilla de ${KIND_NAMES[kind]} y se ignora. Hojas reconocidas: ${expected}`,
    );
  }
}

/** Sheet order for sorting issues: the workbook's sheets, then the template's missing ones. */
export function issueSheetOrder(sheetNames: readonly string[], kind: ImportKind | null): string[] {
  const present = new Set(sheetNames.map(headerKey));
  const missing = kind
    ? templateOf(kind)
        .sheets.map((s) => s.name)
        .filter((n) => !present.has(headerKey(n)))
    : [];
  return [...sheetNames, ...missing];
}

/** Parses a workbook already read into the neutral model (pure). */
export function parseWorkbookData(workbook: WorkbookData): ParsedWorkbook {
  const issues = new IssueCollector();
  const state: ParseState = { workbook, issues, rejected: [] };
  const kinds = kindsPresent(workbook);
  const order = workbook.sheets.map((s) => s.name);
  if (kinds.length !== 1) {
    unrecognised(workbook, issues);
    return { kind: null, data: null, issues: sortIssues(issues.issues, order), rejectedRows: [], sheetNames: order };
  }
  const kind = kinds[0]!;
  warnUnknownSheets(workbook, kind, issues);
  const finish = () => ({
    issues: sortIssues(issues.issues, issueSheetOrder(order, kind)),
    rejectedRows: state.rejected,
    sheetNames: order,
  });
  switch (kind) {
    case ImportKind.PLAN: {
      const data = parsePlan(state);
      return { kind, data, ...finish() };
    }
    case ImportKind.REPORTE: {
      const data = parseReporte(state);
      return { kind, data, ...finish() };
    }
    case ImportKind.INSTANCIA: {
      const data = parseInstancia(state);
      return { kind, data, ...finish() };
    }
  }
}

/** A CSV is a REPORTE when at least this many headers of its first row are headers of the `Reporte` sheet. */
const CSV_MIN_REPORTE_HEADERS = 3;

function isReporteCsv(sheet: SheetData | undefined): boolean {
  const known = new Set(REPORTE_SHEET.columns.map((c) => headerKey(c.header)));
  const headers = (sheet?.rows[0] ?? []).map((cell) => (cell?.type === 'string' ? headerKey(cell.value) : ''));
  return new Set(headers.filter((h) => known.has(h))).size >= CSV_MIN_REPORTE_HEADERS;
}

const CSV_NOT_REPORTE =
  `el archivo CSV no es un reporte de avance: solo el reporte de avance puede enviarse como CSV, con los encabezados de la hoja ` +
  `${q(REPORTE_SHEET.name)} de la plantilla en la primera fila (${REPORTE_SHEET.columns
    .filter((c) => c.required)
    .map((c) => c.header)
    .join(', ')}). Los planes de acción y los libros de instancia deben enviarse como libro de Excel (.xlsx, .xls u .ods)`;

/** A file refused as a whole: `kind: null` and one workbook-level error. */
export function refusedWorkbook(code: 'LIBRO_ILEGIBLE' | 'LIBRO_DEMASIADO_GRANDE' | 'LIBRO_NO_RECONOCIDO', detail: string): ParsedWorkbook {
  const issues = new IssueCollector();
  issues.error(code, {}, detail);
  return { kind: null, data: null, issues: issues.issues, rejectedRows: [], sheetNames: [] };
}

/** The refusal of a file that could not be read (also used by the parsing thread's early zip check). */
export function readFailure(failure: WorkbookReadFailure, csv: boolean): ParsedWorkbook {
  if (failure.reason === 'TOO_LARGE') {
    return refusedWorkbook(
      'LIBRO_DEMASIADO_GRANDE',
      `el libro es demasiado grande: ${failure.detail}. Divida la información en varios libros`,
    );
  }
  return refusedWorkbook(
    'LIBRO_ILEGIBLE',
    csv
      ? `no se pudo leer el archivo CSV: ${failure.detail}`
      : `no se pudo leer el libro: ${failure.detail}. Guárdelo como libro de Excel (.xlsx) y envíelo de nuevo`,
  );
}

/**
 * Reads and parses an uploaded workbook (pure: no clock, no database, no file system). Never
 * throws for bad input: an unreadable or oversized file gives `kind: null` with an error issue.
 * Text content is read as CSV, and only a REPORTE (the `Reporte` sheet's headers in its first row)
 * is accepted that way.
 */
export function parseWorkbook(buffer: Uint8Array, options: ParseOptions = {}): ParsedWorkbook {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const csv = looksLikeCsv(buffer);
  const read = csv ? readCsv(buffer, REPORTE_SHEET.name, limits) : readWorkbook(buffer, limits);
  if (!read.ok) return readFailure(read.failure, csv);
  if (csv && !isReporteCsv(read.workbook.sheets[0])) return refusedWorkbook('LIBRO_NO_RECONOCIDO', CSV_NOT_REPORTE);
  return parseWorkbookData(read.workbook);
}

/**
 * `parseWorkbook` with an .xlsx read by the streaming reader (worksheets inflated and scanned in
 * chunks, so memory holds the cells, not the XML): what the parsing thread uses. Same result.
 */
export async function parseWorkbookStreaming(buffer: Uint8Array, options: ParseOptions = {}): Promise<ParsedWorkbook> {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const csv = looksLikeCsv(buffer);
  const read = csv ? readCsv(buffer, REPORTE_SHEET.name, limits) : await readWorkbookStreaming(buffer, limits);
  if (!read.ok) return readFailure(read.failure, csv);
  if (csv && !isReporteCsv(read.workbook.sheets[0])) return refusedWorkbook('LIBRO_NO_RECONOCIDO', CSV_NOT_REPORTE);
  return parseWorkbookData(read.workbook);
}
