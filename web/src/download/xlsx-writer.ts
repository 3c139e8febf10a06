/**
 * The web app's one adapter to the spreadsheet library (the `xlsx` package the server also uses). Loaded on
 * demand when someone clicks "Descargar .xlsx", so it never weighs on the first load.
 */
import type { ExportTable } from './table-export';

export async function toXlsx(table: ExportTable, sheetName: string): Promise<Blob> {
  const XLSX = await import('xlsx');
  const sheet = XLSX.utils.aoa_to_sheet([table.headers, ...table.values]);
  table.numberFormats.forEach((format, col) => {
    if (!format) return;
    for (let r = 1; r <= table.values.length; r++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c: col })] as { t?: string; z?: string } | undefined;
      if (cell && cell.t === 'n') cell.z = format;
    }
  });
  sheet['!cols'] = table.headers.map((h, c) => ({
    wch: Math.min(60, Math.max(h.length, ...table.text.map((row) => (row[c] ?? '').length)) + 2),
  }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Datos');
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
