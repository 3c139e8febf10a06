/**
 * Which periods a closed period covers (docs/review.md): a period code names its own periodicity
 * (ANUAL, S1, C2, T3, B4, M05, BIENIO…), so any two periods of one policy can be compared by the days
 * they span. Closing 2022 S1 closes T1, T2 and M01–M06 of 2022; closing 2022 ANUAL closes the whole
 * year; a multi-year span (stored under its last year) closes every period of its years.
 */
import { Periodicity } from '../domain/enums';
import { isPeriodOf, periodsOf } from './period-calendar';
import { IsoDate, PolicyHorizon } from './types';

const BY_PATTERN: [RegExp, Periodicity][] = [
  [/^ANUAL$/, Periodicity.ANUAL],
  [/^S[12]$/, Periodicity.SEMESTRAL],
  [/^C[1-3]$/, Periodicity.CUATRIMESTRAL],
  [/^T[1-4]$/, Periodicity.TRIMESTRAL],
  [/^B[1-6]$/, Periodicity.BIMESTRAL],
  [/^M(0[1-9]|1[0-2])$/, Periodicity.MENSUAL],
  [/^BIENIO$/, Periodicity.BIENAL],
  [/^TRIENIO$/, Periodicity.TRIENAL],
  [/^CUATRIENIO$/, Periodicity.CUATRIENAL],
  [/^QUINQUENIO$/, Periodicity.QUINQUENAL],
];

/** The periodicity a period code belongs to, or null for an unknown code. */
export function periodicityOfCode(code: string): Periodicity | null {
  const c = code.trim().toUpperCase();
  for (const [pattern, periodicity] of BY_PATTERN) if (pattern.test(c)) return periodicity;
  return null;
}

/** First and last day of (year, code) in the policy's horizon; null when it is not a period of it. */
export function periodSpan(horizon: PolicyHorizon, year: number, code: string): { start: IsoDate; end: IsoDate } | null {
  const c = code.trim().toUpperCase();
  const periodicity = periodicityOfCode(c);
  if (periodicity === null || !isPeriodOf(periodicity, horizon, year, c)) return null;
  const period = periodsOf(periodicity, year, horizon).find((p) => p.code === c);
  return period ? { start: period.start, end: period.end } : null;
}

/** true when the period (year, code) lies within the closed period (closedYear, closedCode). */
export function periodWithin(horizon: PolicyHorizon, year: number, code: string, closedYear: number, closedCode: string): boolean {
  const inner = periodSpan(horizon, year, code);
  const outer = periodSpan(horizon, closedYear, closedCode);
  if (!inner || !outer) return false;
  return outer.start <= inner.start && inner.end <= outer.end;
}
