/**
 * Progress of one product at a cut date (calculation.md §2-5): goal to date D(t), achieved A(t),
 * raw ratio r, progress p, traffic light, flags, and cumulative progress c against the final goal
 * with its ideal trajectory i.
 */
import { AnnualizationType, TrafficLight } from '../domain/enums';
import { buildGoalSchedule, periodKey } from './goal-schedule';
import { assertIsoDate } from './iso-date';
import { clamp01, clearlyGreater, nearlyEqual } from './numeric';
import { assertHorizon, isPeriodOf } from './period-calendar';
import {
  DEFAULT_HIGH_THRESHOLD,
  DEFAULT_MEDIUM_THRESHOLD,
  IsoDate,
  Measure,
  OVER_EXECUTION_RATIO,
  PeriodGoal,
  PolicyCalcInput,
  ProductCalcInput,
  ProductProgressResult,
  UnmeasuredReason,
} from './types';

export interface Thresholds {
  high: number;
  medium: number;
}

/** The policy's thresholds with the defaults applied (0.75 / 0.50); throws unless 0 <= medium <= high <= 1. */
export function resolveThresholds(policy: PolicyCalcInput): Thresholds {
  const high = policy.highThreshold ?? DEFAULT_HIGH_THRESHOLD;
  const medium = policy.mediumThreshold ?? DEFAULT_MEDIUM_THRESHOLD;
  if (!(Number.isFinite(high) && Number.isFinite(medium) && medium >= 0 && medium <= high && high <= 1)) {
    throw new RangeError(`thresholds must satisfy 0 <= medium (${medium}) <= high (${high}) <= 1`);
  }
  return { high, medium };
}

/**
 * Traffic light of a due product's progress p: ALTO p > high; MEDIO medium < p <= high; BAJO p <= medium.
 * A p within floating-point noise (1e-9) of a threshold counts as equal to it.
 */
export function trafficLightOf(progress: number | null, thresholds: Thresholds): TrafficLight {
  if (progress === null) return TrafficLight.NOT_DUE;
  if (clearlyGreater(progress, thresholds.high)) return TrafficLight.ALTO;
  if (clearlyGreater(progress, thresholds.medium)) return TrafficLight.MEDIO;
  return TrafficLight.BAJO;
}

function measure(progress: number, ideal: number): Measure {
  return { progress, ideal, gap: progress - ideal };
}

/** CRECIENTE and DECRECIENTE measure progress from the baseline B; SUMA and CONSTANTE from 0. */
export function usesBaseline(type: AnnualizationType): boolean {
  return type === AnnualizationType.CRECIENTE || type === AnnualizationType.DECRECIENTE;
}

/** The goal is met at its level: A >= goal for SUMA/CONSTANTE/CRECIENTE, A <= goal for DECRECIENTE. */
function meets(type: AnnualizationType, achieved: number, goal: number): boolean {
  if (nearlyEqual(achieved, goal)) return true;
  return type === AnnualizationType.DECRECIENTE ? achieved < goal : achieved > goal;
}

/** Raw to-date ratio r of a due product (§4), with the D = B (or D = 0) guard. */
export function toDateRatio(type: AnnualizationType, achieved: number, goalToDate: number, baseline: number): number {
  const origin = usesBaseline(type) ? baseline : 0;
  if (nearlyEqual(goalToDate, origin)) return meets(type, achieved, goalToDate) ? 1 : 0;
  return (achieved - origin) / (goalToDate - origin);
}

/** Reported values of the horizon keyed by (year, period); codes foreign to the periodicity are ignored. */
function indexReports(policy: PolicyCalcInput, product: ProductCalcInput): Map<string, number> {
  const reports = new Map<string, number>();
  for (const report of product.reports) {
    const code = report.period.trim();
    if (!isPeriodOf(product.periodicity, policy, report.year, code)) continue;
    reports.set(periodKey(report.year, code), report.value);
  }
  return reports;
}

interface ToDateFigures {
  due: boolean;
  goalToDate: number;
  achieved: number;
  missingReport: boolean;
}

/** SUMA: A = Σ reports of closed periods; D = Σ MP of closed periods; due when some closed MP > 0. */
function sumFigures(closed: PeriodGoal[], reports: Map<string, number>, yearGoals: Map<number, number>): ToDateFigures {
  let achieved = 0;
  let explicitGoals = 0;
  const defaultMonths = new Map<number, number>();
  let due = false;
  let missingReport = false;
  for (const period of closed) {
    const report = reports.get(periodKey(period.year, period.code));
    achieved += report ?? 0;
    if (period.goal === null) continue;
    if (period.explicit || period.months > 12) {
      // explicit goals, and the default goal of a multi-year span (already the sum of its years)
      explicitGoals += period.goal;
    } else {
      // Σ of g_y·months/12 is computed per year as g_y·(Σ months)/12: same value, less rounding noise.
      defaultMonths.set(period.year, (defaultMonths.get(period.year) ?? 0) + period.months);
    }
    if (period.goal > 0) {
      due = true;
      if (report === undefined) missingReport = true;
    }
  }
  let goalToDate = explicitGoals;
  for (const [year, months] of defaultMonths) goalToDate += ((yearGoals.get(year) ?? 0) * months) / 12;
  return { due, goalToDate, achieved, missingReport };
}

/**
 * The last reported level at or before `index` in the closed periods (walking back), or `fallback`
 * when nothing was reported yet: a missing report never improves a level indicator.
 */
function lastReportedLevel(closed: PeriodGoal[], index: number, reports: Map<string, number>, fallback: number): number {
  for (let i = index; i >= 0; i--) {
    const report = reports.get(periodKey(closed[i].year, closed[i].code));
    if (report !== undefined) return report;
  }
  return fallback;
}

/**
 * CONSTANTE, CRECIENTE, DECRECIENTE: the reference period is the latest closed period with a goal;
 * D = its MP and A = its report. When the reference period has no report, A carries the last reported
 * level forward (the latest earlier report; none → the origin: B for CRECIENTE/DECRECIENTE, 0 for
 * CONSTANTE) and the product is flagged missingReport. Not due: A = the last reported level.
 */
function levelFigures(closed: PeriodGoal[], reports: Map<string, number>, origin: number): ToDateFigures {
  let referenceIndex = -1;
  for (let i = closed.length - 1; i >= 0; i--) {
    if (closed[i].goal !== null) {
      referenceIndex = i;
      break;
    }
  }
  if (referenceIndex < 0) {
    return { due: false, goalToDate: 0, achieved: lastReportedLevel(closed, closed.length - 1, reports, origin), missingReport: false };
  }
  const reference = closed[referenceIndex];
  const report = reports.get(periodKey(reference.year, reference.code));
  return {
    due: true,
    goalToDate: reference.goal as number,
    achieved: report ?? lastReportedLevel(closed, referenceIndex - 1, reports, origin),
    missingReport: report === undefined,
  };
}

/**
 * Cumulative progress c and ideal i against the final goal (§5).
 * - No closed period, or no goal of any kind: c = 0, i = 0.
 * - SUMA, CONSTANTE: c = clamp(A/G), i = clamp(D/G); G = 0 → c = 0, i = 0.
 * - CRECIENTE, DECRECIENTE: c = clamp((A-B)/(G-B)), i = clamp((D-B)/(G-B)); G = B → c = 1 when A meets G
 *   (A >= G growing, A <= G decreasing) else 0, and i = 1 when due else 0.
 * A product that is not due has i = 0 (its D is 0 or undefined).
 */
function cumulativeFigures(
  type: AnnualizationType,
  figures: ToDateFigures,
  finalGoal: number,
  baseline: number,
  hasClosedPeriod: boolean,
  hasAnyGoal: boolean,
): Measure {
  if (!hasClosedPeriod || !hasAnyGoal) return measure(0, 0);
  const origin = usesBaseline(type) ? baseline : 0;
  if (nearlyEqual(finalGoal, origin)) {
    if (!usesBaseline(type)) return measure(0, 0);
    return measure(meets(type, figures.achieved, finalGoal) ? 1 : 0, figures.due ? 1 : 0);
  }
  const span = finalGoal - origin;
  const progress = clamp01((figures.achieved - origin) / span);
  const ideal = figures.due ? clamp01((figures.goalToDate - origin) / span) : 0;
  return measure(progress, ideal);
}

/** Progress of one product at the cut date (API `ProductProgress`). */
export function computeProductProgress(policy: PolicyCalcInput, product: ProductCalcInput, cut: IsoDate): ProductProgressResult {
  assertIsoDate(cut, 'cut');
  assertHorizon(policy);
  const thresholds = resolveThresholds(policy);
  const type = product.annualizationType;
  const baseline = product.baseline ?? 0;
  const schedule = buildGoalSchedule(policy, product);
  const closed = schedule.periods.filter((period) => period.end <= cut);
  const reports = indexReports(policy, product);

  const origin = usesBaseline(type) ? baseline : 0;
  const figures =
    type === AnnualizationType.SUMA ? sumFigures(closed, reports, schedule.givenYearGoals) : levelFigures(closed, reports, origin);
  const pendingReview = hasPendingReview(policy, product, closed);
  const unmeasured = unmeasuredReason(product);
  if (unmeasured !== null) return { ...unmeasuredResult(cut, figures.achieved, schedule.finalGoal, unmeasured), pendingReview };
  const ratio = figures.due ? toDateRatio(type, figures.achieved, figures.goalToDate, baseline) : null;
  const progress = ratio === null ? null : clamp01(ratio);
  const cumulative = cumulativeFigures(type, figures, schedule.finalGoal, baseline, closed.length > 0, schedule.hasAnyGoal);

  return {
    cut,
    due: figures.due,
    goalToDate: figures.due ? figures.goalToDate : null,
    achieved: figures.achieved,
    finalGoal: schedule.finalGoal,
    ratio,
    toDate: progress === null ? null : measure(progress, 1),
    cumulative,
    trafficLight: trafficLightOf(progress, thresholds),
    overExecution: ratio !== null && clearlyGreater(ratio, OVER_EXECUTION_RATIO),
    missingReport: figures.missingReport,
    pendingReview,
    unmeasuredReason: null,
  };
}

/** Some period closed at the cut (of the product's periodicity) has a value waiting for review. */
function hasPendingReview(policy: PolicyCalcInput, product: ProductCalcInput, closed: readonly PeriodGoal[]): boolean {
  const pending = product.pendingReports ?? [];
  if (pending.length === 0) return false;
  const closedKeys = new Set(closed.map((period) => periodKey(period.year, period.code)));
  return pending.some((ref) => {
    const code = ref.period.trim();
    return isPeriodOf(product.periodicity, policy, ref.year, code) && closedKeys.has(periodKey(ref.year, code));
  });
}

/**
 * Why a product's figures cannot be measured, or null: a DECRECIENTE without a numeric baseline has
 * no origin to measure the reduction from (SDP rule V16), so its ratio and progress are null.
 */
export function unmeasuredReason(product: Pick<ProductCalcInput, 'annualizationType' | 'baseline'>): UnmeasuredReason | null {
  if (product.annualizationType === AnnualizationType.DECRECIENTE && (product.baseline === null || product.baseline === undefined)) {
    return 'LINEA_BASE_FALTANTE';
  }
  return null;
}

/** The figures of a product that cannot be measured: nothing due, no ratio, c = i = 0, NOT_DUE, and the reason. */
function unmeasuredResult(cut: IsoDate, achieved: number, finalGoal: number, reason: UnmeasuredReason): ProductProgressResult {
  return {
    cut,
    due: false,
    goalToDate: null,
    achieved,
    finalGoal,
    ratio: null,
    toDate: null,
    cumulative: measure(0, 0),
    trafficLight: TrafficLight.NOT_DUE,
    overExecution: false,
    missingReport: false,
    pendingReview: false,
    unmeasuredReason: reason,
  };
}
