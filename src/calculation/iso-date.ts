/**
 * Pure helpers for ISO calendar dates 'YYYY-MM-DD'. Dates are compared as strings (the format sorts
 * chronologically), so no Date object, time zone or clock is ever involved.
 */
import { IsoDate } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (1..12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds 'YYYY-MM-DD'. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Last day of a month, 'YYYY-MM-DD'. */
export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** true when the string is a real calendar date 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws a RangeError naming the parameter when the value is not a date 'YYYY-MM-DD'. */
export function assertIsoDate(value: unknown, name: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${name} must be a calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
}

/** from <= date <= to, both bounds inclusive; a null/undefined bound is open. */
export function isWithin(date: IsoDate, from: IsoDate | null | undefined, to: IsoDate | null | undefined): boolean {
  return (from == null || from <= date) && (to == null || date <= to);
}
