/** Period and horizon rules (calculation.md §1, §10). Pure. */
import { Periodicity } from '../../src/domain/enums';
import { PERIODS_BY_PERIODICITY } from '../templates/shared.columns';

const PERIODICITY_NAMES: Readonly<Record<Periodicity, string>> = {
  [Periodicity.MENSUAL]: 'mensual',
  [Periodicity.TRIMESTRAL]: 'trimestral',
  [Periodicity.SEMESTRAL]: 'semestral',
  [Periodicity.ANUAL]: 'anual',
};

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
  if (period === 'ANUAL') return 12;
  const n = Number(period.slice(1));
  if (period.startsWith('S')) return n * 6;
  if (period.startsWith('T')) return n * 3;
  return n;
}
