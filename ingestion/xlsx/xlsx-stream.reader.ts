/**
 * Streaming reader of `.xlsx` workbooks into the neutral model of `workbook.types.ts`, without the
 * spreadsheet library's workbook model: each worksheet part is inflated in chunks (node:zlib) and its
 * XML scanned as it arrives, row by row, cell by cell; only the cells read are kept. Shared strings
 * and styles (number formats, for dates and displayed texts) are read first. It gives the cells
 * SheetJS gives with the options of `xlsx.adapter.ts` (same values, types, formats and texts; the
 * formatting of texts is delegated to the adapter, the only module that knows the library).
 *
 * Every zip check of `zip.inspector.ts` is kept: entry count, declared and total sizes, compression
 * ratio (checked before anything is inflated), each part inflated with its declared size as the cap
 * and verified to be that size, rows counted (a sheet over the limit is refused with the count).
 * Rows and columns are capped as `readWorkbook` caps them.
 *
 * Returns null when the file is not a plain SpreadsheetML package (no `xl/workbook.xml`: .ods,
 * .xlsb, unusual layouts): the caller then reads it with the library.
 */
import { createInflateRaw } from 'node:zlib';
import { MAX_DATE_SERIAL, serialToIso } from './excel-date.converter';
import { Cell, ReadLimits, SheetData, SheetRow, WorkbookReadResult } from './workbook.types';
import {
  checkDeclared,
  damaged,
  dataStartOf,
  inflateEntry,
  inflatesBeyond,
  notWhatItDeclares,
  readZipDirectory,
  rowsProblem,
  ZipEntry,
  ZipLimits,
  ZipProblem,
} from './zip.inspector';

/** Number formats as the spreadsheet library understands them (given by `xlsx.adapter.ts`). */
export interface NumberFormats {
  /** Built-in format codes by id (0–163). */
  readonly builtin: Readonly<Record<number, string>>;
  isDate(format: string): boolean;
  /** The text the library displays for a value under a format. */
  format(format: string, value: number | string | boolean, date1904: boolean): string;
}

/**
 * Takes one worksheet's rows as they are read, instead of keeping them (a streamed import). Rows are
 * handed over in order once a later row has started; the rest when the sheet ends.
 */
export interface SheetRowSink {
  /** Which sheet (index in workbook order) to hand over, or -1 for none; called once the package is open. */
  choose(names: readonly string[]): number;
  /**
   * Complete rows of the chosen sheet (`first` is the index of the first one: 0 = Excel row 1; missing
   * rows are undefined or left out at the end). A promise pauses the reading until it settles.
   */
  rows(first: number, rows: ReadonlyArray<SheetRow | undefined>): Promise<void> | void;
  /** A cell of the chosen sheet belongs to a row already handed over (rows out of order): what was handed over is not the sheet. */
  disorder(): void;
}

/** Rows of a streamed sheet handed over at a time (about 2 MB of XML for a REPORTE). */
export const HAND_OVER_ROWS = 5000;

const ERROR_CODES: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#WTF?',
]);

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;
const ENTITIES: Readonly<Record<string, string>> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };

function rawUnescape(s: string): string {
  const i = s.indexOf('<![CDATA[');
  if (i === -1) {
    if (s.indexOf('&') === -1 && s.indexOf('_x') === -1) return s;
    return s
      .replace(
        ENTITY,
        (m: string, code: string | undefined) =>
          ENTITIES[m] || String.fromCharCode(parseInt(code ?? '', m.indexOf('x') > -1 ? 16 : 10)) || m,
      )
      .replace(CODE, (_m, c: string) => String.fromCharCode(parseInt(c, 16)));
  }
  const j = s.indexOf(']]>');
  return rawUnescape(s.slice(0, i)) + s.slice(i + 9, j) + rawUnescape(s.slice(j + 3));
}

/** XML text as SheetJS unescapes it (entities, `_xHHHH_`, and CRLF → LF for cell texts). */
function unescapeXml(s: string, xlsx: boolean): string {
  const out = rawUnescape(s);
  return xlsx && out.indexOf('\r\n') !== -1 ? out.replace(/\r\n/g, '\n') : out;
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** `\s` of a regular expression (without the u flag), by char code. */
function isSpace(ch: number): boolean {
  return (
    ch === 32 ||
    (ch >= 9 && ch <= 13) ||
    ch === 160 ||
    ch === 5760 ||
    (ch >= 8192 && ch <= 8202) ||
    ch === 8232 ||
    ch === 8233 ||
    ch === 8239 ||
    ch === 8287 ||
    ch === 12288 ||
    ch === 65279
  );
}

/** `[\w:.-]` by char code. */
function isNameChar(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 58 || ch === 46 || ch === 45;
}

/** The `r`, `t` and `s` attributes of a `<c>` tag. */
export interface CellAttributes {
  ref: string | undefined;
  type: string | undefined;
  style: string | undefined;
}

/**
 * Reads a cell tag's attributes into `out` as `ATTR` matched against it would (leftmost matches,
 * names compared whole), without a match object per attribute: it runs once per cell.
 */
export function cellAttributes(attrs: string, out: CellAttributes): void {
  out.ref = out.type = out.style = undefined;
  const n = attrs.length;
  let p = 0;
  while (p < n) {
    let e = p;
    while (e < n && isNameChar(attrs.charCodeAt(e))) e++;
    if (e === p) {
      p++;
      continue;
    }
    // a failed match from p fails from every start inside the name too: go on after it
    let k = e;
    while (k < n && isSpace(attrs.charCodeAt(k))) k++;
    if (attrs.charCodeAt(k) !== 61 /* = */) {
      p = e;
      continue;
    }
    k++;
    while (k < n && isSpace(attrs.charCodeAt(k))) k++;
    const quote = attrs.charCodeAt(k);
    const close = quote === 34 || quote === 39 ? attrs.indexOf(quote === 34 ? '"' : "'", k + 1) : -1;
    if (close < 0) {
      p = e;
      continue;
    }
    if (e - p === 1) {
      const c = attrs.charCodeAt(p);
      if (c === 114 /* r */) out.ref = attrs.slice(k + 1, close);
      else if (c === 116 /* t */) out.type = attrs.slice(k + 1, close);
      else if (c === 115 /* s */) out.style = attrs.slice(k + 1, close);
    }
    p = close + 1;
  }
}

/** Attributes of an opening tag, by local name (namespace prefix dropped). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) {
    const name = m[1]!;
    const colon = name.indexOf(':');
    const local = colon >= 0 && !name.startsWith('xmlns') ? name.slice(colon + 1) : name;
    out[local] = m[2] ?? m[3] ?? '';
  }
  return out;
}

function tagsOf(xml: string, local: string): string[] {
  return xml.match(new RegExp(`<(?:\\w+:)?${local}\\b[^>]*>`, 'g')) ?? [];
}

const TEXT_RUN = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TAG = /<[^>]*>/g;

/** A shared or inline string item (`<si>`/`<is>` content), as SheetJS's parse_si reads it. */
function stringItem(x: string): string {
  if (!x) return '';
  const plain = /^\s*<(?:\w+:)?t[^>]*>/.exec(x);
  if (plain) {
    const start = x.indexOf('>') + 1;
    const end = x.slice(start).search(/<\/(?:\w+:)?t>/);
    return unescapeXml(end >= 0 ? x.slice(start, start + end) : x.slice(start), true);
  }
  if (/<(?:\w+:)?r\b[^<>]*>/.test(x)) {
    return unescapeXml((x.replace(PHONETIC, '').match(TEXT_RUN) ?? []).join('').replace(TAG, ''), true);
  }
  return '';
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:\w+:)?(?:si|sstItem)>([\s\S]*?)<\/(?:\w+:)?(?:si|sstItem)>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(stringItem(m[1]!));
  return out;
}

interface Styles {
  /** Number format code of each cell style (cellXfs index); undefined = id 0. */
  readonly formats: ReadonlyArray<{ readonly id: number; readonly code: string | undefined }>;
}

function readStyles(xml: string | undefined, formats: NumberFormats): Styles | null {
  if (xml === undefined) return null;
  const custom = new Map<number, string>();
  for (const tag of tagsOf(xml, 'numFmt')) {
    const a = attributes(tag);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(parseInt(a.numFmtId, 10), unescapeXml(a.formatCode, false));
  }
  const section = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  const list: Array<{ id: number; code: string | undefined }> = [];
  if (section) {
    for (const tag of tagsOf(section[1]!, 'xf')) {
      const a = attributes(tag);
      const id = a.numFmtId !== undefined ? parseInt(a.numFmtId, 10) : 0;
      list.push({ id, code: custom.get(id) ?? formats.builtin[id] });
    }
  }
  return { formats: list };
}

/** Column index (0 = A) and row index (0 = row 1) of a cell reference; column only when no digits. */
function decodeRef(ref: string): { c: number; r: number } {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) - 64;
    if (code < 1 || code > 26) break;
    c = 26 * c + code;
  }
  return { c: c - 1, r: parseInt(ref.slice(i), 10) - 1 };
}

const zipLimitsOf = (limits: ReadLimits): ZipLimits => ({
  maxEntries: limits.maxZipEntries,
  maxUncompressedBytes: limits.maxUncompressedBytes,
  maxCompressionRatio: limits.maxCompressionRatio,
  maxRows: limits.maxRows,
});

/** What to read of a worksheet part, and what was found in it. */
interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: Styles | null;
  readonly date1904: boolean;
  readonly formats: NumberFormats;
  readonly limits: ReadLimits;
}

const GENERAL = 'General';

/**
 * Scans the XML of one worksheet fed in text chunks, keeping the cells of `<sheetData>`. After a
 * problem of the model (rows, columns) it stops keeping cells but goes on counting rows, so the
 * answer is the one the zip inspector and `readWorkbook` would give.
 */
class SheetScanner {
  readonly rows: Array<Array<Cell | undefined> | undefined> = [];
  /** `<row>` elements seen. */
  rowCount = 0;
  /** The first problem of the model (rows beyond the cap, columns beyond the cap). */
  problem: string | null = null;
  private buf = '';
  private state: 'before' | 'data' | 'after' = 'before';
  private rowIndex = -1;
  private skipRow = false;
  private col = -1;
  private counting = false;
  /** Rows below this index were handed over to the sink. */
  private handedOver = 0;
  private pending: Array<Promise<void>> = [];
  private outOfOrder = false;
  /** The attributes of the cell being read (one object for every cell). */
  private readonly attrs: CellAttributes = { ref: undefined, type: undefined, style: undefined };

  constructor(
    private readonly name: string,
    private readonly ctx: SheetContext,
    private readonly sink: SheetRowSink | null = null,
  ) {}

  /** What the sink asked to wait for since the last call (the reader pauses inflating meanwhile). */
  takePending(): Promise<void> | null {
    if (this.pending.length === 0) return null;
    const all = Promise.all(this.pending).then(() => undefined);
    this.pending = [];
    return all;
  }

  /** Hands rows [handedOver, upTo) to the sink and forgets them. */
  private handOver(upTo: number): void {
    // A sheet over a cap is refused at the end: nothing more to hand over.
    if (!this.sink || this.outOfOrder || this.problem || this.counting || upTo <= this.handedOver) return;
    const end = Math.min(upTo, this.rows.length);
    const part = this.rows.slice(this.handedOver, Math.max(this.handedOver, end));
    for (let i = this.handedOver; i < end; i++) this.rows[i] = undefined;
    const first = this.handedOver;
    this.handedOver = upTo;
    const wait = this.sink.rows(first, part);
    if (wait) this.pending.push(wait);
  }

  feed(text: string): void {
    this.buf = this.buf.length ? this.buf + text : text;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    this.buf = '';
    if (!this.problem && this.rows.length > this.ctx.limits.maxRows)
      this.problem = `la hoja «${this.name}» tiene más de ${this.ctx.limits.maxRows} filas`;
    this.handOver(this.rows.length);
  }

  private scan(last: boolean): void {
    const buf = this.buf;
    let p = 0;
    if (this.state === 'before') {
      const m = /<(?:\w+:)?sheetData\b[^>]*>/.exec(buf);
      if (!m) {
        // Keep a tail that may hold the start of the tag.
        this.buf = last ? '' : buf.slice(Math.max(0, buf.length - 64));
        return;
      }
      this.state = m[0].endsWith('/>') ? 'after' : 'data';
      p = m.index + m[0].length;
    }
    if (this.state === 'after') {
      this.countRowsAfter(buf, p);
      return;
    }
    const n = buf.length;
    while (p < n) {
      const lt = buf.indexOf('<', p);
      if (lt < 0) {
        p = n;
        break;
      }
      const gt = buf.indexOf('>', lt + 1);
      if (gt < 0) {
        p = lt;
        break;
      }
      // Local name of the tag.
      let i = lt + 1;
      const closing = buf.charCodeAt(i) === 47; /* / */
      if (closing) i++;
      let nameEnd = i;
      let colon = -1;
      for (; nameEnd < gt; nameEnd++) {
        const ch = buf.charCodeAt(nameEnd);
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
        if (ch === 58) colon = nameEnd;
      }
      const nameStart = colon >= 0 ? colon + 1 : i;
      const len = nameEnd - nameStart;
      const c0 = buf.charCodeAt(nameStart);
      if (closing) {
        if (len === 9 && buf.startsWith('sheetData', nameStart)) {
          this.state = 'after';
          this.countRowsAfter(buf, gt + 1);
          return;
        }
        p = gt + 1;
        continue;
      }
      if (len === 3 && c0 === 114 /* r */ && buf.charCodeAt(nameStart + 1) === 111 && buf.charCodeAt(nameStart + 2) === 119) {
        // A self-closing row holds no cell; SheetJS does not number it either (a next row without `r` follows the previous one).
        if (buf.charCodeAt(gt - 1) === 47) this.countRow();
        else this.openRow(buf.slice(nameEnd, gt));
        p = gt + 1;
        continue;
      }
      if (len === 1 && c0 === 99 /* c */) {
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        if (selfClosing) {
          if (!this.skipRow) this.cell(buf.slice(nameEnd, gt - 1), '');
          p = gt + 1;
          continue;
        }
        const close = colon >= 0 ? `</${buf.slice(i, colon)}:c>` : '</c>';
        const end = buf.indexOf(close, gt + 1);
        if (end < 0) {
          if (last) {
            p = n;
            break;
          }
          p = lt; // the cell goes on in the next chunk
          break;
        }
        if (!this.skipRow) this.cell(buf.slice(nameEnd, gt), buf.slice(gt + 1, end));
        p = end + close.length;
        continue;
      }
      p = gt + 1;
    }
    this.buf = last ? '' : buf.slice(p);
  }

  /** After `</sheetData>` nothing is read, but `<row>` tags are still counted (as the zip inspector counts them). */
  private countRowsAfter(buf: string, from: number): void {
    const re = /<(?:[\w.-]+:)?row[\s>/]/g;
    re.lastIndex = from;
    while (re.exec(buf)) this.rowCount++;
    this.buf = buf.slice(Math.max(from, buf.length - 64));
    // The kept tail is scanned again with the next chunk: do not count its rows twice.
    re.lastIndex = 0;
    while (re.exec(this.buf)) this.rowCount--;
  }

  private countRow(): void {
    this.rowCount++;
    // Over the cap the sheet is refused with the count (as the zip inspector does): only count from here.
    if (this.rowCount > this.ctx.limits.maxRows) this.counting = true;
  }

  private openRow(attrs: string): void {
    this.countRow();
    const m = /\br\s*=\s*["'](\d+)["']/.exec(attrs);
    const r = m ? parseInt(m[1]!, 10) : this.rowIndex + 2; // SheetJS: tagr + 1
    this.rowIndex = r - 1;
    this.col = -1;
    if (this.sink && this.rowIndex - this.handedOver >= HAND_OVER_ROWS) this.handOver(this.rowIndex);
    // As SheetJS with sheetRows = maxRows + 1: rows beyond are not read (the sheet is refused anyway).
    this.skipRow = this.counting || r > this.ctx.limits.maxRows + 1;
  }

  private stop(problem: string): void {
    this.problem ??= problem;
    this.counting = true;
    this.skipRow = true;
  }

  private cell(attrs: string, content: string): void {
    const a = this.attrs;
    cellAttributes(attrs, a);
    const { ref, type, style } = a;
    let row = this.rowIndex;
    let col: number;
    if (ref) {
      const d = decodeRef(ref);
      col = d.c;
      if (!Number.isNaN(d.r)) row = d.r;
    } else col = this.col + 1;
    this.col = col;

    let v: string | undefined;
    const vs = content.indexOf('<v>');
    if (vs >= 0) {
      const ve = content.indexOf('</v>', vs + 3);
      v = content.slice(vs + 3, ve >= 0 ? ve : undefined);
    } else if (content.indexOf('v') >= 0) {
      const m = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(content);
      if (m) v = m[1];
    }
    if (v === '') v = undefined;
    if (v !== undefined) v = unescapeXml(v, false);
    if (type === undefined && v === undefined) return;
    const t = type ?? 'n';
    let kind: 'n' | 's' | 'b' | 'e';
    let value: number | string | boolean;
    let text: string | undefined;
    switch (t) {
      case 'n':
        if (v === undefined) return;
        kind = 'n';
        value = parseFloat(v);
        break;
      case 's': {
        if (v === undefined) return;
        const s = this.ctx.strings[parseInt(v, 10)];
        if (s === undefined) throw new Error('shared string out of range');
        kind = 's';
        value = s;
        break;
      }
      case 'str':
        kind = 's';
        value = v !== undefined ? unescapeXml(v, true) : '';
        break;
      case 'inlineStr': {
        kind = 's';
        const m = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(content);
        value = m ? stringItem(m[1]!) : '';
        break;
      }
      case 'b':
        kind = 'b';
        value = v === '1' || v === 'true';
        break;
      case 'e':
        if (v === undefined || !ERROR_CODES.has(v)) return; // no cached result: an empty cell
        kind = 'e';
        value = v;
        text = v;
        break;
      case 'd': {
        // ISO date cell (rare): its serial, as SheetJS converts it with cellDates off.
        const ms = v !== undefined ? Date.parse(v.length <= 10 ? `${v}T00:00:00Z` : /Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`) : NaN;
        if (Number.isNaN(ms)) return;
        kind = 'n';
        value = (ms - Date.UTC(1899, 11, 30)) / 86_400_000 - (this.ctx.date1904 ? 1462 : 0);
        break;
      }
      default:
        return;
    }
    if (col >= this.ctx.limits.maxColumns) {
      this.stop(`la hoja «${this.name}» tiene datos más allá de la columna ${this.ctx.limits.maxColumns}`);
      return;
    }
    const built = this.build(kind, value, text, style);
    if (!built || row < 0) return;
    if (row < this.handedOver && !this.outOfOrder) {
      this.outOfOrder = true;
      this.sink?.disorder();
    }
    let r = this.rows[row];
    if (!r) {
      while (this.rows.length < row) this.rows.push(undefined);
      r = [];
      this.rows[row] = r;
    }
    while (r.length < col) r.push(undefined);
    r[col] = built;
  }

  private build(
    kind: 'n' | 's' | 'b' | 'e',
    value: number | string | boolean,
    errorText: string | undefined,
    style: string | undefined,
  ): Cell | undefined {
    const { styles, formats, date1904 } = this.ctx;
    let id = 0;
    let code: string | undefined = GENERAL;
    if (styles && style !== undefined) {
      const xf = styles.formats[parseInt(style, 10)];
      if (xf) {
        id = xf.id;
        code = xf.code;
      }
    }
    const format = code;
    if (kind === 'e') return { type: 'error', value: value as string, format, text: errorText };
    let text: string | undefined;
    try {
      if (id === 0) {
        if (kind === 'n')
          text =
            Number.isInteger(value) && ((value as number) | 0) === value
              ? (value as number).toString(10)
              : formats.format(GENERAL, value, date1904);
        else text = formats.format(GENERAL, value, date1904);
      } else text = formats.format(code ?? GENERAL, value, date1904);
    } catch {
      text = undefined;
    }
    switch (kind) {
      case 'n': {
        const n = value as number;
        if (Number.isNaN(n)) return undefined;
        if (format && format !== GENERAL && n >= 0 && n <= MAX_DATE_SERIAL && formats.isDate(format)) {
          const iso = serialToIso(n, date1904);
          if (iso) return { type: 'date', value: iso, format, text };
        }
        return { type: 'number', value: n, format, text };
      }
      case 's':
        return { type: 'string', value: value as string, format, text };
      case 'b':
        return { type: 'boolean', value: value as boolean, format, text };
    }
  }
}

interface Package {
  readonly entries: readonly ZipEntry[];
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly entry: ZipEntry | undefined }>;
  readonly ctx: SheetContext;
}

const decoder = new TextDecoder('utf-8');
const text = (data: Uint8Array | undefined): string | undefined => (data === undefined ? undefined : decoder.decode(data));

/** Resolves a relationship target against `xl/`. */
function partName(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/').toLowerCase();
}

/**
 * Reads the package: zip checks on the declared sizes, then every part that is not a worksheet
 * inflated and verified (workbook, relationships, styles, shared strings kept). A problem, null when
 * the file is not a plain SpreadsheetML package, or what the worksheets need.
 */
function openPackage(bytes: Uint8Array, limits: ReadLimits, formats: NumberFormats): Package | ZipProblem | null {
  const zl = zipLimitsOf(limits);
  const entries = readZipDirectory(bytes, zl.maxEntries);
  if (!Array.isArray(entries)) return entries;
  const byName = new Map(entries.map((e) => [e.name.replace(/\\/g, '/').toLowerCase(), e]));
  const workbookEntry = byName.get('xl/workbook.xml');
  if (!workbookEntry) return null;
  const declared = checkDeclared(entries, bytes.length, zl);
  if (declared) return declared;

  const wantedText = new Map<ZipEntry, Uint8Array>();
  const inflate = (e: ZipEntry): Uint8Array | ZipProblem => {
    const kept = wantedText.get(e);
    if (kept) return kept;
    const data = inflateEntry(bytes, e, zl);
    if (data instanceof Uint8Array) wantedText.set(e, data);
    return data;
  };
  const wb = inflate(workbookEntry);
  if (!(wb instanceof Uint8Array)) return wb;
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  if (!relsEntry) return null;
  const rels = inflate(relsEntry);
  if (!(rels instanceof Uint8Array)) return rels;
  const workbookXml = text(wb)!;
  const relations = new Map<string, { target: string; type: string }>();
  for (const tag of tagsOf(text(rels)!, 'Relationship')) {
    const a = attributes(tag);
    if (a.Id && a.Target) relations.set(a.Id, { target: partName(a.Target), type: a.Type ?? '' });
  }
  const sheetRefs: Array<{ name: string; entry: ZipEntry | undefined }> = [];
  const worksheetEntries = new Set<ZipEntry>();
  for (const tag of tagsOf(workbookXml.replace(/<(?:\w+:)?sheets\b[^>]*\/>/g, ''), 'sheet')) {
    const a = attributes(tag);
    const rel = a.id !== undefined ? relations.get(a.id) : undefined;
    if (!rel || a.name === undefined) return null;
    const entry = byName.get(rel.target);
    if (!/\/worksheet$/.test(rel.type) && !/worksheets\//.test(rel.target)) {
      sheetRefs.push({ name: unescapeXml(a.name, false), entry: undefined }); // chart or dialog sheet: no cells
      continue;
    }
    if (!entry) return null;
    worksheetEntries.add(entry);
    sheetRefs.push({ name: unescapeXml(a.name, false), entry });
  }
  const pr = tagsOf(workbookXml, 'workbookPr')[0];
  const d1904 = pr ? attributes(pr).date1904 : undefined;
  const date1904 = d1904 === '1' || d1904 === 'true';

  let stylesEntry: ZipEntry | undefined;
  let stringsEntry: ZipEntry | undefined;
  for (const rel of relations.values()) {
    if (/\/styles$/.test(rel.type)) stylesEntry = byName.get(rel.target);
    else if (/\/sharedStrings$/.test(rel.type)) stringsEntry = byName.get(rel.target);
  }
  stylesEntry ??= byName.get('xl/styles.xml');
  stringsEntry ??= byName.get('xl/sharedstrings.xml');

  // Every other part is verified now, in the order of the directory, as the zip inspector does.
  for (const e of entries) {
    if (worksheetEntries.has(e)) continue;
    const keep = e === stylesEntry || e === stringsEntry;
    const data = keep ? inflate(e) : inflateEntry(bytes, e, zl);
    if (!(data instanceof Uint8Array)) return data;
  }
  const stylesData = stylesEntry ? wantedText.get(stylesEntry) : undefined;
  const stringsData = stringsEntry ? wantedText.get(stringsEntry) : undefined;
  const ctx: SheetContext = {
    strings: stringsData ? sharedStrings(text(stringsData)!) : [],
    styles: readStyles(text(stylesData), formats),
    date1904,
    formats,
    limits,
  };
  return { entries, sheets: sheetRefs, ctx };
}

const isProblem = (x: unknown): x is ZipProblem => typeof x === 'object' && x !== null && 'reason' in x && 'detail' in x;

function finish(pkg: Package, scanners: ReadonlyArray<SheetScanner | null>): WorkbookReadResult {
  const sheets: SheetData[] = [];
  for (let i = 0; i < pkg.sheets.length; i++) {
    const s = scanners[i];
    if (s?.problem) return { ok: false, failure: { reason: 'TOO_LARGE', detail: s.problem } };
    sheets.push({ name: pkg.sheets[i]!.name, rows: s ? s.rows : [] });
  }
  return { ok: true, workbook: { sheets } };
}

const CHUNK = 64 * 1024;

/** Streams one worksheet part through a scanner: checks the inflated size against the declared one and counts rows. */
function checkedSink(e: ZipEntry, scanner: SheetScanner, limits: ReadLimits) {
  const utf8 = new TextDecoder('utf-8');
  let inflated = 0;
  return {
    chunk(chunk: Uint8Array): ZipProblem | null {
      inflated += chunk.length;
      if (inflated > e.uncompressedSize) return inflatesBeyond(e);
      scanner.feed(utf8.decode(chunk, { stream: true }));
      return null;
    },
    end(failed: boolean): ZipProblem | null {
      if (failed) return damaged();
      if (inflated !== e.uncompressedSize) return notWhatItDeclares(e);
      scanner.feed(utf8.decode());
      scanner.end();
      // The zip inspector counts rows only in parts that could hold more than allowed; smaller parts get readWorkbook's answer.
      return e.uncompressedSize / 6 > limits.maxRows ? rowsProblem(scanner.rowCount, zipLimitsOf(limits)) : null;
    },
  };
}

/** `readXlsxStreaming` for callers that cannot wait: each worksheet is inflated at once (capped at its declared size), then scanned in chunks. */
export function readXlsxSync(bytes: Uint8Array, limits: ReadLimits, formats: NumberFormats): WorkbookReadResult | null {
  try {
    const pkg = openPackage(bytes, limits, formats);
    if (pkg === null) return null;
    if (isProblem(pkg)) return { ok: false, failure: pkg };
    const scanners: Array<SheetScanner | null> = [];
    for (const sheet of pkg.sheets) {
      if (!sheet.entry) {
        scanners.push(null);
        continue;
      }
      const e = sheet.entry;
      const scanner = new SheetScanner(sheet.name, pkg.ctx);
      const sink = checkedSink(e, scanner, limits);
      // Inflated with the zip inspector's cap; the row count it does is repeated by the scanner.
      const data = inflateEntry(bytes, e, { ...zipLimitsOf(limits), maxRows: Number.MAX_SAFE_INTEGER });
      if (!(data instanceof Uint8Array)) return { ok: false, failure: data };
      for (let o = 0; o < data.length; o += CHUNK) {
        const problem = sink.chunk(data.subarray(o, o + CHUNK));
        if (problem) return { ok: false, failure: problem };
      }
      const problem = sink.end(false);
      if (problem) return { ok: false, failure: problem };
      scanners.push(scanner);
    }
    return finish(pkg, scanners);
  } catch {
    return { ok: false, failure: { reason: 'UNREADABLE', detail: 'el archivo está dañado o no es un libro de cálculo' } };
  }
}

/** Inflates a part in chunks with node:zlib (the rest of the file, as SheetJS does: the deflate stream ends itself). */
async function streamEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  onChunk: (chunk: Uint8Array) => ZipProblem | null,
  gate: () => Promise<void> | null = () => null,
): Promise<ZipProblem | 'failed' | 'end'> {
  const start = dataStartOf(bytes, e);
  if (typeof start !== 'number') return start;
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize || start + e.compressedSize > bytes.length) return damaged();
    for (let o = 0; o < e.compressedSize; o += CHUNK) {
      const problem = onChunk(bytes.subarray(start + o, start + Math.min(o + CHUNK, e.compressedSize)));
      if (problem) return problem;
      await gate();
    }
    return 'end';
  }
  return new Promise((resolve) => {
    const data = bytes.subarray(start);
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    let done = false;
    const settle = (r: ZipProblem | 'failed' | 'end'): void => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.on('error', () => undefined);
      inflate.destroy();
      resolve(r);
    };
    inflate.on('data', (chunk: Buffer) => {
      let problem: ZipProblem | null;
      try {
        problem = onChunk(chunk);
      } catch {
        problem = damaged('el archivo está dañado o no es un libro de cálculo');
      }
      if (problem) {
        settle(problem);
        return;
      }
      // The sink is busy with rows handed over: inflate no further until it is ready.
      const wait = gate();
      if (wait) {
        inflate.pause();
        void wait.then(
          () => inflate.resume(),
          () => settle(damaged('el archivo está dañado o no es un libro de cálculo')),
        );
      }
    });
    inflate.once('end', () => settle('end'));
    inflate.once('error', () => settle('failed'));
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

/**
 * Reads a plain `.xlsx` workbook with worksheets streamed: memory holds the shared strings, the styles,
 * one 64 KB chunk of XML and the cells read. Null when the file is not such a package.
 */
export async function readXlsxStreaming(
  bytes: Uint8Array,
  limits: ReadLimits,
  formats: NumberFormats,
  sink: SheetRowSink | null = null,
): Promise<WorkbookReadResult | null> {
  let pkg: Package | ZipProblem | null;
  try {
    pkg = openPackage(bytes, limits, formats);
  } catch {
    return { ok: false, failure: { reason: 'UNREADABLE', detail: 'el archivo está dañado o no es un libro de cálculo' } };
  }
  if (pkg === null) return null;
  if (isProblem(pkg)) return { ok: false, failure: pkg };
  const scanners: Array<SheetScanner | null> = [];
  const chosen = sink ? sink.choose(pkg.sheets.map((s) => s.name)) : -1;
  for (const [index, sheet] of pkg.sheets.entries()) {
    if (!sheet.entry) {
      scanners.push(null);
      continue;
    }
    const scanner = new SheetScanner(sheet.name, pkg.ctx, index === chosen ? sink : null);
    const checked = checkedSink(sheet.entry, scanner, limits);
    const outcome = await streamEntry(
      bytes,
      sheet.entry,
      (chunk) => checked.chunk(chunk),
      () => scanner.takePending(),
    );
    if (isProblem(outcome)) return { ok: false, failure: outcome };
    let problem: ZipProblem | null;
    try {
      problem = checked.end(outcome === 'failed');
      await scanner.takePending();
    } catch {
      problem = damaged('el archivo está dañado o no es un libro de cálculo');
    }
    if (problem) return { ok: false, failure: problem };
    scanners.push(scanner);
  }
  return finish(pkg, scanners);
}
