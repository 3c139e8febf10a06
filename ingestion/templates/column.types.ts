import { ImportKind } from '../../src/domain/enums';

export type ColumnType = 'text' | 'number' | 'date' | 'time' | 'boolean' | 'enum' | 'list';

/**
 * One column of a template sheet. The same definition drives the template writer (header,
 * `Instrucciones`) and the parser (header matching, typed reading, required check).
 */
export interface ColumnDef {
  /** English field key used by the parser. */
  readonly key: string;
  /** Spanish header, without the ` *` required marker. */
  readonly header: string;
  readonly required: boolean;
  readonly type: ColumnType;
  /** Spanish: what the column means. */
  readonly meaning: string;
  /** Spanish: how to write it. */
  readonly format: string;
  /** enum: canonical values. */
  readonly allowed?: readonly string[];
  /** enum: accepted abbreviations → canonical value. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** number: must be an integer. */
  readonly integer?: boolean;
  /** number: smallest value (0 → `VALOR_NEGATIVO` below it; otherwise `VALOR_FUERA_DE_RANGO`). */
  readonly min?: number;
  /** number: largest value. */
  readonly max?: number;
  /** number: the text `ND` (no disponible) is accepted and read as no value. */
  readonly acceptsNd?: boolean;
  /** text / list items: maximum length in characters. */
  readonly maxLength?: number;
  /** list: how items are separated. */
  readonly listSeparator?: 'comma' | 'newline';
  /** Column width in the generated template, in characters. */
  readonly width?: number;
  /** Example value shown in `Instrucciones`. */
  readonly example?: string;
  /** Written by Rumbo in a pre-filled template for the reader (a name, a goal); read but never imported. */
  readonly informative?: boolean;
}

export interface SheetDef {
  /** Sheet name in the template (matched ignoring case, accents and spaces). */
  readonly name: string;
  /** Spanish description for `Instrucciones`. */
  readonly description: string;
  /** The workbook may omit the sheet. */
  readonly optional: boolean;
  /** Exactly one data row. */
  readonly singleRow?: boolean;
  /** At least one data row. */
  readonly requiresRows?: boolean;
  /**
   * Pre-filled templates: a row whose `informative` columns hold something (so Rumbo wrote it) and whose
   * `answers` columns are all empty is a period the entity did not answer: skipped, not an error.
   */
  readonly unansweredPrefill?: { readonly informative: readonly string[]; readonly answers: readonly string[] };
  readonly columns: readonly ColumnDef[];
}

export interface TemplateDef {
  readonly kind: ImportKind;
  /** Spanish title for `Instrucciones`. */
  readonly title: string;
  /** Spanish: who sends it and what for. */
  readonly description: string;
  readonly sheets: readonly SheetDef[];
  /** Extra Spanish paragraphs for `Instrucciones` (e.g. the attendance matrix layout). */
  readonly notes?: readonly string[];
}

/** Default maximum lengths. */
export const CODE_LENGTH = 50;
export const SHORT_TEXT = 255;
export const LONG_TEXT = 4000;
export const URL_LENGTH = 1000;

/** The column with this key in a sheet definition (throws on a programming error). */
export function columnOf(sheet: SheetDef, key: string): ColumnDef {
  const column = sheet.columns.find((c) => c.key === key);
  if (!column) throw new Error(`Column ${key} not defined in sheet ${sheet.name}`);
  return column;
}

export const REQUIRED_MARK = ' *';

/** Header text as written in the template: required columns end with ` *`. */
export function templateHeader(header: string, required: boolean): string {
  return required ? `${header}${REQUIRED_MARK}` : header;
}
