/**
 * Scale check of one indicator's series (calculation.md §13): does a product (or result) mix scales —
 * fractions next to percentages, or values about 100 times its goals or the other way round? One
 * finding per series, never one per cell: a plan that writes 100 % as 1 everywhere is consistent.
 */
import { Periodicity } from '../domain/enums';
import { buildGoalSchedule } from './goal-schedule';
import { periodSlot, periodSlotCount } from './period-calendar';
import { PolicyHorizon, ProductCalcInput } from './types';

/** A value is "about 100×" another when their ratio is within a factor of this of 100 (≈ 25..400). */
const HUNDRED_FOLD_SLACK = 4;

export type ScaleFinding =
  /** In a % product, values ≤ 1 (fractions) sit next to values above 1 (percentages) among its goals. */
  | 'FRACCIONES_Y_PORCENTAJES'
  /** A report is about 1/100 of its period's goal (goal 34.6, report 0.3005). */
  | 'REPORTE_CIEN_VECES_MENOR'
  /** A report is about 100 times its period's goal. */
  | 'REPORTE_CIEN_VECES_MAYOR';

export interface ScaleCheckResult {
  finding: ScaleFinding;
  /** Index in `product.reports` of the first report concerned; null when the finding is about goals. */
  reportIndex: number | null;
  /** Index in `product.goals` of the first goal concerned; null when about reports. */
  goalIndex: number | null;
  /** How many values of the series are concerned. */
  count: number;
}

/** true when a / b is about 100 (within the slack): 0.3005 · 100 ≈ 34.6. */
function aboutHundredFold(large: number, small: number): boolean {
  if (!(large > 0 && small > 0)) return false;
  const ratio = large / small / 100;
  return ratio >= 1 / HUNDRED_FOLD_SLACK && ratio <= HUNDRED_FOLD_SLACK;
}

function isPercentUnit(unit: string | null | undefined): boolean {
  if (!unit) return false;
  const key = unit
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
  return key === '%' || key === 'porcentaje';
}

/**
 * What the scale check needs of an indicator's goals, worked out once (it does not depend on its
 * reports): the goals' own finding, or each period's goal (`year:code` → MP) to compare reports with.
 */
export interface ScaleGoals {
  readonly goalFinding: ScaleCheckResult | null;
  readonly horizon: PolicyHorizon;
  readonly periodicity: Periodicity;
  /**
   * Each period's goal MP at its `periodSlot`, NaN where it has none: one small array per indicator
   * (an import keeps one for every product it reports on).
   */
  readonly goals: Float64Array;
}

/** The goal MP of (year, code) in `goals`, or null. */
export function periodGoal(goals: ScaleGoals, year: number, code: string): number | null {
  const slot = periodSlot(goals.periodicity, goals.horizon, year, code);
  const goal = slot < 0 ? Number.NaN : goals.goals[slot]!;
  return Number.isNaN(goal) ? null : goal;
}

/** The goals' part of `checkScale`. */
export function scaleGoals(horizon: PolicyHorizon, product: Omit<ProductCalcInput, 'reports'>, unit: string | null): ScaleGoals {
  const goals = product.goals.map((goal, index) => ({ ...goal, index })).filter((goal) => goal.value > 0);
  if (isPercentUnit(unit)) {
    const fractions = goals.filter((goal) => goal.value <= 1);
    const percentages = goals.filter((goal) => goal.value > 1);
    if (fractions.length > 0 && percentages.length > 0) {
      // the minority is the odd one out
      const odd = fractions.length <= percentages.length ? fractions : percentages;
      const mixed = odd.some(
        (g) => percentages.some((p) => aboutHundredFold(p.value, g.value)) || fractions.some((f) => aboutHundredFold(g.value, f.value)),
      );
      if (mixed) {
        const goalFinding: ScaleCheckResult = {
          finding: 'FRACCIONES_Y_PORCENTAJES',
          reportIndex: null,
          goalIndex: odd[0].index,
          count: odd.length,
        };
        return { goalFinding, horizon, periodicity: product.periodicity, goals: new Float64Array(0) };
      }
    }
  }
  const schedule = buildGoalSchedule(horizon, { ...product, reports: [] });
  const byPeriod = new Float64Array(periodSlotCount(product.periodicity, horizon)).fill(Number.NaN);
  for (const period of schedule.periods) {
    const slot = periodSlot(product.periodicity, horizon, period.year, period.code);
    if (slot >= 0 && period.goal !== null) byPeriod[slot] = period.goal;
  }
  return { goalFinding: null, horizon, periodicity: product.periodicity, goals: byPeriod };
}

/**
 * One report against its period's goal: about 1/100 of it, about 100 times it, or neither (a report of
 * 0, a period without a positive goal, a plain shortfall).
 */
export function scaleOfReport(
  goals: ScaleGoals,
  report: ProductCalcInput['reports'][number],
): 'REPORTE_CIEN_VECES_MENOR' | 'REPORTE_CIEN_VECES_MAYOR' | null {
  const goal = periodGoal(goals, report.year, report.period.trim());
  if (goal === null || !(goal > 0) || !(report.value > 0)) return null;
  if (aboutHundredFold(goal, report.value)) return 'REPORTE_CIEN_VECES_MENOR';
  return aboutHundredFold(report.value, goal) ? 'REPORTE_CIEN_VECES_MAYOR' : null;
}

/** The reports' part of `checkScale`, given its goals' part. */
export function checkScaleReports(goals: ScaleGoals, reports: ProductCalcInput['reports']): ScaleCheckResult | null {
  if (goals.goalFinding) return goals.goalFinding;
  let first: ScaleCheckResult | null = null;
  let count = 0;
  reports.forEach((report, index) => {
    const finding = scaleOfReport(goals, report);
    if (finding === null) return;
    count++;
    first ??= { finding, reportIndex: index, goalIndex: null, count: 0 };
  });
  if (first !== null) return { ...(first as ScaleCheckResult), count };
  return null;
}

/**
 * The first scale finding of a series, or null. `unit` decides the fraction/percentage test; reports
 * are compared with the goal of their own period (for SUMA, the period's share of the yearly goal).
 */
export function checkScale(horizon: PolicyHorizon, product: ProductCalcInput, unit: string | null): ScaleCheckResult | null {
  return checkScaleReports(scaleGoals(horizon, product, unit), product.reports);
}
