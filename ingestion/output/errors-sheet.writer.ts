/** Returns the uploaded workbook with an `Errores` sheet listing the issues, for the entity to fix its file. */
import { ImportIssueSeverity } from '../../src/domain/enums';
import { Issue } from '../issues/issue.types';
import { ERRORS_SHEET_NAME } from '../templates/template.registry';
import { appendSheet } from '../xlsx/xlsx.adapter';
import { DEFAULT_READ_LIMITS, ReadLimits, SheetSpec, WritableCell } from '../xlsx/workbook.types';

export const ERRORS_HEADER = ['Hoja', 'Fila', 'Columna', 'Valor', 'Código', 'Mensaje', 'Severidad'] as const;

const SEVERITY_LABEL: Readonly<Record<ImportIssueSeverity, string>> = {
  [ImportIssueSeverity.ERROR]: 'Error',
  [ImportIssueSeverity.WARNING]: 'Advertencia',
};

/** Excel refuses cells longer than 32 767 characters; a hostile value is cut well below. */
const MAX_CELL_TEXT = 32_000;
const cell = (text: string): string => (text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text);

/** The `Errores` sheet: errors first, then warnings, each in the given order. */
export function buildErrorsSheet(issues: readonly Issue[]): SheetSpec {
  const ordered = [
    ...issues.filter((i) => i.severity === ImportIssueSeverity.ERROR),
    ...issues.filter((i) => i.severity !== ImportIssueSeverity.ERROR),
  ];
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
  return { name: ERRORS_SHEET_NAME, rows, columnWidths: [18, 8, 28, 24, 30, 100, 12] };
}

/**
 * The uploaded workbook (as .xlsx) with an added `Errores` sheet (an existing one is replaced).
 * When the upload is not a readable workbook (or is beyond `limits`), a new workbook with only the
 * `Errores` sheet.
 */
export function errorsSheet(originalBuffer: Uint8Array, issues: readonly Issue[], limits: Partial<ReadLimits> = {}): Buffer {
  return appendSheet(originalBuffer, buildErrorsSheet(issues), { ...DEFAULT_READ_LIMITS, ...limits });
}
