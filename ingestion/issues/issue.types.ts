import { ImportIssueSeverity } from '../../src/domain/enums';

/**
 * Stable machine-readable codes of import issues. Never rename one: batches store them.
 * E = always an error, W = always a warning.
 */
export const ISSUE_CODES = [
  // Workbook
  'LIBRO_ILEGIBLE', // E file is not a readable workbook
  'LIBRO_DEMASIADO_GRANDE', // E size / rows / columns above the limits
  'LIBRO_NO_RECONOCIDO', // E no or several kind sheets
  'HOJA_REQUERIDA', // E a required sheet is missing
  'HOJA_DESCONOCIDA', // W an extra sheet is ignored
  'HOJA_SIN_DATOS', // E a sheet that needs data rows has none
  'HOJA_VARIAS_FILAS', // E a one-row sheet has several
  // Columns
  'COLUMNA_REQUERIDA', // E
  'COLUMNA_DESCONOCIDA', // W
  'COLUMNA_DUPLICADA', // E two columns with the same header
  'FORMATO_ASISTENCIA_NO_RECONOCIDO', // E Asistencia sheet is neither list nor matrix
  // Cells
  'VALOR_REQUERIDO', // E
  'NUMERO_AMBIGUO', // E
  'NUMERO_INVALIDO', // E
  'FECHA_INVALIDA', // E
  'HORA_INVALIDA', // E
  'VALOR_NO_PERMITIDO', // E enumeration, boolean or attendance mark not accepted
  'VALOR_NEGATIVO', // E
  'VALOR_FUERA_DE_RANGO', // E
  'TEXTO_DEMASIADO_LARGO', // E
  // References and keys
  'FILA_DUPLICADA', // E duplicate natural key inside the workbook
  'ENTIDAD_INEXISTENTE', // E
  'POLITICA_INEXISTENTE', // E
  'PRODUCTO_INEXISTENTE', // E
  'OBJETIVO_INEXISTENTE', // E
  'SESION_INEXISTENTE', // E
  'SESION_AMBIGUA', // E a date header matches several sessions
  'ENTIDAD_NO_RESPONSABLE', // E report for a product the uploader's entity is not responsible for
  'ENTIDAD_NO_AUTORIZADA', // E plan / instance uploaded by an entity that may not send it
  // Plan and report checks (calculation.md §10; docs/ingestion.md "Checks" gives the SDP rule of each)
  'PONDERADORES_NO_SUMAN_UNO', // W V2: vigente products' weights do not add up to 1
  'PONDERADOR_FALTANTE', // W some products have a weight and this one does not: weight 0
  'LINEA_BASE_REQUERIDA', // W V16 DECRECIENTE without numeric baseline: figures null
  'PERIODO_FUERA_DE_HORIZONTE', // E
  'PERIODO_NO_COINCIDE', // E period does not match the periodicity
  'UMBRALES_INCONSISTENTES', // E medium threshold not below the high one
  'FECHAS_INCONSISTENTES', // E "Desde" after "Hasta"
  'META_FINAL_DIFIERE_SUMA', // W SUMA: sum of yearly goals ≠ final goal
  'META_FINAL_DIFIERE_ULTIMO_ANIO', // W other types: last-year goal ≠ final goal
  'META_FINAL_BAJO_LINEA_BASE', // W CRECIENTE final goal below baseline
  'META_FINAL_SOBRE_LINEA_BASE', // W DECRECIENTE final goal above baseline
  'VALOR_PARECE_FRACCION', // W 0–1 value in a product whose unit is %
  'PRODUCTO_SIN_METAS', // W
  'VALOR_REPORTADO_CAMBIA', // W a report changes a stored value
  // Review (docs/review.md)
  'PERIODO_CERRADO', // E a report would add to or change a period the office closed
  'PONDERADORES_RESULTADOS_NO_SUMAN_UNO', // W V0 results' weights do not add up to 1
  'PONDERADORES_NO_ANIDAN', // W V1 a result's products do not add up to its weight
  'ESCALA_MEZCLADA', // W one series mixes scales (once per product or result)
  'PRODUCTO_RETIRADO', // W a stored product missing from a re-sent PLAN becomes NO_VIGENTE
  'RESULTADO_INEXISTENTE', // E a product names a result not in Resultados
  'RESULTADO_OTRO_OBJETIVO', // W a product's result belongs to another objective
  'CODIGO_PRODUCTO_Y_RESULTADO', // E the same code names a product and a result
  'NUMERO_COMO_TEXTO', // W text in numeric cells read under the number rules (once per sheet and column)
  // Instance checks
  'TOTAL_SESIONES_NO_COINCIDE', // W matrix total ≠ marks
  'MARCA_DIA_NO_COINCIDE', // W day-number mark ≠ session date's day
  'FECHA_SESION_NO_COINCIDE_ANIO', // W session date outside its "Año"
  'HORAS_INCONSISTENTES', // W end time before start time
  'FUNCION_TEXTO_DIFERENTE', // W same function number with different texts
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem found in an uploaded workbook. */
export interface Issue {
  readonly severity: ImportIssueSeverity;
  readonly code: IssueCode;
  /** Sheet name as written in the workbook; null for workbook-level issues. */
  readonly sheet: string | null;
  /** Row number as Excel shows it (headers are row 1); null for sheet- or workbook-level issues. */
  readonly row: number | null;
  /** Column header as in the template (without the ` *` marker), or as written for unknown ones. */
  readonly column: string | null;
  /** The offending value as text; null when there is none. */
  readonly value: string | null;
  /** Spanish message naming sheet, row, column and value, what is wrong and how to fix it. */
  readonly message: string;
}

/** Where an issue is. */
export interface IssueLocation {
  readonly sheet?: string | null;
  readonly row?: number | null;
  readonly column?: string | null;
  readonly value?: string | null;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === ImportIssueSeverity.ERROR);
}

export function errorsOf(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === ImportIssueSeverity.ERROR);
}

export function warningsOf(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === ImportIssueSeverity.WARNING);
}
