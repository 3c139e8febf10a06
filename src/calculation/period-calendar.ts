/**
 * Period calendar (calculation.md §1): calendar splits of a year per periodicity, the policy horizon
 * and which periods are closed at a cut date.
 */
import { Periodicity } from '../domain/enums';
import { assertIsoDate, endOfMonth, isoDate } from './iso-date';
import { CalendarPeriod, IsoDate, PolicyHorizon } from './types';

/** Period code of a whole-year period (periodicity ANUAL). */
export const ANNUAL_PERIOD = 'ANUAL';

interface PeriodShape {
  code: string;
  firstMonth: number;
  months: number;
}

function shapesOf(periodicity: Periodicity): PeriodShape[] {
  switch (periodicity) {
    case Periodicity.ANUAL:
      return [{ code: ANNUAL_PERIOD, firstMonth: 1, months: 12 }];
    case Periodicity.SEMESTRAL:
      return [1, 2].map((n) => ({ code: `S${n}`, firstMonth: (n - 1) * 6 + 1, months: 6 }));
    case Periodicity.TRIMESTRAL:
      return [1, 2, 3, 4].map((n) => ({ code: `T${n}`, firstMonth: (n - 1) * 3 + 1, months: 3 }));
    case Periodicity.MENSUAL:
      return Array.from({ length: 12 }, (_, i) => ({
        code: `M${String(i + 1).padStart(2, '0')}`,
        firstMonth: i + 1,
        months: 1,
      }));
    default:
      throw new RangeError(`Unknown periodicity ${JSON.stringify(periodicity)}`);
  }
}

/** The periods of one year for a periodicity, in calendar order (T2 and S1 end on 30 June). */
export function periodsOf(periodicity: Periodicity, year: number): CalendarPeriod[] {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  return shapesOf(periodicity).map(({ code, firstMonth, months }) => {
    const endMonth = firstMonth + months - 1;
    return {
      year,
      code,
      start: isoDate(year, firstMonth, 1),
      end: endOfMonth(year, endMonth),
      months,
      endMonth,
    };
  });
}

/** The period codes a periodicity accepts (ANUAL; S1, S2; T1..T4; M01..M12). */
export function periodCodes(periodicity: Periodicity): string[] {
  return shapesOf(periodicity).map((shape) => shape.code);
}

/** true when `code` is one of the periodicity's period codes (an import check of §10). */
export function isValidPeriodCode(periodicity: Periodicity, code: string): boolean {
  return periodCodes(periodicity).includes(code);
}

/** Throws a RangeError unless startYear and vigencias describe a horizon of at least one year. */
export function assertHorizon(horizon: PolicyHorizon): void {
  if (!Number.isInteger(horizon.startYear)) {
    throw new RangeError(`startYear must be an integer, got ${horizon.startYear}`);
  }
  if (!Number.isInteger(horizon.vigencias) || horizon.vigencias < 1) {
    throw new RangeError(`vigencias must be an integer >= 1, got ${horizon.vigencias}`);
  }
}

/** The years of the policy: startYear .. startYear + vigencias - 1. */
export function horizonYears(horizon: PolicyHorizon): number[] {
  assertHorizon(horizon);
  return Array.from({ length: horizon.vigencias }, (_, i) => horizon.startYear + i);
}

export function isInHorizon(horizon: PolicyHorizon, year: number): boolean {
  return year >= horizon.startYear && year <= horizon.startYear + horizon.vigencias - 1;
}

/** Every period of the horizon, in calendar order. */
export function horizonPeriods(periodicity: Periodicity, horizon: PolicyHorizon): CalendarPeriod[] {
  return horizonYears(horizon).flatMap((year) => periodsOf(periodicity, year));
}

/** A period is closed at cut t when it ends on or before t. */
export function isClosed(period: CalendarPeriod, cut: IsoDate): boolean {
  return period.end <= cut;
}

/**
 * The periods of the horizon closed at the cut, in calendar order. Before the policy starts the list
 * is empty; after it ends it holds every period of the horizon and nothing beyond it.
 */
export function closedPeriods(periodicity: Periodicity, horizon: PolicyHorizon, cut: IsoDate): CalendarPeriod[] {
  assertIsoDate(cut, 'cut');
  return horizonPeriods(periodicity, horizon).filter((period) => isClosed(period, cut));
}
