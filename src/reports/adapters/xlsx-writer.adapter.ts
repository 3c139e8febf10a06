/**
 * The styled-workbook writer (one adapter file for ExcelJS): a list of sheets, each a titled table whose
 * cells may carry a background colour and a number format, written as .xlsx bytes. Figures are written
 * as numbers with a number format (never as text), so the office can sort, filter and compute on them.
 */
import type ExcelJS from 'exceljs';

let library: typeof ExcelJS | undefined;

/**
 * ExcelJS, loaded on the first styled workbook written rather than when this module is (it costs
 * ~28 MB of RSS, which a worker or API that never writes one should not carry).
 */
function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (library ??= require('exceljs') as typeof ExcelJS);
}

export interface SheetCell {
  value: string | number | null;
  /** Background, hex RRGGBB without '#'. */
  fill?: string;
  /** Font colour, hex RRGGBB. */
  color?: string;
  bold?: boolean;
  /** Excel number format, e.g. '0.0%'. */
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
}

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

export interface SheetSpec {
  name: string;
  /** Lines written above the table (title, cut, notes). */
  preamble: string[];
  columns: SheetColumn[];
  rows: SheetCell[][];
}

export interface WorkbookSpec {
  creator: string;
  title: string;
  sheets: SheetSpec[];
  /** Fixed creation date, so the same data give the same workbook. */
  created: Date;
}

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

export async function writeXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = spec.creator;
  wb.title = spec.title;
  wb.created = spec.created;
  wb.modified = spec.created;
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31));
    sheet.preamble.forEach((line, i) => {
      const c = ws.getCell(i + 1, 1);
      c.value = line;
      c.font = i === 0 ? { bold: true, size: 13 } : { italic: true, size: 10 };
    });
    const headerRow = sheet.preamble.length + (sheet.preamble.length ? 2 : 1);
    sheet.columns.forEach((col, i) => {
      ws.getColumn(i + 1).width = col.width;
      const c = ws.getCell(headerRow, i + 1);
      c.value = col.header;
      c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('1F4E79') } };
      c.alignment = { vertical: 'middle', wrapText: true };
    });
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, i) => {
        const col = sheet.columns[i];
        const c = ws.getCell(headerRow + 1 + r, i + 1);
        c.value = cell.value;
        const numFmt = cell.numFmt ?? col?.numFmt;
        if (numFmt && typeof cell.value === 'number') c.numFmt = numFmt;
        if (cell.fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
        if (cell.color || cell.bold) c.font = { bold: cell.bold, color: cell.color ? { argb: argb(cell.color) } : undefined };
        c.alignment = { vertical: 'top', wrapText: col?.wrap ?? false, horizontal: cell.align };
      });
    });
    ws.views = [{ state: 'frozen', ySplit: headerRow }];
    if (sheet.columns.length) {
      ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + sheet.rows.length, column: sheet.columns.length } };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/* ------------------------------------------------------------------------------------------------ *
 * Workbooks people fill in (templates) and the Errores workbook: header row 1, drop-down lists, text  *
 * format, locked cells, notes and internal links. The same adapter: ExcelJS stays in this one file.   *
 * ------------------------------------------------------------------------------------------------ */

/** A value cell of a form sheet; `null` leaves it empty. */
export interface FormCell {
  value: string | number | null;
  /** Overrides the column's `locked`. */
  locked?: boolean;
  /** A per-cell drop-down list (overrides the column's list). */
  list?: readonly string[];
  /** Background, hex RRGGBB. */
  fill?: string;
  /** A note (comment) on the cell. */
  note?: string;
  /** An internal link: sheet name and cell address (`C5`). Links never leave the workbook. */
  link?: { sheet: string; cell: string };
  bold?: boolean;
}

export interface FormColumn {
  /** Header text in row 1 (with its ` *` when required). */
  header: string;
  width: number;
  /** Cells formatted as text (`@`): `1.10` stays `1.10`. */
  text?: boolean;
  /** Number format of the column's cells, e.g. `0.##`. */
  numFmt?: string;
  /** Drop-down list of the column's cells (written only when it fits Excel's 255 characters). */
  list?: readonly string[];
  /** A whole number between these bounds (data validation), e.g. a year. */
  wholeBetween?: [number, number];
  /** A decimal of at least this value (data validation). */
  decimalMin?: number;
  /** A note on the header cell (what to write). */
  note?: string;
  /** Data cells locked when the sheet is protected (default false: fillable). */
  locked?: boolean;
  /** Header shaded as informative (filled by Rumbo, not imported). */
  informative?: boolean;
}

export interface FormSheet {
  name: string;
  /** A plain text sheet (Instrucciones): rows written as they are, the `boldRows` in bold, widths per column. */
  plain?: { rows: readonly (readonly (string | number | null)[])[]; widths: readonly number[]; boldRows?: readonly number[] };
  columns?: readonly FormColumn[];
  rows?: readonly (readonly FormCell[])[];
  /** Empty rows below the data that keep the column's format and drop-downs (default 200; 0 when protected and nothing may be added). */
  blankRows?: number;
  /** Protect the sheet: only unlocked cells can be changed (no password: it guides, it does not secure). */
  protect?: boolean;
}

const HEADER_FILL = '1F4E79';
const INFORMATIVE_FILL = '5B6B7A';
const LOCKED_FILL = 'EEF2F6';

/** A list for a data-validation formula: Excel takes at most 255 characters between the quotes. */
function listFormula(items: readonly string[]): string | null {
  const joined = items.map((i) => i.replace(/"/g, '')).join(',');
  return items.length && joined.length <= 255 ? `"${joined}"` : null;
}

function validationOf(column: FormColumn, list: readonly string[] | undefined): ExcelJS.DataValidation | null {
  const formula = list ? listFormula(list) : null;
  if (formula) {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Valor fuera de la lista',
      error: `Elija un valor de la lista: ${list!.join(', ').slice(0, 200)}`,
    };
  }
  if (column.wholeBetween) {
    return {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [column.wholeBetween[0], column.wholeBetween[1]],
      showErrorMessage: true,
      errorTitle: 'Número entero',
      error: `Escriba un número entero entre ${column.wholeBetween[0]} y ${column.wholeBetween[1]}.`,
    };
  }
  if (column.decimalMin !== undefined) {
    return {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [column.decimalMin],
      showErrorMessage: true,
      errorTitle: 'Número',
      error: `Escriba un número mayor o igual que ${column.decimalMin}, sin separador de miles.`,
    };
  }
  return null;
}

function addFormSheet(wb: ExcelJS.Workbook, sheet: FormSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name.slice(0, 31));
  if (sheet.plain) {
    sheet.plain.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    sheet.plain.rows.forEach((row, r) => {
      const excelRow = ws.getRow(r + 1);
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        const cell = excelRow.getCell(c + 1);
        cell.value = value;
        cell.alignment = { vertical: 'top', wrapText: row.length > 1 };
      });
      if (sheet.plain!.boldRows?.includes(r)) excelRow.font = { bold: true };
    });
    return ws;
  }
  const columns = sheet.columns ?? [];
  const rows = sheet.rows ?? [];
  columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.width = col.width;
    const header = ws.getCell(1, i + 1);
    header.value = col.header;
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(col.informative ? INFORMATIVE_FILL : HEADER_FILL) } };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.border = { bottom: { style: 'thin', color: { argb: 'FF000000' } } };
    if (col.note) header.note = col.note;
  });
  ws.getRow(1).height = 32;
  const blank = sheet.blankRows ?? (sheet.protect ? 0 : 200);
  const last = rows.length + blank;
  for (let r = 0; r < last; r++) {
    const data = rows[r];
    columns.forEach((col, i) => {
      const c = ws.getCell(r + 2, i + 1);
      const given = data?.[i];
      if (given && given.value !== null && given.value !== '') c.value = given.value;
      if (col.text) c.numFmt = '@';
      else if (col.numFmt) c.numFmt = col.numFmt;
      const locked = given?.locked ?? col.locked ?? false;
      c.protection = { locked };
      if (locked && sheet.protect) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(LOCKED_FILL) } };
      if (given?.fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(given.fill) } };
      if (given?.bold) c.font = { bold: true };
      if (given?.note) c.note = given.note;
      if (given?.link) {
        c.value = { text: String(given.value ?? ''), hyperlink: `#'${given.link.sheet.replace(/'/g, "''")}'!${given.link.cell}` };
        c.font = { color: { argb: 'FF0563C1' }, underline: true };
      }
      const validation = locked ? null : validationOf(col, given?.list ?? col.list);
      if (validation) c.dataValidation = validation;
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

/** Writes a workbook of form sheets, in order (the first sheet is the one that opens). */
export async function writeFormWorkbook(spec: {
  creator: string;
  title: string;
  created: Date;
  sheets: readonly FormSheet[];
}): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = spec.creator;
  wb.title = spec.title;
  wb.created = spec.created;
  wb.modified = spec.created;
  for (const sheet of spec.sheets) {
    const ws = addFormSheet(wb, sheet);
    if (sheet.protect) {
      await ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        sort: false,
        autoFilter: false,
        insertRows: false,
        deleteRows: false,
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An issue placed on a cell of the returned workbook: the sheet, Excel row and column header it names. */
export interface CellMark {
  sheet: string | null;
  row: number | null;
  /** The column's header as the issue names it (matched with `headerKey` against row 1 of the sheet). */
  column: string | null;
  message: string;
  severity: 'ERROR' | 'WARNING';
}

export interface ErrorsLayout {
  /** Name of the sheet listing the issues (moved first). */
  sheetName: string;
  /** One mark per listed issue, in the order of the sheet's rows from row 2. */
  marks: readonly CellMark[];
  /** How headers compare (ignoring case, accents, spaces and the `*`). */
  headerKey: (text: string) => string;
}

const ERROR_FILL = 'FFC7CE';
const WARNING_FILL = 'FFEB9C';

function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

/**
 * Makes an errors workbook readable: the issues sheet first, with a styled frozen header and each issue
 * row's sheet name a link to the offending cell (`#'Hoja'!C5`, inside the workbook); the offending cells
 * filled (red for errors, yellow for warnings) with a note holding the messages. The input has already
 * lost every outside formula, link and defined name (xlsx.adapter `appendSheet`); anything left that
 * is a formula becomes its value and any link that leaves the workbook is dropped, again, here.
 */
export async function markErrorsWorkbook(xlsx: Uint8Array, layout: ErrorsLayout): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  await wb.xlsx.load(Buffer.from(xlsx.buffer, xlsx.byteOffset, xlsx.byteLength) as never);
  const errors = wb.getWorksheet(layout.sheetName);
  if (!errors) throw new Error(`no ${layout.sheetName} sheet`);
  for (const ws of wb.worksheets) {
    if (ws === errors) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const result = (v as { result?: unknown }).result;
          cell.value = result === undefined || (typeof result === 'object' && result !== null) ? null : (result as ExcelJS.CellValue);
        } else if (v && typeof v === 'object' && 'hyperlink' in v) {
          cell.value = cellText(v as ExcelJS.CellValue);
        }
      }),
    );
  }
  // the issues sheet opens first
  (errors as unknown as { orderNo: number }).orderNo = -1;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const header = errors.getRow(1);
  header.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) } };
  });
  errors.views = [{ state: 'frozen', ySplit: 1 }];

  const sheets = new Map(wb.worksheets.filter((w) => w !== errors).map((w) => [w.name.toLowerCase(), w]));
  const headerIndex = new Map<ExcelJS.Worksheet, Map<string, number>>();
  const columnsOf = (ws: ExcelJS.Worksheet) => {
    let map = headerIndex.get(ws);
    if (!map) {
      map = new Map();
      const m = map;
      ws.getRow(1).eachCell({ includeEmpty: false }, (c, col) => {
        const key = layout.headerKey(cellText(c.value));
        if (key && !m.has(key)) m.set(key, col);
      });
      headerIndex.set(ws, map);
    }
    return map;
  };
  const notes = new Map<ExcelJS.Cell, string[]>();
  layout.marks.forEach((mark, i) => {
    const target = mark.sheet ? sheets.get(mark.sheet.toLowerCase()) : undefined;
    if (!target) return;
    const col = (mark.column && columnsOf(target).get(layout.headerKey(mark.column))) || 1;
    const row = mark.row && mark.row > 0 ? mark.row : 1;
    const address = `${columnLetter(col)}${row}`;
    const link = errors.getCell(i + 2, 1);
    link.value = { text: cellText(link.value) || target.name, hyperlink: `#'${target.name.replace(/'/g, "''")}'!${address}` };
    link.font = { color: { argb: 'FF0563C1' }, underline: true };
    const cell = target.getCell(address);
    const list = notes.get(cell) ?? [];
    if (!notes.has(cell)) {
      notes.set(cell, list);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(mark.severity === 'ERROR' ? ERROR_FILL : WARNING_FILL) } };
    } else if (mark.severity === 'ERROR') {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(ERROR_FILL) } };
    }
    list.push(mark.message);
  });
  for (const [cell, messages] of notes) cell.note = messages.join('\n').slice(0, 4000);
  wb.definedNames.model = [];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
