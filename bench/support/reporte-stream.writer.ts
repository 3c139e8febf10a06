/**
 * Writes a REPORTE workbook of any size to a file without holding its rows: SheetJS (what
 * `reporteWorkbook` uses) builds the whole sheet in memory, several GB for 1 000 000 rows. Every part
 * but the worksheet is taken from a one-row workbook written by `reporteWorkbook` (same styles,
 * workbook, content types); the worksheet XML is generated row by row in SheetJS's own encoding
 * (strings as `t="str"`, empty cells left out) and deflated as a stream into the zip, whose local
 * header is patched with the CRC and sizes once the part is written (no data descriptor, no ZIP64:
 * parts stay below 4 GB).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { ImportKind } from '../../src/domain/enums';
import { headerRow, RowObject } from '../../ingestion/test-support/workbook.builder';
import { templateOf } from '../../ingestion/templates/template.registry';
import { dataStartOf, readZipDirectory } from '../../ingestion/xlsx/zip.inspector';
import { reporteWorkbook } from './data.generator';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array, crc = 0): number {
  let c = crc ^ 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function rowXml(r: number, cells: readonly unknown[], columns: readonly string[]): string {
  let out = `<row r="${r}">`;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') out += `<c r="${columns[c]}${r}"><v>${v}</v></c>`;
    else out += `<c r="${columns[c]}${r}" t="str"><v>${escapeXml(String(v))}</v></c>`;
  }
  return `${out}</row>`;
}

interface Part {
  name: string;
  data: Buffer;
}

/** The parts of a one-row REPORTE written by SheetJS, inflated; the worksheet's XML split around its rows. */
function templateParts(sample: RowObject): { parts: Part[]; sheetName: string; head: string; tail: string } {
  const bytes = reporteWorkbook([sample]);
  const entries = readZipDirectory(bytes);
  if (!Array.isArray(entries)) throw new Error('the sample REPORTE is not a zip');
  const parts: Part[] = [];
  for (const e of entries) {
    const start = dataStartOf(bytes, e);
    if (typeof start !== 'number') throw new Error(start.detail);
    const raw = bytes.subarray(start, start + e.compressedSize);
    parts.push({ name: e.name, data: e.method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
  }
  const sheet = parts.find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name));
  if (!sheet) throw new Error('no worksheet in the sample REPORTE');
  const xml = sheet.data.toString('utf8');
  const open = xml.indexOf('<sheetData>');
  const close = xml.indexOf('</sheetData>');
  if (open < 0 || close < 0) throw new Error('unexpected worksheet XML');
  return {
    parts: parts.filter((p) => p !== sheet),
    sheetName: sheet.name,
    head: xml.slice(0, open + '<sheetData>'.length),
    tail: xml.slice(close),
  };
}

function localHeader(name: Buffer, crc: number, compressed: number, size: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(8, 8); // deflate
  h.writeUInt32LE(0, 10); // time, date
  h.writeUInt32LE(crc, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name]);
}

function centralEntry(name: Buffer, crc: number, compressed: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt32LE(0, 12);
  h.writeUInt32LE(crc, 16);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

export interface StreamedReporte {
  rows: number;
  bytes: number;
  /** Inflated size of the worksheet part. */
  sheetBytes: number;
  /** Inflated size of every part. */
  inflatedBytes: number;
}

/** Writes the `count` REPORTE rows to `file` as an .xlsx, streaming; the rows are consumed once. */
export async function writeReporteStreaming(file: string, rows: Iterable<RowObject>, count: number): Promise<StreamedReporte> {
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) throw new Error('no rows');
  const def = templateOf(ImportKind.REPORTE).sheets.find((s) => s.name === 'Reporte');
  if (!def) throw new Error('no Reporte sheet in the REPORTE template');
  const keys = def.columns.map((c) => c.key);
  const columns = keys.map((_, i) => columnName(i));
  const t = templateParts(first.value);
  const fd = openSync(file, 'w');
  let offset = 0;
  const central: Buffer[] = [];
  const write = (b: Buffer): void => {
    writeSync(fd, b, 0, b.length, offset);
    offset += b.length;
  };
  let inflatedBytes = 0;
  try {
    for (const p of t.parts) {
      const name = Buffer.from(p.name, 'utf8');
      const data = deflateRawSync(p.data);
      const crc = crc32(p.data);
      central.push(centralEntry(name, crc, data.length, p.data.length, offset));
      write(localHeader(name, crc, data.length, p.data.length));
      write(data);
      inflatedBytes += p.data.length;
    }
    // The worksheet: header with placeholders, deflated stream, header patched.
    const name = Buffer.from(t.sheetName, 'utf8');
    const headerAt = offset;
    write(localHeader(name, 0, 0, 0));
    const dataAt = offset;
    const deflate = createDeflateRaw({ level: 6 });
    deflate.on('data', (chunk: Buffer) => write(chunk));
    const done = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let crc = 0;
    let size = 0;
    let written = 0;
    const push = async (xml: string): Promise<void> => {
      const b = Buffer.from(xml, 'utf8');
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise<void>((resolve) => deflate.once('drain', resolve));
    };
    const last = columns[columns.length - 1]!;
    // The dimension (the sheet's range) is written first, from the row count given.
    const head = t.head.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${last}${count + 1}"/>`);
    let chunk = head + rowXml(1, headerRow(def), columns);
    let r = 1;
    const rowOf = (o: RowObject) => keys.map((k) => o[k] ?? null);
    for (let next: IteratorResult<RowObject> = first; !next.done; next = iterator.next()) {
      chunk += rowXml(++r, rowOf(next.value), columns);
      written++;
      if (chunk.length > 1 << 20) {
        await push(chunk);
        chunk = '';
      }
    }
    if (written !== count) throw new Error(`${written} rows written, ${count} announced`);
    await push(chunk + t.tail);
    deflate.end();
    await done;
    const compressed = offset - dataAt;
    writeSync(fd, localHeader(name, crc, compressed, size), 0, 30, headerAt);
    central.push(centralEntry(name, crc, compressed, size, headerAt));
    inflatedBytes += size;
    const cdAt = offset;
    for (const c of central) write(c);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(central.length, 8);
    eocd.writeUInt16LE(central.length, 10);
    eocd.writeUInt32LE(offset - cdAt, 12);
    eocd.writeUInt32LE(cdAt, 16);
    write(eocd);
    return { rows: written, bytes: offset, sheetBytes: size, inflatedBytes };
  } finally {
    closeSync(fd);
  }
}
