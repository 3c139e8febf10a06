/**
 * Byte-level builders for the hostile-input corpus (scripts/build-hostile-corpus.ts): a ZIP writer
 * that can lie in its directory, minimal .xlsx and .ods containers, streamed runs of zeros, and
 * small non-spreadsheet binaries. Deterministic: no clock, no randomness.
 */
import { createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface RawEntry {
  readonly name: string;
  /** The bytes as stored in the archive (already deflated when method is 8). */
  readonly data: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  /** Sizes written in the local header and the central directory (they may lie). */
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly flags?: number;
  /** Point this directory entry at the local header (and data) of an earlier entry: overlapping entries. */
  readonly sameDataAs?: string;
}

/** An honest entry: deflated (method 8) unless `stored`. */
export function entry(name: string, content: Buffer | string, stored = false): RawEntry {
  const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const data = stored ? raw : deflateRawSync(raw, { level: 9 });
  return { name, data, method: stored ? 0 : 8, crc: crc32(raw), compressedSize: data.length, uncompressedSize: raw.length };
}

/** A deflate stream of `total` zero bytes, produced in 1 MiB chunks (never held uncompressed). */
export async function deflatedZeros(total: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = total; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** Writes a ZIP archive exactly as described, lies included (fixed timestamps). */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const e of entries) {
    if (e.sameDataAs) continue;
    const name = Buffer.from(e.name, 'utf8');
    const header = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(e.flags ?? 0),
      u16(e.method),
      u16(0),
      u16(0x21), // 1980-01-01
      u32(e.crc),
      u32(e.compressedSize),
      u32(e.uncompressedSize),
      u16(name.length),
      u16(0),
      name,
    ]);
    offsets.set(e.name, offset);
    parts.push(header, e.data);
    offset += header.length + e.data.length;
  }
  const directory: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    directory.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(e.flags ?? 0),
        u16(e.method),
        u16(0),
        u16(0x21),
        u32(e.crc),
        u32(e.compressedSize),
        u32(e.uncompressedSize),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offsets.get(e.sameDataAs ?? e.name)!),
        name,
      ]),
    );
  }
  const cd = Buffer.concat(directory);
  const eocd = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(cd.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...parts, cd, eocd]);
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One row of a worksheet's XML: strings as inline strings (no shared-strings part), numbers as values. */
export function xmlRow(cells: ReadonlyArray<string | number | null>): string {
  const xml = cells
    .map((v) =>
      v === null
        ? '<c/>'
        : typeof v === 'number'
          ? `<c><v>${v}</v></c>`
          : `<c t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`,
    )
    .join('');
  return `<row>${xml}</row>`;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The package parts of a one-sheet .xlsx around the given sheet entry (named xl/worksheets/sheet1.xml). */
export function xlsxParts(sheetName: string): RawEntry[] {
  return [
    entry(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    entry(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    entry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    entry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

/** A worksheet part from row XML. */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** A one-sheet .xlsx (honest sizes) from the sheet's row XML. */
export function minimalXlsx(sheetName: string, rows: string): Buffer {
  return rawZip([...xlsxParts(sheetName), entry('xl/worksheets/sheet1.xml', sheetXml(rows))]);
}

/** A minimal OpenDocument spreadsheet whose content.xml is given (mimetype stored first, as the format requires). */
export function minimalOds(contentXml: string): Buffer {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return rawZip([
    entry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', true),
    entry('content.xml', contentXml),
    entry('styles.xml', '<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    entry('META-INF/manifest.xml', manifest),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length).reverse(), body, u32(crc32(body)).reverse()]);
}

/** A valid 1×1 grey PNG. */
export function tinyPng(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a 64-bit little-endian ELF executable (header only, then zeros). */
export function elfStub(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(b, 0);
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  b.writeUInt32LE(1, 20);
  b.writeUInt16LE(64, 52);
  return b;
}
