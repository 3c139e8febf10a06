/** Period and horizon rules (calculation.md §1, §10). Pure. */
import { Periodicity } from '../../src/domain/enums';
import { isPeriodOf, reportingYears, spanYears } from '../../src/calculation/period-calendar';
import { PERIODS_BY_PERIODICITY } from '../templates/shared.columns';

const PERIODICITY_NAMES: Readonly<Record<Periodicity, string>> = {
  [Periodicity.MENSUAL]: 'mensual',
  [Periodicity.BIMESTRAL]: 'bimestral',
  [Periodicity.TRIMESTRAL]: 'trimestral',
  [Periodicity.CUATRIMESTRAL]: 'cuatrimestral',
  [Periodicity.SEMESTRAL]: 'semestral',
  [Periodicity.ANUAL]: 'anual',
  [Periodicity.BIENAL]: 'bienal',
  [Periodicity.TRIENAL]: 'trienal',
  [Periodicity.CUATRIENAL]: 'cuatrienal',
  [Periodicity.QUINQUENAL]: 'quinquenal',
};

/**
 * For a multi-year periodicity, the years in which a span ends (where its period may be reported),
 * e.g. "2025, 2027, 2029"; null for the periodicities that split a year.
 */
export function spanEndYears(periodicity: Periodicity, h: Horizon): number[] | null {
  if (spanYears(periodicity) === 1) return null;
  return reportingYears(periodicity, h);
}

/** (year, period) is a period of the horizon: the code matches and, for BIENAL..QUINQUENAL, a span ends in that year. */
export function periodOfHorizon(periodicity: Periodicity, h: Horizon, year: number, period: string): boolean {
  return isPeriodOf(periodicity, h, year, period);
}

export function periodMatches(periodicity: Periodicity, period: string): boolean {
  return PERIODS_BY_PERIODICITY[periodicity].includes(period);
}

/** "semestral (S1, S2)" for messages. */
export function periodicityHelp(periodicity: Periodicity): string {
  return `${PERIODICITY_NAMES[periodicity]} (${PERIODS_BY_PERIODICITY[periodicity].join(', ')})`;
}

export interface Horizon {
  readonly startYear: number;
  readonly vigencias: number;
}

export const lastYear = (h: Horizon): number => h.startYear + h.vigencias - 1;

export function inHorizon(year: number, h: Horizon): boolean {
  return year >= h.startYear && year <= lastYear(h);
}

/** Order of a period inside its year (for "latest period"). */
export function periodOrder(period: string): number {
  if (!/^[MBTCS]\d+$/.test(period)) return 12; // ANUAL and the multi-year spans end in December
  const n = Number(period.slice(1));
  const months: Record<string, number> = { M: 1, B: 2, T: 3, C: 4, S: 6 };
  return n * months[period[0]!]!;
}
