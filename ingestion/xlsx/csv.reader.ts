/**
 * Reads a CSV text file into the neutral model as one sheet, without the spreadsheet library: every
 * field becomes a text cell (no number, date or formula is guessed from text, so `=HYPERLINK(…)`
 * stays text). UTF-8 only (a byte order mark is accepted and removed); the separator is `,`, `;` or a
 * tab, chosen from the first line (Excel in Spanish writes `;`), or given by a `sep=;` first line;
 * fields may be quoted as in RFC 4180. Size, rows and columns are capped while reading. Pure.
 */
import { isCompoundFile, isZip } from './zip.inspector';
import { Cell, ReadLimits, SheetRow, WorkbookReadResult } from './workbook.types';

const SAMPLE = 64 * 1024;
const SEPARATORS = [',', ';', '\t'] as const;
const SAVE_AS_UTF8 = 'en Excel use «Guardar como» → «CSV UTF-8 (delimitado por comas)» y envíelo de nuevo';

const hasUtf16Bom = (b: Uint8Array): boolean => b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/**
 * True for content that is CSV-like text rather than a binary container: not ZIP nor OLE2, no NUL
 * byte near the start, and a separator there (a UTF-16 text counts, to be refused with a clear reason).
 */
export function looksLikeCsv(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || isZip(bytes) || isCompoundFile(bytes)) return false;
  if (hasUtf16Bom(bytes)) return true;
  const sample = bytes.subarray(0, SAMPLE);
  return !sample.includes(0) && SEPARATORS.some((s) => sample.includes(s.charCodeAt(0)));
}

function chooseSeparator(text: string, from: number): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

const unreadable = (detail: string): WorkbookReadResult => ({ ok: false, failure: { reason: 'UNREADABLE', detail } });
const tooLarge = (detail: string): WorkbookReadResult => ({ ok: false, failure: { reason: 'TOO_LARGE', detail } });

function decode(bytes: Uint8Array): string | WorkbookReadResult {
  if (hasUtf16Bom(bytes)) return unreadable(`el archivo CSV está codificado en UTF-16 y solo se admite UTF-8; ${SAVE_AS_UTF8}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // removes a UTF-8 byte order mark
  } catch {
    return unreadable(
      `el archivo CSV no está codificado en UTF-8 (tiene bytes que no son texto UTF-8, por ejemplo tildes guardadas en otra codificación); ${SAVE_AS_UTF8}`,
    );
  }
  if (text.includes('\u0000')) return unreadable('el archivo CSV contiene caracteres nulos: no es un archivo de texto');
  return text;
}

/** Reads a UTF-8 CSV as one sheet named `sheetName`. Never throws. */
export function readCsv(bytes: Uint8Array, sheetName: string, limits: ReadLimits): WorkbookReadResult {
  if (bytes.length > limits.maxBytes) return tooLarge(`el archivo pesa ${bytes.length} bytes; el máximo es ${limits.maxBytes}`);
  const text = decode(bytes);
  if (typeof text !== 'string') return text;
  let i = 0;
  let separator: string;
  const declared = /^sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (declared) {
    separator = declared[1]!;
    i = declared[0].length;
  } else {
    separator = chooseSeparator(text, 0);
  }
  const rows: SheetRow[] = [];
  let row: Array<Cell | undefined> = [];
  let field = '';
  let quoted = false;
  let rowStart = true;
  const endField = (): string | null => {
    row.push(field === '' ? undefined : { type: 'string', value: field });
    field = '';
    return row.length > limits.maxColumns ? `la fila ${rows.length + 1} del archivo CSV tiene más de ${limits.maxColumns} columnas` : null;
  };
  const endRow = (): string | null => {
    const problem = endField();
    rows.push(row);
    row = [];
    rowStart = true;
    return problem ?? (rows.length > limits.maxRows ? `el archivo CSV tiene más de ${limits.maxRows} filas` : null);
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      rowStart = false;
    } else if (ch === separator) {
      rowStart = false;
      const problem = endField();
      if (problem) return tooLarge(problem);
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      const problem = endRow();
      if (problem) return tooLarge(problem);
    } else {
      field += ch;
      rowStart = false;
    }
  }
  if (quoted) return unreadable(`el archivo CSV tiene comillas sin cerrar a partir de la fila ${rows.length + 1}`);
  if (!rowStart) {
    const problem = endRow();
    if (problem) return tooLarge(problem);
  }
  return { ok: true, workbook: { sheets: [{ name: sheetName, rows }] } };
}
