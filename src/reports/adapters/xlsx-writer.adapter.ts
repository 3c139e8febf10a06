/**
 * The styled-workbook writer (one adapter file for ExcelJS): a list of sheets, each a titled table whose
 * cells may carry a background colour and a number format, written as .xlsx bytes. Figures are written
 * as numbers with a number format (never as text), so the office can sort, filter and compute on them.
 */
import ExcelJS from 'exceljs';

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
  const wb = new ExcelJS.Workbook();
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
