/**
 * Goals of a product (calculation.md §2): yearly goals g_y, the final goal G (given or derived) and
 * the goal MP of every period of the horizon (explicit, or the default of its annualization type).
 */
import { AnnualizationType } from '../domain/enums';
import { nearlyEqual } from './numeric';
import { horizonPeriods, horizonYears, isInHorizon, isPeriodOf, periodCodes } from './period-calendar';
import { PeriodGoal, PolicyHorizon, ProductCalcInput } from './types';

/** Key of a (year, period) pair in the maps below. */
export function periodKey(year: number, code: string): string {
  return `${year}:${code}`;
}

/** The goals of one product, resolved over the policy horizon. */
export interface GoalSchedule {
  /** Whole-year goals given by the plan (goal rows with no period), horizon years only. */
  givenYearGoals: Map<number, number>;
  /**
   * Yearly goal g_y per horizon year: the whole-year goal given, else one derived from the year's
   * explicit period goals (SUMA: their sum; other types: the goal of the year's last period).
   */
  yearGoals: Map<number, number>;
  /** Explicit period goals by year, then period code (codes valid for the periodicity, horizon years only). */
  explicitGoals: Map<number, Map<string, number>>;
  /** G: the final goal given, else derived (SUMA: Σ g_y; others: last year's g_y; none: 0). */
  finalGoal: number;
  /** false when the plan gives no goal of any kind (no G, no g_y, no period goal). */
  hasAnyGoal: boolean;
  /** MP of every period of the horizon, in calendar order. */
  periods: PeriodGoal[];
  /**
   * Level types: years whose yearly goal was 0 ("not programmed"); their goal holds the last
   * programmed one (absent when no earlier year had one).
   */
  heldYears: number[];
}

function isWholeYear(period: string | null): boolean {
  return period === null || period === undefined || period.trim() === '';
}

/** Resolves g_y, G and every MP of a product over the horizon of its policy. */
export function buildGoalSchedule(horizon: PolicyHorizon, product: ProductCalcInput): GoalSchedule {
  const type = product.annualizationType;
  if (!Object.values(AnnualizationType).includes(type)) {
    throw new RangeError(`Unknown annualization type ${JSON.stringify(type)} (product ${product.id})`);
  }
  const givenYearGoals = new Map<number, number>();
  const explicitGoals = new Map<number, Map<string, number>>();
  const explicitOf = (year: number, code: string): number | undefined => explicitGoals.get(year)?.get(code);
  for (const goal of product.goals) {
    if (!isInHorizon(horizon, goal.year)) continue; // goals outside the horizon never count
    if (isWholeYear(goal.period)) {
      givenYearGoals.set(goal.year, goal.value);
    } else {
      const code = (goal.period as string).trim();
      if (isPeriodOf(product.periodicity, horizon, goal.year, code)) {
        let codes = explicitGoals.get(goal.year);
        if (!codes) explicitGoals.set(goal.year, (codes = new Map()));
        codes.set(code, goal.value);
      }
    }
  }

  const heldYears = holdUnprogrammedLevels(horizon, product, givenYearGoals);
  const calendar = horizonPeriods(product.periodicity, horizon);
  const years = horizonYears(horizon);
  const codes = periodCodes(product.periodicity);
  const lastCode = codes[codes.length - 1];

  const yearGoals = new Map<number, number>();
  for (const year of years) {
    const given = givenYearGoals.get(year);
    if (given !== undefined) {
      yearGoals.set(year, given);
      continue;
    }
    if (type === AnnualizationType.SUMA) {
      const explicit = codes.map((code) => explicitOf(year, code));
      const values = explicit.filter((value): value is number => value !== undefined);
      if (values.length > 0)
        yearGoals.set(
          year,
          values.reduce((total, value) => total + value, 0),
        );
    } else {
      const last = explicitOf(year, lastCode);
      if (last !== undefined) yearGoals.set(year, last);
    }
  }

  const finalGoal = product.finalGoal ?? deriveFinalGoal(type, years, yearGoals);
  const hasAnyGoal = product.finalGoal !== null || yearGoals.size > 0 || explicitGoals.size > 0;
  const baseline = product.baseline ?? 0;

  const periods: PeriodGoal[] = calendar.map((period) => {
    const explicit = explicitOf(period.year, period.code);
    if (explicit !== undefined) return { ...period, goal: explicit, explicit: true };
    if (period.months > 12) return { ...period, goal: spanGoal(type, period, givenYearGoals), explicit: false };
    const yearGoal = givenYearGoals.get(period.year);
    if (yearGoal === undefined) return { ...period, goal: null, explicit: false };
    if (type === AnnualizationType.SUMA) {
      return { ...period, goal: (yearGoal * period.months) / 12, explicit: false };
    }
    const prev = previousYearGoal(type, period.year, years, yearGoals, yearGoal, baseline);
    return { ...period, goal: prev + ((yearGoal - prev) * period.endMonth) / 12, explicit: false };
  });

  return { givenYearGoals, yearGoals, explicitGoals, finalGoal, hasAnyGoal, periods, heldYears };
}

/**
 * Default goal of a multi-year span (BIENAL..QUINQUENAL) from the yearly goals of its years:
 * SUMA → their sum; the level types → the goal of the span's latest year that has one; none → no goal.
 */
function spanGoal(
  type: AnnualizationType,
  period: PeriodGoal | Omit<PeriodGoal, 'goal' | 'explicit'>,
  given: Map<number, number>,
): number | null {
  const first = Number(period.start.slice(0, 4));
  const goals: number[] = [];
  for (let year = first; year <= period.year; year++) {
    const goal = given.get(year);
    if (goal !== undefined) goals.push(goal);
  }
  if (goals.length === 0) return null;
  return type === AnnualizationType.SUMA ? goals.reduce((total, goal) => total + goal, 0) : goals[goals.length - 1];
}

/**
 * A 0 yearly goal of a level type (CONSTANTE, CRECIENTE, DECRECIENTE) means the year is not
 * programmed (goals 4, 5, 0, 0, 0): its goal becomes the last programmed one, so the trajectory holds;
 * with no earlier programmed year it has no goal. Exception: a DECRECIENTE whose given final goal is 0
 * keeps its zeros (bringing a level down to zero is a real goal). Changes `given` in place; returns the
 * years concerned.
 */
function holdUnprogrammedLevels(horizon: PolicyHorizon, product: ProductCalcInput, given: Map<number, number>): number[] {
  const type = product.annualizationType;
  if (type === AnnualizationType.SUMA) return [];
  if (type === AnnualizationType.DECRECIENTE && product.finalGoal !== null && nearlyEqual(product.finalGoal, 0)) return [];
  const held: number[] = [];
  let lastProgrammed: number | undefined;
  for (const year of horizonYears(horizon)) {
    const goal = given.get(year);
    if (goal === undefined) continue;
    if (!nearlyEqual(goal, 0)) {
      lastProgrammed = goal;
      continue;
    }
    held.push(year);
    if (lastProgrammed === undefined) given.delete(year);
    else given.set(year, lastProgrammed);
  }
  return held;
}

/** G when the plan does not give it: SUMA → Σ g_y; the other types → the last year's g_y; none → 0. */
function deriveFinalGoal(type: AnnualizationType, years: number[], yearGoals: Map<number, number>): number {
  if (type === AnnualizationType.SUMA) {
    return years.reduce((total, year) => total + (yearGoals.get(year) ?? 0), 0);
  }
  for (let i = years.length - 1; i >= 0; i--) {
    const goal = yearGoals.get(years[i]);
    if (goal !== undefined) return goal;
  }
  return 0;
}

/**
 * `prev` of the default level goal: the goal of the nearest earlier horizon year that has one; when
 * there is none (the first year with a goal) CONSTANTE uses g_y itself and the others the baseline B.
 */
function previousYearGoal(
  type: AnnualizationType,
  year: number,
  years: number[],
  yearGoals: Map<number, number>,
  yearGoal: number,
  baseline: number,
): number {
  for (let i = years.indexOf(year) - 1; i >= 0; i--) {
    const goal = yearGoals.get(years[i]);
    if (goal !== undefined) return goal;
  }
  return type === AnnualizationType.CONSTANTE ? yearGoal : baseline;
}
