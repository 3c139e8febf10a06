import { q } from '../issues/issue.collector';
import { Cell } from '../xlsx/workbook.types';
import { cellAsText, isEmptyCell } from './cell.text';
import { fail, ok, Reading } from './reading.types';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the parts form a real calendar date from 1900 to 9999, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const DATE_HELP = 'escriba la fecha como AAAA-MM-DD (2024-03-15) o DD/MM/AAAA (15/03/2024), o use una celda con formato de fecha';

/** Parses `AAAA-MM-DD` or `DD/MM/AAAA` (one- or two-digit day and month). */
export function parseDateText(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (dmy) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return null;
}

/** Reads a date (Excel date cell, `AAAA-MM-DD` or `DD/MM/AAAA`) as `YYYY-MM-DD`. */
export function readDate(cell: Cell | undefined): Reading<string | null> {
  if (isEmptyCell(cell) || !cell) return ok(null);
  if (cell.type === 'date') {
    const date = cell.value.slice(0, 10);
    if (Number(date.slice(0, 4)) < 1900) {
      return fail('FECHA_INVALIDA', `la celda tiene solo una hora (${q(cellAsText(cell))}) y aquí va una fecha; ${DATE_HELP}`);
    }
    return ok(date);
  }
  if (cell.type === 'string') {
    const date = parseDateText(cell.value);
    if (date) return ok(date);
    return fail('FECHA_INVALIDA', `${q(cell.value.trim())} no es una fecha válida; ${DATE_HELP}`);
  }
  if (cell.type === 'number') {
    return fail('FECHA_INVALIDA', `la celda tiene el número ${q(cellAsText(cell))} y no una fecha; ${DATE_HELP}`);
  }
  return fail('FECHA_INVALIDA', `${q(cellAsText(cell))} no es una fecha; ${DATE_HELP}`);
}

const TIME_HELP =
  'escriba la hora como HH:MM en formato de 24 horas (14:30) o con a. m./p. m. (8:00 am), o use una celda con formato de hora';

/** Parses `HH:MM`, `H:MM[:SS]` and `8:00 am` / `8:00 p. m.`; returns `HH:MM`. */
export function parseTimeText(text: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59 || (m[3] !== undefined && Number(m[3]) > 59)) return null;
  const meridiem = m[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    if (meridiem === 'a' && hour === 12) hour = 0;
    if (meridiem === 'p' && hour !== 12) hour += 12;
  } else if (hour > 23) {
    return null;
  }
  return `${pad(hour)}:${pad(minute)}`;
}

/** Reads a time (Excel time cell, `HH:MM`, `8:00 am`) as `HH:MM`. */
export function readTime(cell: Cell | undefined): Reading<string | null> {
  if (isEmptyCell(cell) || !cell) return ok(null);
  if (cell.type === 'date') return ok(cell.value.slice(11, 16));
  if (cell.type === 'string') {
    const time = parseTimeText(cell.value);
    if (time) return ok(time);
    return fail('HORA_INVALIDA', `${q(cell.value.trim())} no es una hora válida; ${TIME_HELP}`);
  }
  return fail('HORA_INVALIDA', `${q(cellAsText(cell))} no es una hora; ${TIME_HELP}`);
}
