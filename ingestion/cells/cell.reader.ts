/**
 * Typed reading of single cells (pure). Every reader accepts `undefined` for a missing cell.
 * Numbers: number.reader.ts; dates and times: date.reader.ts.
 */
import { q } from '../issues/issue.collector';
import { enumKey } from '../text/text.normalizer';
import { Cell } from '../xlsx/workbook.types';
import { cellAsText, isEmptyCell } from './cell.text';
import { fail, ok, Reading } from './reading.types';

export { cellAsText, cellValueText, isEmptyCell } from './cell.text';
export { readDate, readTime, parseDateText, parseTimeText } from './date.reader';
export { readNumber, parseNumberText, isPercentFormat, roundFloat } from './number.reader';

/** Trimmed text, or null when empty. Text such as `=SUMA(A1)` or `@foo` stays text: nothing is evaluated. */
export function readText(cell: Cell | undefined): string | null {
  const text = cellAsText(cell);
  return text === '' ? null : text;
}

const YES = new Set(['SI', 'S', 'X', '1', 'TRUE', 'VERDADERO']);
const NO = new Set(['NO', 'N', '0', 'FALSE', 'FALSO']);

/** Sí/Si/S/X/x/1/true (and boolean cells) → true; No/N/empty/0/false → false. */
export function readBoolean(cell: Cell | undefined): Reading<boolean> {
  if (isEmptyCell(cell) || !cell) return ok(false);
  if (cell.type === 'boolean') return ok(cell.value);
  if (cell.type === 'number' && (cell.value === 0 || cell.value === 1)) return ok(cell.value === 1);
  const key = enumKey(cellAsText(cell));
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail(
    'VALOR_NO_PERMITIDO',
    `${q(cellAsText(cell))} no es un valor de sí o no; escriba Sí (o S, X, 1) o No (o N, 0), o deje la celda vacía para «no»`,
  );
}

/** The allowed values (or aliases) of an enumeration by their key, worked out once per list (a column is read row after row). */
const ENUM_KEYS = new WeakMap<object, ReadonlyMap<string, string>>();
const NO_ALIASES: Readonly<Record<string, never>> = Object.freeze({});

function keysOf<T extends string>(values: readonly T[] | Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  let keys = ENUM_KEYS.get(values);
  if (!keys) {
    const map = new Map<string, T>();
    const entries: [string, T][] = Array.isArray(values) ? values.map((v: T) => [v, v]) : Object.entries(values);
    for (const [text, value] of entries) {
      const key = enumKey(text);
      if (!map.has(key)) map.set(key, value); // the first one wins, as find() did
    }
    ENUM_KEYS.set(values, (keys = map));
  }
  return keys as ReadonlyMap<string, T>;
}

/**
 * Matches an enumeration ignoring case, accents and the difference between spaces, hyphens and
 * underscores. `aliases` maps accepted abbreviations (e.g. role `IP`) to canonical values.
 */
export function readEnum<T extends string>(
  cell: Cell | undefined,
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>> = NO_ALIASES,
): Reading<T | null> {
  const text = cellAsText(cell);
  if (text === '') return ok(null);
  const key = enumKey(text);
  const direct = keysOf(allowed).get(key);
  if (direct !== undefined) return ok(direct);
  const alias = keysOf(aliases).get(key);
  if (alias !== undefined) return ok(alias);
  return fail('VALOR_NO_PERMITIDO', `${q(text)} no es un valor permitido; use uno de: ${allowed.join(', ')}`);
}

/** Splits a list cell: by commas, semicolons and line breaks, or only by line breaks. */
export function readList(cell: Cell | undefined, separator: 'comma' | 'newline'): string[] {
  const text = cellAsText(cell);
  if (text === '') return [];
  const pattern = separator === 'comma' ? /[,;\r\n]+/ : /\r?\n|\r/;
  return text
    .split(pattern)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
