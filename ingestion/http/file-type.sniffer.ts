import { isCompoundFile, isZip } from '../xlsx/zip.inspector';

export type WorkbookFileType = 'xlsx' | 'ods' | 'xls' | 'csv';

/**
 * The kind of a workbook by its content (never its extension): ZIP containers holding an Office Open
 * XML workbook or an OpenDocument spreadsheet, OLE2 compound files (.xls), or plain UTF-8 text (.csv).
 */
export function sniffWorkbookType(bytes: Uint8Array): WorkbookFileType | null {
  if (bytes.length === 0) return null;
  if (isZip(bytes)) {
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    // The local headers name the parts; an xlsx has [Content_Types].xml and xl/ parts.
    const all = Buffer.from(bytes).toString('latin1');
    if (all.includes('[Content_Types].xml') && all.includes('xl/')) return 'xlsx';
    return null;
  }
  if (isCompoundFile(bytes)) return 'xls';
  const sample = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  if (sample.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - 4 > 0 ? sample.length - 4 : sample.length));
  } catch {
    return null;
  }
  return /[,;\t]/.test(sample.toString('utf8')) ? 'csv' : null;
}
