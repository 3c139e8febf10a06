/**
 * Goals of a product (calculation.md §2): yearly goals g_y, the final goal G (given or derived) and
 * the goal MP of every period of the horizon (explicit, or the default of its annualization type).
 */
import { AnnualizationType } from '../domain/enums';
import { horizonPeriods, isInHorizon, isValidPeriodCode, periodCodes } from './period-calendar';
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
  /** Explicit period goals (period code valid for the periodicity, horizon years only). */
  explicitGoals: Map<string, number>;
  /** G: the final goal given, else derived (SUMA: Σ g_y; others: last year's g_y; none: 0). */
  finalGoal: number;
  /** false when the plan gives no goal of any kind (no G, no g_y, no period goal). */
  hasAnyGoal: boolean;
  /** MP of every period of the horizon, in calendar order. */
  periods: PeriodGoal[];
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
  const explicitGoals = new Map<string, number>();
  for (const goal of product.goals) {
    if (!isInHorizon(horizon, goal.year)) continue; // goals outside the horizon never count
    if (isWholeYear(goal.period)) {
      givenYearGoals.set(goal.year, goal.value);
    } else {
      const code = (goal.period as string).trim();
      if (isValidPeriodCode(product.periodicity, code)) explicitGoals.set(periodKey(goal.year, code), goal.value);
    }
  }

  const calendar = horizonPeriods(product.periodicity, horizon);
  const years = [...new Set(calendar.map((period) => period.year))];
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
      const explicit = codes.map((code) => explicitGoals.get(periodKey(year, code)));
      const values = explicit.filter((value): value is number => value !== undefined);
      if (values.length > 0)
        yearGoals.set(
          year,
          values.reduce((total, value) => total + value, 0),
        );
    } else {
      const last = explicitGoals.get(periodKey(year, lastCode));
      if (last !== undefined) yearGoals.set(year, last);
    }
  }

  const finalGoal = product.finalGoal ?? deriveFinalGoal(type, years, yearGoals);
  const hasAnyGoal = product.finalGoal !== null || yearGoals.size > 0 || explicitGoals.size > 0;
  const baseline = product.baseline ?? 0;

  const periods: PeriodGoal[] = calendar.map((period) => {
    const explicit = explicitGoals.get(periodKey(period.year, period.code));
    if (explicit !== undefined) return { ...period, goal: explicit, explicit: true };
    const yearGoal = givenYearGoals.get(period.year);
    if (yearGoal === undefined) return { ...period, goal: null, explicit: false };
    if (type === AnnualizationType.SUMA) {
      return { ...period, goal: (yearGoal * period.months) / 12, explicit: false };
    }
    const prev = previousYearGoal(type, period.year, years, yearGoals, yearGoal, baseline);
    return { ...period, goal: prev + ((yearGoal - prev) * period.endMonth) / 12, explicit: false };
  });

  return { givenYearGoals, yearGoals, explicitGoals, finalGoal, hasAnyGoal, periods };
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
