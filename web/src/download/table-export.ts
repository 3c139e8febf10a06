/**
 * What "Descargar" writes: exactly the rows and columns of the table on screen (docs/web.md#descargas).
 * CSV holds the text shown (es-CO, `;`-separated, UTF-8 with BOM so Excel in Spanish opens it right);
 * the .xlsx holds typed cells (numbers stay numbers, percentages keep their format) so they can be summed.
 */

export type CellValue = string | number | boolean | null;

export interface ExportColumn<Row> {
  header: string;
  /** The text shown in the cell (and written to the CSV). */
  text: (row: Row) => string;
  /** The typed value written to the .xlsx; defaults to the text. */
  value?: (row: Row) => CellValue;
  /** Excel number format of the .xlsx cell, e.g. `0.0%`. */
  numberFormat?: string;
}

export interface ExportTable {
  headers: string[];
  /** Text per cell, as shown. */
  text: string[][];
  /** Typed value per cell. */
  values: CellValue[][];
  numberFormats: (string | undefined)[];
}

export function buildExportTable<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): ExportTable {
  return {
    headers: columns.map((c) => c.header),
    text: rows.map((row) => columns.map((c) => c.text(row))),
    values: rows.map((row) => columns.map((c) => (c.value ? c.value(row) : c.text(row)))),
    numberFormats: columns.map((c) => c.numberFormat),
  };
}

function csvField(text: string): string {
  return /[";\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 with `;` as separator (the decimal comma is taken), CRLF line ends, UTF-8 BOM. */
export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.text].map((cells) => cells.map(csvField).join(';'));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** A file name safe on every system: `anexo-CARTAGENA-2024-06-30`. */
export function exportFileName(base: string): string {
  return (
    base
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 100) || 'tabla'
  );
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
