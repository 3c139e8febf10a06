/**
 * Neutral workbook model shared by the whole ingestion pipeline. Only `xlsx.adapter.ts` knows the
 * spreadsheet library; everything else works on these plain types.
 */

/** A number cell (not date-formatted). `format` is the number format code, e.g. `0%` or `General`. */
export interface NumberCell {
  readonly type: 'number';
  readonly value: number;
  readonly format?: string;
  /** The text the spreadsheet displays (formatted value), when known. */
  readonly text?: string;
}

export interface StringCell {
  readonly type: 'string';
  readonly value: string;
  readonly format?: string;
  readonly text?: string;
}

export interface BooleanCell {
  readonly type: 'boolean';
  readonly value: boolean;
  readonly format?: string;
  readonly text?: string;
}

/**
 * A date or time cell. `value` is the naive local date-time `YYYY-MM-DDTHH:MM:SS` the spreadsheet
 * shows (no time zone). Time-only cells (serial below 1) have the date part `1899-12-31`.
 */
export interface DateCell {
  readonly type: 'date';
  readonly value: string;
  readonly format?: string;
  readonly text?: string;
}

/** A cell holding a spreadsheet error such as `#DIV/0!`; `value` is that text. */
export interface ErrorCell {
  readonly type: 'error';
  readonly value: string;
  readonly format?: string;
  readonly text?: string;
}

export type Cell = NumberCell | StringCell | BooleanCell | DateCell | ErrorCell;
export type CellType = Cell['type'];

/** A row; index 0 is column A. Missing cells are `undefined`. */
export type SheetRow = ReadonlyArray<Cell | undefined>;

export interface SheetData {
  readonly name: string;
  /** Rows by index: index 0 is Excel row 1. Missing rows are `undefined`. */
  readonly rows: ReadonlyArray<SheetRow | undefined>;
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
}

/** Bounds applied when reading an uploaded workbook. */
export interface ReadLimits {
  /** Maximum size of the uploaded file in bytes. */
  readonly maxBytes: number;
  /** Maximum total uncompressed size of the parts of a zipped workbook (xlsx, ods). */
  readonly maxUncompressedBytes: number;
  /** Maximum number of rows per sheet (header included). */
  readonly maxRows: number;
  /** Maximum number of columns per sheet. */
  readonly maxColumns: number;
  /** Maximum number of parts (entries) of a zipped workbook. */
  readonly maxZipEntries: number;
  /** Maximum compression ratio of a zipped workbook, per part and overall (parts above 1 MiB inflated). */
  readonly maxCompressionRatio: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 500,
  maxZipEntries: 1000,
  maxCompressionRatio: 200,
};

/** A cell to write. Plain strings are always written as text (never as formulas). */
export type WritableCell =
  | string
  | number
  | boolean
  | null
  | undefined
  | { readonly type: 'number'; readonly value: number; readonly format: string }
  /** `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or `HH:MM` (time only). */
  | { readonly type: 'date'; readonly value: string; readonly format?: string }
  /** A formula with its cached result (what a spreadsheet application saves). */
  | { readonly type: 'formula'; readonly formula: string; readonly cached: number | string | boolean };

export interface SheetSpec {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<WritableCell>>;
  /** Column widths in characters. */
  readonly columnWidths?: readonly number[];
}

/** Why a workbook could not be read. */
export type WorkbookReadFailure =
  | { readonly reason: 'UNREADABLE'; readonly detail: string }
  | { readonly reason: 'TOO_LARGE'; readonly detail: string };

export type WorkbookReadResult =
  | { readonly ok: true; readonly workbook: WorkbookData }
  | { readonly ok: false; readonly failure: WorkbookReadFailure };
