import { PolicyCalcInput, PolicyProductInput, ResultCalcInput } from '../calculation/types';
import { GoalRecord, OrgEntityRecord, PolicyRecord, ProductRecord, ProgressReportRecord, ResultRecord } from '../entities';

type PeriodValue = Pick<GoalRecord, 'year' | 'period' | 'value'>;

/** Maps stored rows to the calculation module's plain inputs (no logic of its own). */
export function toPolicyCalcInput(p: PolicyRecord): PolicyCalcInput {
  return { startYear: p.startYear, vigencias: p.vigencias, highThreshold: p.highThreshold, mediumThreshold: p.mediumThreshold };
}

export function toPolicyProductInput(
  product: ProductRecord,
  goals: readonly PeriodValue[],
  reports: readonly Pick<ProgressReportRecord, 'year' | 'period' | 'value'>[],
  responsible: OrgEntityRecord | null,
): PolicyProductInput {
  return {
    id: product.id,
    annualizationType: product.annualizationType,
    periodicity: product.periodicity,
    baseline: product.baselineValue,
    finalGoal: product.finalGoal,
    weight: product.weight,
    priority: product.priority,
    goals: goals.map((g) => ({ year: g.year, period: g.period === '' ? null : g.period, value: g.value })),
    reports: reports.map((r) => ({ year: r.year, period: r.period, value: r.value })),
    objectiveId: product.objectiveId,
    sectorId: responsible?.sectorId ?? null,
    entityId: product.responsibleEntityId,
    withdrawnFrom: product.withdrawnFrom,
  };
}

/** A result indicator as the calculation reads it: the same input as a product (its own goals and reports). */
export function toResultCalcInput(result: ResultRecord, goals: readonly PeriodValue[], reports: readonly PeriodValue[]): ResultCalcInput {
  return {
    id: result.id,
    annualizationType: result.annualizationType,
    periodicity: result.periodicity,
    baseline: result.baselineValue,
    finalGoal: result.finalGoal,
    weight: result.weight,
    priority: null,
    goals: goals.map((g) => ({ year: g.year, period: g.period === '' ? null : g.period, value: g.value })),
    reports: reports.map((r) => ({ year: r.year, period: r.period, value: r.value })),
    objectiveId: result.objectiveId,
  };
}
