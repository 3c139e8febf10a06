/**
 * es-CO number, percentage and date formatting as pure functions, shared by the web pages (Vite imports
 * this file), the chart definitions and the generated reports.
 *
 * Why not `Intl.NumberFormat('es-CO')`: Node's bundled ICU and the browsers disagree (Node writes
 * `57,6%`, Chromium `57,6 %`), and the office's documents need one fixed output. The rules are written
 * out here and pinned by table tests:
 * - decimal comma, `.` as thousands separator from 1 000 up (`1.234,5`);
 * - rounding half away from zero at the shown precision, after removing binary noise
 *   (`0.576 * 100` is 57.599999999999994 in floating point and shows as `57,6`);
 * - a value that rounds to zero never shows a minus sign (`-0,0`);
 * - web percentages: number, NO-BREAK SPACE (U+00A0), `%` — `57,6 %`, the es-CO style browsers use,
 *   and the no-break space keeps the sign on the number's line;
 * - report percentages (`formatReportPercent`): no space, as the office's follow-up report writes them
 *   (`24,35%`).
 */

/** The no-break space (U+00A0) between a number and its `%` sign in web percentages. */
export const PERCENT_SPACE = '\u00a0';

/** Spanish month names, lower case (dates and period labels). */
export const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

/** Removes floating-point noise before rounding (12 significant digits are far beyond any figure shown). */
function denoise(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Rounds half away from zero to `decimals` places, as the numbers are shown (`roundTo(0.0864, 3)` →
 * 0.086). Use it to decide words that depend on the shown figure (e.g. "no presenta brecha").
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = denoise(Math.abs(value) * factor);
  const rounded = Math.round(scaled) / factor;
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/** A fraction rounded as it is shown in percent with `decimals` places (0.08641, 1 → 0.086). */
export function roundFractionAsPercent(fraction: number, decimals: number): number {
  return roundTo(fraction, decimals + 2);
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Formats a number in es-CO style: `formatNumber(1234.5)` → `1.234,5`.
 * Shows at most `maxDecimals` decimals (trailing zeros dropped) and at least `minDecimals`.
 */
export function formatNumber(value: number, maxDecimals = 2, minDecimals = 0): string {
  if (!Number.isFinite(value)) return '';
  const rounded = roundTo(value, maxDecimals);
  const negative = rounded < 0;
  let [intPart, fracPart = ''] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  fracPart = fracPart.replace(/0+$/, '');
  while (fracPart.length < minDecimals) fracPart += '0';
  intPart = groupThousands(intPart);
  return `${negative ? '-' : ''}${intPart}${fracPart ? `,${fracPart}` : ''}`;
}

/** A number with exactly `decimals` decimals: `formatFixed(64, 1)` → `64,0`. */
export function formatFixed(value: number, decimals: number): string {
  return formatNumber(value, decimals, decimals);
}

/** The number part of a percentage: `percentDigits(0.576, 1)` → `57,6`; `percentDigits(-0.0004, 1)` → `0,0`. */
export function percentDigits(fraction: number, decimals = 1): string {
  if (!Number.isFinite(fraction)) return '';
  return formatFixed(denoise(fraction * 100), decimals);
}

/** Web style: `formatPercent(0.576, 1)` → `57,6 %` (with a no-break space, U+00A0). Empty for null. */
export function formatPercent(fraction: number | null | undefined, decimals = 1): string {
  if (fraction == null || !Number.isFinite(fraction)) return '';
  return `${percentDigits(fraction, decimals)}${PERCENT_SPACE}%`;
}

/** Report-sentence style, as seed 001 writes it: `formatReportPercent(0.2435, 2)` → `24,35%`. Empty for null. */
export function formatReportPercent(fraction: number | null | undefined, decimals = 1): string {
  if (fraction == null || !Number.isFinite(fraction)) return '';
  return `${percentDigits(fraction, decimals)}%`;
}

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Fecha no válida: «${iso}» (se espera AAAA-MM-DD).`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new Error(`Fecha no válida: «${iso}».`);
  return { year, month, day };
}

/** Spanish month name in lower case: 6 → `junio`. */
export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (!name) throw new Error(`Mes no válido: ${month}.`);
  return name;
}

/** The report's long date, as seed 001 writes the cut: `formatLongDate('2022-06-30')` → `junio 30 de 2022`. */
export function formatLongDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${monthName(month)} ${day} de ${year}`;
}

/** Day/month/year: `formatShortDate('2022-06-30')` → `30/06/2022`. */
export function formatShortDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Month and year, as the report's title block dates its issue: `formatMonthYear('2022-11-15')` → `noviembre 2022`. */
export function formatMonthYear(iso: string): string {
  const { year, month } = parseIsoDate(iso);
  return `${monthName(month)} ${year}`;
}

/** Upper-cases the first letter: `noviembre 2022` → `Noviembre 2022`. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('es') + text.slice(1);
}
