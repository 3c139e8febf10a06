/** Test helpers: build workbooks from arrays of rows, or from objects keyed by column key. */
import { ImportKind } from '../../src/domain/enums';
import { ColumnDef, SheetDef, templateHeader } from '../templates/column.types';
import { templateOf } from '../templates/template.registry';
import { templateSheets } from '../templates/template.writer';
import { readWorkbook, writeWorkbook } from '../xlsx/xlsx.adapter';
import { Cell, SheetSpec, WorkbookData, WritableCell } from '../xlsx/workbook.types';

export type Rows = WritableCell[][];
export type RowObject = Record<string, WritableCell>;

/** Writes an .xlsx with one sheet per entry, in order. */
export function buildWorkbook(sheets: Record<string, Rows>): Buffer {
  return writeWorkbook(Object.entries(sheets).map(([name, rows]): SheetSpec => ({ name, rows })));
}

export function readBack(buffer: Uint8Array): WorkbookData {
  const read = readWorkbook(buffer);
  if (!read.ok) throw new Error(`unreadable: ${read.failure.detail}`);
  return read.workbook;
}

export function headerRow(def: SheetDef): string[] {
  return def.columns.map((c: ColumnDef) => templateHeader(c.header, c.required));
}

/** Header row + one row per object, aligned to the definition's columns. */
export function sheetRows(def: SheetDef, objects: readonly RowObject[]): Rows {
  return [headerRow(def), ...objects.map((o) => def.columns.map((c) => o[c.key] ?? null))];
}

/** A full workbook of `kind` from objects per template sheet name (sheets without objects omitted unless listed). */
export function workbookOf(kind: ImportKind, objects: Record<string, readonly RowObject[]>): Buffer {
  const sheets: Record<string, Rows> = {};
  for (const def of templateOf(kind).sheets) {
    const rows = objects[def.name];
    if (rows) sheets[def.name] = sheetRows(def, rows);
  }
  return buildWorkbook(sheets);
}

const toWritable = (cell: Cell | undefined): WritableCell => {
  if (!cell) return null;
  switch (cell.type) {
    case 'number':
      return { type: 'number', value: cell.value, format: cell.format ?? 'General' };
    case 'date':
      return { type: 'date', value: cell.value, format: cell.format };
    case 'error':
      return cell.value;
    default:
      return cell.value;
  }
};

/** The generated template of `kind`, with `rows` appended below the headers of each named sheet. */
export function fillTemplate(kind: ImportKind, rows: Record<string, Rows>): Buffer {
  // the blank template's content (Instrucciones, headers), as the template writer lays it out
  const template = readBack(writeWorkbook(templateSheets(kind)));
  const sheets = template.sheets.map((sheet): SheetSpec => {
    const existing = sheet.rows.map((r) => (r ?? []).map(toWritable));
    return { name: sheet.name, rows: [...existing, ...(rows[sheet.name] ?? [])] };
  });
  return writeWorkbook(sheets);
}

/** Rows of the objects aligned to a definition, without header (for `fillTemplate`). */
export function dataRows(def: SheetDef, objects: readonly RowObject[]): Rows {
  return sheetRows(def, objects).slice(1);
}
