/**
 * The ONLY module that imports the spreadsheet library. It turns an uploaded file into the neutral
 * model of `workbook.types.ts` and writes workbooks from that model.
 *
 * A plain .xlsx is read by the streaming reader (`xlsx-stream.reader.ts`: worksheets inflated and
 * scanned in chunks, the same checks, the same cells), which takes its number formats from here;
 * .xls, .ods and other zips are read by the library. Reading is safe and bounded: only .xlsx/.xlsm/.ods (ZIP) and .xls (OLE2) containers are accepted
 * (never CSV/HTML/SYLK text: CSV is read by `csv.reader.ts`, never by the spreadsheet library); file
 * size is capped; a ZIP is inspected before it is inflated (`zip.inspector.ts`: entry count,
 * inflated size, compression ratio, declared sizes verified, rows counted in the XML); rows and
 * columns are capped; formulas are never evaluated (cached values are read); macros are not loaded;
 * dates are converted here from their serials (UTC arithmetic, no time zone involved).
 *
 * The library is loaded on first use, not when this module is (it costs ~28 MB of RSS, mostly its
 * codepage tables): the full build only to read a non-.xlsx workbook or to write one; the number
 * formats the streaming reader needs (SSF: built-in table, date test, formatting) come from the
 * library's "mini" build (same version, same SSF code, ~7 MB), so reading a plain .xlsx never loads
 * the full build. Loading `ingestion` therefore costs no spreadsheet library at all.
 */
import type * as XLSX from 'xlsx';
import { isoToSerial, MAX_DATE_SERIAL, serialToIso } from './excel-date.converter';
import {
  Cell,
  DEFAULT_READ_LIMITS,
  ReadLimits,
  SheetData,
  SheetSpec,
  WorkbookReadFailure,
  WorkbookReadResult,
  WritableCell,
} from './workbook.types';
import { NumberFormats, readXlsxStreaming, readXlsxSync, SheetRowSink } from './xlsx-stream.reader';
import { inspectZip, inspectZipStreaming, isCompoundFile, isZip, readZipDirectory, STREAM_ABOVE_BYTES, ZipLimits } from './zip.inspector';

interface SsfApi {
  is_date(format: string): boolean;
  format(format: string | number, value: unknown, options?: { date1904?: boolean }): string;
  get_table(): Record<number, string>;
}
let library: typeof XLSX | undefined;

/** The full SheetJS build, loaded on first call (reading .xls/.ods/other zips, writing workbooks). */
function sheetjs(): typeof XLSX {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (library ??= require('xlsx') as typeof XLSX);
}

let ssfApi: SsfApi | undefined;

/**
 * SSF of the library's mini build, loaded on first call. Never used to read a workbook, so its table
 * holds only the built-in formats (reading loads a workbook's own formats into the library's table).
 */
function ssf(): SsfApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (ssfApi ??= (require('xlsx/dist/xlsx.mini.min.js') as typeof XLSX).SSF as SsfApi);
}

let builtinFormats: Readonly<Record<number, string>> | undefined;

/** The built-in number formats (ids below 164) of the untouched table. */
function builtinTable(): Readonly<Record<number, string>> {
  return (builtinFormats ??= Object.freeze(Object.fromEntries(Object.entries(ssf().get_table()).filter(([id]) => Number(id) < 164))));
}

const NO_1904 = { date1904: false };
const WITH_1904 = { date1904: true };

/** Number formats for the streaming reader, as the library applies them when it reads a workbook (loaded on first use). */
const NUMBER_FORMATS: NumberFormats = {
  get builtin() {
    return builtinTable();
  },
  isDate: isDateFormat,
  format: (format, value, date1904) => ssf().format(format, value, date1904 ? WITH_1904 : NO_1904),
};

const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General') return false;
  try {
    return ssf().is_date(format);
  } catch {
    return false;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function localIso(d: Date): string {
  return (
    `${String(d.getFullYear()).padStart(4, '0')}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}` +
    `T${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`
  );
}

function convertCell(raw: XLSX.CellObject, date1904: boolean): Cell | undefined {
  const format = typeof raw.z === 'string' ? raw.z : undefined;
  const text = typeof raw.w === 'string' ? raw.w : undefined;
  switch (raw.t) {
    case 'n': {
      const value = raw.v as number;
      if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
      if (isDateFormat(format) && value >= 0 && value <= MAX_DATE_SERIAL) {
        const iso = serialToIso(value, date1904);
        if (iso) return { type: 'date', value: iso, format, text };
      }
      return { type: 'number', value, format, text };
    }
    case 'd': {
      // Not produced with cellDates off; kept for safety. SheetJS builds such dates in local time.
      const v = raw.v;
      const iso = v instanceof Date ? localIso(v) : String(v).slice(0, 19);
      return { type: 'date', value: iso, format, text };
    }
    case 's':
      return { type: 'string', value: String(raw.v ?? ''), format, text };
    case 'b':
      return { type: 'boolean', value: Boolean(raw.v), format, text };
    case 'e':
      // A formula saved without its cached result comes as an error cell without value: empty.
      if (raw.v === undefined) return undefined;
      return { type: 'error', value: text ?? ERROR_TEXT[raw.v as number] ?? '#ERROR', format, text };
    default:
      return undefined;
  }
}

const zipLimitsOf = (limits: ReadLimits): ZipLimits => ({
  maxEntries: limits.maxZipEntries,
  maxUncompressedBytes: limits.maxUncompressedBytes,
  maxCompressionRatio: limits.maxCompressionRatio,
  maxRows: limits.maxRows,
});

/**
 * The zip checks of `readWorkbook` (sizes, ratio, declared sizes verified, rows counted) with a
 * streaming inflate, so refusing a huge sheet holds no inflated part in memory. Null when the file is
 * not a zip or passes; the reason `readWorkbook` would give otherwise. Run before `readWorkbook`.
 */
export async function refuseZipEarly(buffer: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<WorkbookReadFailure | null> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (!isZip(bytes) || bytes.length > limits.maxBytes) return null; // readWorkbook answers these at once
  // Parts that declare little cost little in memory (inflating is capped at the declared size): only
  // a workbook with a large part is streamed first, so small files are not inflated twice.
  const entries = readZipDirectory(bytes, limits.maxZipEntries);
  if (!Array.isArray(entries) || entries.every((e) => e.uncompressedSize <= STREAM_ABOVE_BYTES)) return null;
  const zip = await inspectZipStreaming(bytes, zipLimitsOf(limits));
  return zip.ok ? null : { reason: zip.reason, detail: zip.detail };
}

function preflight(bytes: Uint8Array, limits: ReadLimits): WorkbookReadResult | null {
  if (bytes.length === 0) return { ok: false, failure: { reason: 'UNREADABLE', detail: 'el archivo está vacío' } };
  if (bytes.length > limits.maxBytes) {
    return {
      ok: false,
      failure: { reason: 'TOO_LARGE', detail: `el archivo pesa ${bytes.length} bytes; el máximo es ${limits.maxBytes}` },
    };
  }
  if (isZip(bytes)) {
    const zip = inspectZip(bytes, zipLimitsOf(limits));
    return zip.ok ? null : { ok: false, failure: { reason: zip.reason, detail: zip.detail } };
  }
  if (isCompoundFile(bytes)) return null;
  return {
    ok: false,
    failure: { reason: 'UNREADABLE', detail: 'el archivo no es un libro de Excel (.xlsx, .xls), de LibreOffice (.ods) ni un CSV' },
  };
}

function readSheet(name: string, ws: XLSX.WorkSheet, date1904: boolean, limits: ReadLimits): SheetData | string {
  const dense = (ws['!data'] ?? []) as Array<Array<XLSX.CellObject | null | undefined> | null | undefined>;
  if (dense.length > limits.maxRows) {
    return `la hoja «${name}» tiene más de ${limits.maxRows} filas`;
  }
  const rows: Array<Array<Cell | undefined> | undefined> = [];
  for (let r = 0; r < dense.length; r++) {
    const rawRow = dense[r];
    if (!rawRow) {
      rows.push(undefined);
      continue;
    }
    if (rawRow.length > limits.maxColumns) {
      return `la hoja «${name}» tiene datos más allá de la columna ${limits.maxColumns}`;
    }
    const row: Array<Cell | undefined> = [];
    for (let c = 0; c < rawRow.length; c++) {
      const raw = rawRow[c];
      row.push(raw ? convertCell(raw, date1904) : undefined);
    }
    rows.push(row);
  }
  return { name, rows };
}

/**
 * Reads an uploaded workbook into the neutral model. Never throws. A plain .xlsx is read by the
 * streaming reader (`xlsx-stream.reader.ts`, same cells as the library gives); other formats by the
 * library.
 */
export function readWorkbook(buffer: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): WorkbookReadResult {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const early = sizeCheck(bytes, limits);
  if (early) return early;
  if (isZip(bytes)) {
    const streamed = readXlsxSync(bytes, limits, NUMBER_FORMATS);
    if (streamed) return streamed;
  }
  return readWithLibrary(bytes, limits);
}

/**
 * `readWorkbook` with every worksheet of an .xlsx inflated and scanned in chunks (memory holds the
 * cells read, not the sheet's XML nor the library's model). Other formats (.xls, .ods, .xlsb) are
 * read by the library, after a streaming zip check for zipped ones. Never throws.
 */
export async function readWorkbookStreaming(
  buffer: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  sink: SheetRowSink | null = null,
): Promise<WorkbookReadResult> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const early = sizeCheck(bytes, limits);
  if (early) return early;
  if (isZip(bytes)) {
    // With a sink, one sheet of a plain .xlsx is handed over row by row (other formats never call it).
    const streamed = await readXlsxStreaming(bytes, limits, NUMBER_FORMATS, sink);
    if (streamed) return streamed;
    const refused = await refuseZipEarly(bytes, limits);
    if (refused) return { ok: false, failure: refused };
  }
  return readWithLibrary(bytes, limits);
}

function sizeCheck(bytes: Uint8Array, limits: ReadLimits): WorkbookReadResult | null {
  if (bytes.length === 0) return { ok: false, failure: { reason: 'UNREADABLE', detail: 'el archivo está vacío' } };
  if (bytes.length > limits.maxBytes) {
    return {
      ok: false,
      failure: { reason: 'TOO_LARGE', detail: `el archivo pesa ${bytes.length} bytes; el máximo es ${limits.maxBytes}` },
    };
  }
  return null;
}

/** The library's reading of any workbook (the reference the streaming reader is tested against). */
export function readWorkbookWithLibrary(buffer: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): WorkbookReadResult {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  return sizeCheck(bytes, limits) ?? readWithLibrary(bytes, limits);
}

/** The library's reading (.xls, .ods, .xlsb and zips that are not plain SpreadsheetML packages). */
function readWithLibrary(bytes: Uint8Array, limits: ReadLimits): WorkbookReadResult {
  const refused = preflight(bytes, limits);
  if (refused) return refused;
  let wb: XLSX.WorkBook;
  try {
    wb = sheetjs().read(bytes, {
      type: 'buffer',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellNF: true,
      cellText: true,
      cellDates: false,
      cellStyles: false,
      sheetStubs: false,
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      // One more than allowed so an oversized sheet is detected rather than silently truncated.
      sheetRows: limits.maxRows + 1,
      WTF: false,
    });
  } catch (e) {
    const detail =
      e instanceof Error && /password|encrypt/i.test(e.message)
        ? 'el archivo está protegido con contraseña'
        : 'el archivo está dañado o no es un libro de cálculo';
    return { ok: false, failure: { reason: 'UNREADABLE', detail } };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: SheetData[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const sheet = readSheet(name, ws, date1904, limits);
    if (typeof sheet === 'string') return { ok: false, failure: { reason: 'TOO_LARGE', detail: sheet } };
    sheets.push(sheet);
  }
  return { ok: true, workbook: { sheets } };
}

function toCellObject(cell: WritableCell): XLSX.CellObject | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'string') return { t: 's', v: cell };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  if (typeof cell === 'boolean') return { t: 'b', v: cell };
  switch (cell.type) {
    case 'number':
      return { t: 'n', v: cell.value, z: cell.format };
    case 'date': {
      const timeOnly = /^\d{1,2}:\d{2}/.test(cell.value);
      const withTime = /T\d{2}:\d{2}/.test(cell.value);
      const format = cell.format ?? (timeOnly ? 'hh:mm' : withTime ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd');
      return { t: 'n', v: isoToSerial(cell.value), z: format };
    }
    case 'formula':
      return {
        t: typeof cell.cached === 'number' ? 'n' : typeof cell.cached === 'boolean' ? 'b' : 's',
        v: cell.cached,
        f: cell.formula.replace(/^=/, ''),
      };
  }
}

function toWorksheet(spec: SheetSpec): XLSX.WorkSheet {
  const lib = sheetjs();
  const ws: XLSX.WorkSheet = {};
  let maxCol = 0;
  spec.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const obj = toCellObject(cell);
      if (!obj) return;
      ws[lib.utils.encode_cell({ r, c })] = obj;
      maxCol = Math.max(maxCol, c);
    });
  });
  const lastRow = Math.max(0, spec.rows.length - 1);
  ws['!ref'] = lib.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: maxCol } });
  if (spec.columnWidths) ws['!cols'] = spec.columnWidths.map((wch) => ({ wch }));
  return ws;
}

function toBuffer(wb: XLSX.WorkBook): Buffer {
  const out: unknown = sheetjs().write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
  return Buffer.isBuffer(out) ? out : Buffer.from(out as Uint8Array);
}

/** Writes an .xlsx workbook with the given sheets, in order. */
export function writeWorkbook(sheets: readonly SheetSpec[]): Buffer {
  const lib = sheetjs();
  const wb = lib.utils.book_new();
  for (const spec of sheets) lib.utils.book_append_sheet(wb, toWorksheet(spec), spec.name);
  return toBuffer(wb);
}

/** What `appendSheet` changed in the original, for the appended sheet to say so. */
export interface AppendInfo {
  /** Formulas of the original replaced by their cached value (or by their text when none was saved). */
  readonly formulasReplaced: number;
  /** Hyperlinks of the original's cells removed. */
  readonly linksRemoved: number;
  /** Defined names (which hold formulas) removed. */
  readonly namesRemoved: number;
}

const NOTHING_CHANGED: AppendInfo = { formulasReplaced: 0, linksRemoved: 0, namesRemoved: 0 };

/**
 * A workbook the server hands out carries no formula, link or defined name that came from outside
 * (`HYPERLINK(…)`, DDE `cmd|' /C …'!A1`): each formula becomes its cached value, or its text as a
 * string when the file saved no value; links and defined names are dropped.
 */
function neutralise(wb: XLSX.WorkBook): AppendInfo {
  let formulasReplaced = 0;
  let linksRemoved = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    for (const key of Object.keys(ws)) {
      if (key.startsWith('!')) continue;
      const cell = ws[key] as XLSX.CellObject & { F?: string; D?: boolean };
      if (!cell || typeof cell !== 'object') continue;
      if (cell.f !== undefined || cell.F !== undefined) {
        formulasReplaced++;
        if (cell.v === undefined || cell.t === 'e' || cell.t === 'z') {
          ws[key] = { t: 's', v: cell.f !== undefined ? `=${cell.f}` : '' };
        } else {
          delete cell.f;
          delete cell.F;
          delete cell.D;
        }
      }
      if (cell.l !== undefined) {
        linksRemoved++;
        delete cell.l;
      }
    }
  }
  const names = wb.Workbook?.Names ?? [];
  if (wb.Workbook) wb.Workbook.Names = [];
  return { formulasReplaced, linksRemoved, namesRemoved: names.length };
}

/**
 * Returns the given workbook (as .xlsx) with a sheet appended; a sheet with the same name is
 * replaced. Values and number formats of the original are kept; its formulas are replaced by their
 * cached values and its links and defined names dropped (see `neutralise`). `sheet` may be a
 * function of what was replaced, so the appended sheet can say so. When the original cannot be read
 * (not a workbook, too large) or written back, returns a new workbook holding only the sheet.
 */
export function appendSheet(
  original: Uint8Array,
  sheet: SheetSpec | ((info: AppendInfo) => SheetSpec),
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Buffer {
  const specOf = (info: AppendInfo): SheetSpec => (typeof sheet === 'function' ? sheet(info) : sheet);
  const bytes = original instanceof Uint8Array ? original : new Uint8Array(original);
  if (preflight(bytes, limits)) return writeWorkbook([specOf(NOTHING_CHANGED)]);
  let wb: XLSX.WorkBook;
  try {
    // sheetStubs: a formula saved without its value comes as a stub, and must not vanish silently.
    wb = sheetjs().read(bytes, {
      type: 'buffer',
      cellFormula: true,
      cellNF: true,
      cellDates: false,
      bookVBA: false,
      sheetStubs: true,
      WTF: false,
    });
  } catch {
    return writeWorkbook([specOf(NOTHING_CHANGED)]);
  }
  const spec = specOf(neutralise(wb));
  const target = spec.name.toLowerCase();
  const existing = wb.SheetNames.find((n) => n.toLowerCase() === target);
  if (existing) {
    const index = wb.SheetNames.indexOf(existing);
    wb.SheetNames.splice(index, 1);
    delete wb.Sheets[existing];
    if (wb.Workbook?.Sheets) wb.Workbook.Sheets.splice(index, 1);
  }
  sheetjs().utils.book_append_sheet(wb, toWorksheet(spec), spec.name);
  try {
    return toBuffer(wb);
  } catch {
    return writeWorkbook([spec]); // the original cannot be written back (e.g. a cell beyond Excel's 32 767 characters)
  }
}
