/**
 * The web app's formatting: the shared es-CO functions (src/formatting, also used by the reports), plus
 * the few web-only wordings. Nothing here computes a figure; it only writes what the API returned.
 */
import { formatNumber, formatPercent, formatShortDate } from '../../src/formatting/number-format';

export { formatLongDate, formatNumber, formatPercent, formatShortDate } from '../../src/formatting/number-format';

/** A gap with its sign, as the office writes it: `+2,5 %`, `-12,0 %`, `0,0 %`. */
export function formatSignedPercent(fraction: number | null | undefined, decimals = 1): string {
  const text = formatPercent(fraction, decimals);
  if (!text || text.startsWith('-') || text.startsWith(`${formatNumber(0, decimals, decimals)}\u00a0`)) return text;
  return `+${text}`;
}

/** A value that may be missing: the formatted number or an em dash. */
export function formatOptionalNumber(value: number | null | undefined, decimals = 2): string {
  return value == null ? '—' : formatNumber(value, decimals);
}

/** A UTC date-time as people in Bogotá read it: `30/06/2022 14:05`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Bogota',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${formatShortDate(`${get('year')}-${get('month')}-${get('day')}`)} ${get('hour')}:${get('minute')}`;
}

/** Milliseconds as seconds with one decimal: `1234` → `1,2 s`. */
export function formatDuration(ms: number | null | undefined): string {
  return ms == null ? '' : `${formatNumber(ms / 1000, 1, 1)}\u00a0s`;
}

/** Today's date in Bogotá (YYYY-MM-DD): the default of date inputs (not a figure). */
export function todayInBogota(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
