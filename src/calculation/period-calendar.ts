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

/** Periodicities that split a year: how many months each period has, and the letter of its code. */
const WITHIN_YEAR: Partial<Record<Periodicity, { months: number; prefix: string; pad: number }>> = {
  [Periodicity.MENSUAL]: { months: 1, prefix: 'M', pad: 2 },
  [Periodicity.BIMESTRAL]: { months: 2, prefix: 'B', pad: 1 },
  [Periodicity.TRIMESTRAL]: { months: 3, prefix: 'T', pad: 1 },
  [Periodicity.CUATRIMESTRAL]: { months: 4, prefix: 'C', pad: 1 },
  [Periodicity.SEMESTRAL]: { months: 6, prefix: 'S', pad: 1 },
};

/** Periodicities that span several years: the span's length and the code of its (single) period. */
const MULTI_YEAR: Partial<Record<Periodicity, { years: number; code: string }>> = {
  [Periodicity.BIENAL]: { years: 2, code: 'BIENIO' },
  [Periodicity.TRIENAL]: { years: 3, code: 'TRIENIO' },
  [Periodicity.CUATRIENAL]: { years: 4, code: 'CUATRIENIO' },
  [Periodicity.QUINQUENAL]: { years: 5, code: 'QUINQUENIO' },
};

function assertPeriodicity(periodicity: Periodicity): void {
  if (periodicity !== Periodicity.ANUAL && !WITHIN_YEAR[periodicity] && !MULTI_YEAR[periodicity]) {
    throw new RangeError(`Unknown periodicity ${JSON.stringify(periodicity)}`);
  }
}

/** Years a period of this periodicity spans: 1 for ANUAL and the splits of a year, 2..5 for BIENAL..QUINQUENAL. */
export function spanYears(periodicity: Periodicity): number {
  assertPeriodicity(periodicity);
  return MULTI_YEAR[periodicity]?.years ?? 1;
}

/** The shapes of each periodicity, built once (they never change). */
const SHAPES = new Map<Periodicity, readonly PeriodShape[]>();
const CODES = new Map<Periodicity, readonly string[]>();

function shapesOf(periodicity: Periodicity): readonly PeriodShape[] {
  let shapes = SHAPES.get(periodicity);
  if (!shapes) SHAPES.set(periodicity, (shapes = buildShapes(periodicity)));
  return shapes;
}

function codesOf(periodicity: Periodicity): readonly string[] {
  let codes = CODES.get(periodicity);
  if (!codes) CODES.set(periodicity, (codes = shapesOf(periodicity).map((shape) => shape.code)));
  return codes;
}

function buildShapes(periodicity: Periodicity): PeriodShape[] {
  assertPeriodicity(periodicity);
  const split = WITHIN_YEAR[periodicity];
  if (split) {
    return Array.from({ length: 12 / split.months }, (_, i) => ({
      code: `${split.prefix}${String(i + 1).padStart(split.pad, '0')}`,
      firstMonth: i * split.months + 1,
      months: split.months,
    }));
  }
  return [{ code: MULTI_YEAR[periodicity]?.code ?? ANNUAL_PERIOD, firstMonth: 1, months: 12 }];
}

/**
 * The span of a multi-year periodicity that ends in `year`, if one does: spans are aligned to the
 * policy's start year (startYear .. startYear + n - 1, then the next n years…), and the last span is
 * cut at the horizon's end. Returns [firstYear, lastYear] or null.
 */
function spanEndingIn(periodicity: Periodicity, year: number, horizon: PolicyHorizon): [number, number] | null {
  const n = spanYears(periodicity);
  const last = horizon.startYear + horizon.vigencias - 1;
  if (year < horizon.startYear || year > last) return null;
  const first = horizon.startYear + Math.floor((year - horizon.startYear) / n) * n;
  const end = Math.min(first + n - 1, last);
  return end === year ? [first, end] : null;
}

/**
 * The periods of one year for a periodicity, in calendar order (T2 and S1 end on 30 June). For a
 * multi-year periodicity (BIENAL..QUINQUENAL) the horizon is needed: the year has one period (the
 * span) when a span ends in it, none otherwise; the period belongs to the span's last year.
 */
export function periodsOf(periodicity: Periodicity, year: number, horizon?: PolicyHorizon): CalendarPeriod[] {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  const multi = MULTI_YEAR[periodicity];
  if (multi) {
    if (!horizon) throw new RangeError(`periodicity ${periodicity} needs the policy horizon to place its spans`);
    const span = spanEndingIn(periodicity, year, horizon);
    if (!span) return [];
    const years = span[1] - span[0] + 1;
    return [{ year, code: multi.code, start: isoDate(span[0], 1, 1), end: endOfMonth(year, 12), months: 12 * years, endMonth: 12 }];
  }
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

/** The period codes a periodicity accepts (ANUAL; S1, S2; C1..C3; T1..T4; B1..B6; M01..M12; BIENIO…). */
export function periodCodes(periodicity: Periodicity): string[] {
  return [...codesOf(periodicity)];
}

const SLOTS = new Map<Periodicity, ReadonlyMap<string, number>>();

/**
 * Where (year, code) sits among the periodicity's codes of every year of the horizon, year after year
 * (0 .. periodSlotCount − 1), or −1 when the year is outside the horizon or the code is not one of the
 * periodicity's: an index into one small array per indicator instead of a key per period.
 */
export function periodSlot(periodicity: Periodicity, horizon: PolicyHorizon, year: number, code: string): number {
  let slots = SLOTS.get(periodicity);
  if (!slots) SLOTS.set(periodicity, (slots = new Map(codesOf(periodicity).map((c, i) => [c, i]))));
  const index = slots.get(code);
  const y = year - horizon.startYear;
  if (index === undefined || !Number.isInteger(y) || y < 0 || y >= horizon.vigencias) return -1;
  return y * slots.size + index;
}

/** How many slots `periodSlot` gives for a horizon. */
export function periodSlotCount(periodicity: Periodicity, horizon: PolicyHorizon): number {
  return Math.max(0, horizon.vigencias) * codesOf(periodicity).length;
}

/** true when `code` is one of the periodicity's period codes (an import check of §10). */
export function isValidPeriodCode(periodicity: Periodicity, code: string): boolean {
  return codesOf(periodicity).includes(code);
}

/**
 * true when (year, code) is a period of the horizon for the periodicity: the code matches and, for a
 * multi-year periodicity, a span ends in that year (a BIENIO of a 2024 plan is reported for 2025, 2027…).
 */
export function isPeriodOf(periodicity: Periodicity, horizon: PolicyHorizon, year: number, code: string): boolean {
  if (!isValidPeriodCode(periodicity, code)) return false;
  if (!MULTI_YEAR[periodicity]) return isInHorizon(horizon, year);
  return spanEndingIn(periodicity, year, horizon) !== null;
}

/** The years in which a span of a multi-year periodicity ends (all horizon years for the others). */
export function reportingYears(periodicity: Periodicity, horizon: PolicyHorizon): number[] {
  return horizonYears(horizon).filter((year) => periodsOf(periodicity, year, horizon).length > 0);
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
  return horizonYears(horizon).flatMap((year) => periodsOf(periodicity, year, horizon));
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
