/**
 * Inspection of a ZIP container (xlsx, ods) before the spreadsheet library inflates anything, so a
 * "zip bomb" is refused without using the memory it claims. Pure (node:zlib only).
 *
 * 1. The central directory is read exactly as SheetJS reads it (the last end-of-directory record,
 *    its entry count, each entry's local header), so what is checked is what would be inflated.
 * 2. Declared sizes: entry count, total uncompressed size and compression ratio (per entry and
 *    overall) are bounded before any inflation. ZIP64, encryption and unknown methods are refused.
 * 3. Declared sizes are then verified: each entry is inflated with an output cap of its declared
 *    size + 1 byte, so a lying directory (sizes 0, data descriptors, small sizes over a huge stream)
 *    is refused after at most its declared size. Rows are counted in the inflated XML on the way,
 *    so a sheet with a million rows is refused before any parser materialises them.
 * 4. `inspectZipStreaming` does the same with a streaming inflate: each part is inflated in 64 KB
 *    chunks, rows are counted across chunk boundaries, and nothing holds the inflated part, so
 *    refusing a workbook costs little memory whatever its size (the parsing thread uses it first).
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_ENTRY_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_ENTRY_SIZE = 46;
const LOCAL_ENTRY_SIZE = 30;
const ZIP64_MARK = 0xffffffff;

/** Below this inflated size an entry's (or the whole archive's) compression ratio is not checked. */
export const RATIO_GRACE_BYTES = 1024 * 1024;

export interface ZipLimits {
  /** Maximum number of entries (parts) in the archive. */
  readonly maxEntries: number;
  /** Maximum total uncompressed size of all entries. */
  readonly maxUncompressedBytes: number;
  /** Maximum uncompressed/compressed ratio, per entry and overall (above RATIO_GRACE_BYTES). */
  readonly maxCompressionRatio: number;
  /** Maximum number of rows (`<row>`, `<table:table-row>` elements) per sheet part. */
  readonly maxRows: number;
}

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

export type ZipProblem = { readonly reason: 'UNREADABLE' | 'TOO_LARGE'; readonly detail: string };

export type ZipInspection =
  | { readonly ok: true; readonly entries: readonly ZipEntry[]; readonly uncompressedBytes: number }
  | ({ readonly ok: false } & ZipProblem);

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** OLE2 compound file (legacy .xls, or an encrypted .xlsx). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

export const damaged = (detail = 'el archivo comprimido está incompleto o dañado'): ZipProblem => ({ reason: 'UNREADABLE', detail });
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** The central directory, read the way SheetJS reads it; a problem when it is damaged or unsupported. */
export function readZipDirectory(bytes: Uint8Array, maxEntries = Number.MAX_SAFE_INTEGER): ZipEntry[] | ZipProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // SheetJS takes the LAST end-of-directory signature of the file; so do we.
  let eocd = -1;
  for (let i = bytes.length - 4; i >= 0; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0 || eocd + EOCD_SIZE > bytes.length) return damaged();
  const onDisk = view.getUint16(eocd + 8, true);
  const total = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  if (onDisk === 0xffff || total === 0xffff || start === ZIP64_MARK) {
    return damaged('el archivo comprimido usa el formato ZIP64, que no se admite para libros');
  }
  if (onDisk !== total) return damaged('el archivo comprimido está dividido en varias partes');
  if (total > maxEntries) {
    return { reason: 'TOO_LARGE', detail: `el archivo comprimido tiene ${total} partes; el máximo es ${maxEntries}` };
  }
  const entries: ZipEntry[] = [];
  let offset = start;
  for (let n = 0; n < total; n++) {
    if (offset + CENTRAL_ENTRY_SIZE > bytes.length || view.getUint32(offset, true) !== CENTRAL_ENTRY_SIGNATURE) return damaged();
    const nameLength = view.getUint16(offset + 28, true);
    const next = offset + CENTRAL_ENTRY_SIZE + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    if (next > bytes.length) return damaged();
    const entry: ZipEntry = {
      name: Buffer.from(bytes.buffer, bytes.byteOffset + offset + CENTRAL_ENTRY_SIZE, nameLength).toString('latin1'),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    if ([entry.compressedSize, entry.uncompressedSize, entry.localOffset].includes(ZIP64_MARK)) {
      return damaged('el archivo comprimido usa el formato ZIP64, que no se admite para libros');
    }
    entries.push(entry);
    offset = next;
  }
  return entries;
}

/**
 * Total declared uncompressed size of all entries, or null when the directory cannot be read or
 * uses ZIP64 (sizes above 4 GiB), which a workbook upload never legitimately needs.
 */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
  const entries = readZipDirectory(bytes);
  return Array.isArray(entries) ? entries.reduce((sum, e) => sum + e.uncompressedSize, 0) : null;
}

function ratioProblem(what: string, inflated: number, compressed: number, limits: ZipLimits): ZipProblem | null {
  if (inflated <= RATIO_GRACE_BYTES || inflated <= compressed * limits.maxCompressionRatio) return null;
  const ratio = compressed === 0 ? '∞' : String(Math.round(inflated / compressed));
  return {
    reason: 'TOO_LARGE',
    detail: `${what} se descomprime ${ratio} veces su tamaño (${mb(inflated)}); el máximo admitido es ${limits.maxCompressionRatio} veces (posible «bomba zip»)`,
  };
}

/** Checks on the declared sizes only: nothing is inflated. */
export function checkDeclared(entries: readonly ZipEntry[], fileSize: number, limits: ZipLimits): ZipProblem | null {
  const inflated = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (inflated > limits.maxUncompressedBytes) {
    return {
      reason: 'TOO_LARGE',
      detail: `el contenido descomprimido ocuparía ${mb(inflated)}; el máximo es ${mb(limits.maxUncompressedBytes)} (posible «bomba zip»)`,
    };
  }
  const offsets = new Set<number>();
  for (const e of entries) {
    if (e.flags & 0x41) return { reason: 'UNREADABLE', detail: 'el archivo está protegido con contraseña' };
    if (e.method !== 0 && e.method !== 8) return damaged('el archivo comprimido usa un método de compresión no admitido');
    // Entries sharing their data (an "overlapping" zip bomb) or claiming more bytes than the file has.
    if (e.compressedSize > fileSize || offsets.has(e.localOffset)) return damaged('el archivo comprimido está dañado o manipulado');
    offsets.add(e.localOffset);
    const problem = ratioProblem(`la parte «${e.name.slice(0, 80)}»`, e.uncompressedSize, e.compressedSize, limits);
    if (problem) return problem;
  }
  const compressed = entries.reduce((sum, e) => sum + e.compressedSize, 0);
  return ratioProblem('el archivo', inflated, compressed, limits);
}

function isNameEnd(byte: number | undefined): boolean {
  return byte === undefined || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x3e || byte === 0x2f;
}

const ROW = Buffer.from('row');
const TABLE_ROW = Buffer.from('table-row');
const TABLE = Buffer.from('table');

/**
 * Counts rows in XML fed in chunks: `<row>` per part, `<table:table-row>` per `<table:table>` (any
 * namespace prefix); a tag split across two chunks is counted once. `most` is the largest count of
 * one sheet so far.
 */
export class RowCounter {
  most = 0;
  private rows = 0;
  private carry: Buffer | null = null;

  /** Feeds the next chunk; returns `most`. */
  feed(chunk: Uint8Array): number {
    const next = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf = this.carry ? Buffer.concat([this.carry, next]) : next;
    this.carry = null;
    this.scan(buf, false);
    return this.most;
  }

  /** Ends the input (a tag cut by the end counts as ended there); returns `most`. */
  flush(): number {
    const rest = this.carry;
    this.carry = null;
    if (rest) this.scan(rest, true);
    return this.most;
  }

  private scan(buf: Buffer, last: boolean): void {
    for (let at = buf.indexOf(0x3c); at >= 0; at = buf.indexOf(0x3c, at + 1)) {
      let end = at + 1;
      let colon = -1;
      while (end < buf.length && end - at < 64 && !isNameEnd(buf[end])) {
        if (buf[end] === 0x3a) colon = end;
        end++;
      }
      if (end === buf.length && !last) {
        this.carry = Buffer.from(buf.subarray(at)); // the name may go on in the next chunk
        return;
      }
      if (!isNameEnd(buf[end])) continue;
      const start = colon >= 0 ? colon + 1 : at + 1;
      const is = (word: Buffer): boolean => end - start === word.length && buf.compare(word, 0, word.length, start, end) === 0;
      if (is(ROW) || is(TABLE_ROW)) {
        this.rows++;
        if (this.rows > this.most) this.most = this.rows;
      } else if (colon >= 0 && is(TABLE)) {
        this.rows = 0;
      }
    }
  }
}

/** Largest number of rows in one sheet of an XML part: `<row>` per part, `<table:table-row>` per `<table:table>`. */
export function maxRowsInXml(xml: Uint8Array): number {
  const counter = new RowCounter();
  counter.feed(xml);
  return counter.flush();
}

/** Where an entry's data starts (after its local header), or a problem. */
export function dataStartOf(bytes: Uint8Array, e: ZipEntry): number | ZipProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lo = e.localOffset;
  if (lo + LOCAL_ENTRY_SIZE > bytes.length || view.getUint32(lo, true) !== LOCAL_ENTRY_SIGNATURE) return damaged();
  const dataStart = lo + LOCAL_ENTRY_SIZE + view.getUint16(lo + 26, true) + view.getUint16(lo + 28, true);
  return dataStart > bytes.length ? damaged() : dataStart;
}

export const inflatesBeyond = (e: ZipEntry): ZipProblem =>
  damaged(
    `el archivo comprimido está manipulado: la parte «${e.name.slice(0, 80)}» se descomprime en más bytes de los que declara (posible «bomba zip»)`,
  );
export const notWhatItDeclares = (e: ZipEntry): ZipProblem =>
  damaged(`el archivo comprimido está manipulado: la parte «${e.name.slice(0, 80)}» no ocupa lo que declara`);

/** Whether rows are counted in this entry: an XML part large enough to hold more rows than allowed (`<row/>` is 6 bytes). */
const countsRows = (e: ZipEntry, size: number, limits: ZipLimits): boolean => /\.xml$/i.test(e.name) && size / 6 > limits.maxRows;

export function rowsProblem(rows: number, limits: ZipLimits): ZipProblem | null {
  return rows > limits.maxRows
    ? { reason: 'TOO_LARGE', detail: `una hoja del libro tiene ${rows} filas; el máximo es ${limits.maxRows}` }
    : null;
}

/**
 * Inflates one entry with its declared size as the cap and counts its rows (see `verifyEntry`): the
 * inflated bytes, or a problem when it is damaged, lies or holds too many rows.
 */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, limits: ZipLimits): Uint8Array | ZipProblem {
  const dataStart = dataStartOf(bytes, e);
  if (typeof dataStart !== 'number') return dataStart;
  let data: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize || dataStart + e.compressedSize > bytes.length) return damaged();
    data = bytes.subarray(dataStart, dataStart + e.compressedSize);
  } else {
    try {
      // The rest of the file, as SheetJS inflates it: the deflate stream ends itself.
      data = inflateRawSync(bytes.subarray(dataStart), { maxOutputLength: e.uncompressedSize + 1 });
    } catch (err) {
      return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? inflatesBeyond(e) : damaged();
    }
    if (data.length !== e.uncompressedSize) return notWhatItDeclares(e);
  }
  const rows = countsRows(e, data.length, limits) ? rowsProblem(maxRowsInXml(data), limits) : null;
  return rows ?? data;
}

/** Inflates one entry with its declared size as the cap; a problem when it is damaged or lies. */
export function verifyEntry(bytes: Uint8Array, e: ZipEntry, limits: ZipLimits): ZipProblem | null {
  const data = inflateEntry(bytes, e, limits);
  return data instanceof Uint8Array ? null : data;
}

const CHUNK = 64 * 1024;

/**
 * Parts declaring at most this many bytes are verified in memory (an inflate is capped at the declared
 * size + 1, so that is all they can cost); larger ones are streamed.
 */
export const STREAM_ABOVE_BYTES = 1024 * 1024;

/**
 * Inflates `data` (a raw deflate stream, possibly followed by other bytes, which are ignored as
 * SheetJS ignores them) in chunks, handing each inflated chunk to `onChunk` and keeping none.
 * `onChunk` returns false to stop. Resolves 'end', 'stopped', or the inflate error.
 */
export function inflateInChunks(data: Uint8Array, onChunk: (chunk: Buffer) => boolean): Promise<'end' | 'stopped' | Error> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    let done = false;
    const finish = (result: 'end' | 'stopped' | Error): void => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.on('error', () => undefined);
      inflate.destroy();
      resolve(result);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (!onChunk(chunk)) finish('stopped');
    });
    inflate.once('end', () => finish('end'));
    inflate.once('error', (err) => finish(err));
    let offset = 0;
    const pump = (): void => {
      while (!done && offset < data.length) {
        const slice = data.subarray(offset, offset + CHUNK);
        offset += slice.length;
        if (!inflate.write(slice)) {
          inflate.once('drain', pump);
          return;
        }
      }
      if (!done) inflate.end();
    };
    pump();
  });
}

/** `verifyEntry` with a streaming inflate: at most one chunk of the inflated entry is held at a time. */
async function verifyEntryStreaming(bytes: Uint8Array, e: ZipEntry, limits: ZipLimits): Promise<ZipProblem | null> {
  const dataStart = dataStartOf(bytes, e);
  if (typeof dataStart !== 'number') return dataStart;
  // Stored (nothing to inflate) or small: in memory, which costs at most STREAM_ABOVE_BYTES + 1.
  if (e.method === 0 || e.uncompressedSize <= STREAM_ABOVE_BYTES) return verifyEntry(bytes, e, limits);
  const counter = countsRows(e, e.uncompressedSize, limits) ? new RowCounter() : null;
  let inflated = 0;
  const result = await inflateInChunks(bytes.subarray(dataStart), (chunk) => {
    inflated += chunk.length;
    if (inflated > e.uncompressedSize) return false;
    counter?.feed(chunk);
    return true;
  });
  if (inflated > e.uncompressedSize) return inflatesBeyond(e);
  if (result instanceof Error) return damaged();
  if (inflated !== e.uncompressedSize) return notWhatItDeclares(e);
  return counter ? rowsProblem(counter.flush(), limits) : null;
}

/** Inspects a ZIP container against the limits; inflates each entry at most to its declared size. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits): ZipInspection {
  const entries = readZipDirectory(bytes, limits.maxEntries);
  if (!Array.isArray(entries)) return { ok: false, ...entries };
  const declared = checkDeclared(entries, bytes.length, limits);
  if (declared) return { ok: false, ...declared };
  for (const e of entries) {
    const problem = verifyEntry(bytes, e, limits);
    if (problem) return { ok: false, ...problem };
  }
  return { ok: true, entries, uncompressedBytes: entries.reduce((sum, e) => sum + e.uncompressedSize, 0) };
}

/**
 * `inspectZip` with a streaming inflate (same checks, same answers): the memory it needs does not
 * grow with the inflated size of the parts, so a refusal costs little whatever the size.
 */
export async function inspectZipStreaming(bytes: Uint8Array, limits: ZipLimits): Promise<ZipInspection> {
  const entries = readZipDirectory(bytes, limits.maxEntries);
  if (!Array.isArray(entries)) return { ok: false, ...entries };
  const declared = checkDeclared(entries, bytes.length, limits);
  if (declared) return { ok: false, ...declared };
  for (const e of entries) {
    const problem = await verifyEntryStreaming(bytes, e, limits);
    if (problem) return { ok: false, ...problem };
  }
  return { ok: true, entries, uncompressedBytes: entries.reduce((sum, e) => sum + e.uncompressedSize, 0) };
}
