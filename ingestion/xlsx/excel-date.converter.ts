/**
 * Conversion between spreadsheet date serials and naive ISO date-times, in UTC arithmetic so the
 * result never depends on the server's time zone. Pure.
 */

const MS_PER_DAY = 86_400_000;
/** Largest serial Excel accepts (9999-12-31). */
export const MAX_DATE_SERIAL = 2_958_465;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatUtc(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/**
 * Serial → `YYYY-MM-DDTHH:MM:SS`. In the 1900 system serial 1 is 1900-01-01 and serial 60 is the
 * non-existent 1900-02-29 (a Lotus legacy), read here as 1900-02-28; time-only serials (< 1) give
 * the date part 1899-12-31. Returns null for serials outside [0, 9999-12-31].
 */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_DATE_SERIAL) return null;
  let base: number;
  if (date1904) base = Date.UTC(1904, 0, 1);
  else if (serial < 60) base = Date.UTC(1899, 11, 31);
  else base = Date.UTC(1899, 11, 30);
  const ms = Math.round((base + serial * MS_PER_DAY) / 1000) * 1000;
  return formatUtc(ms);
}

/**
 * `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or `HH:MM[:SS]` → serial in the 1900 system. Throws on a
 * malformed input (it is only used to write cells the product itself builds).
 */
export function isoToSerial(iso: string): number {
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(iso);
  if (time) {
    return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso);
  if (!m) throw new Error(`Invalid ISO date-time: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const days = (ms - Date.UTC(1899, 11, 30)) / MS_PER_DAY;
  // Serials before 1900-03-01 are shifted by Excel's fictitious 1900-02-29.
  return days < 61 ? days - 1 : days;
}
