import { PolicyCalcInput, PolicyProductInput } from '../calculation/types';
import { GoalRecord, OrgEntityRecord, PolicyRecord, ProductRecord, ProgressReportRecord } from '../entities';

/** Maps stored rows to the calculation module's plain inputs (no logic of its own). */
export function toPolicyCalcInput(p: PolicyRecord): PolicyCalcInput {
  return { startYear: p.startYear, vigencias: p.vigencias, highThreshold: p.highThreshold, mediumThreshold: p.mediumThreshold };
}

export function toPolicyProductInput(
  product: ProductRecord,
  goals: readonly Pick<GoalRecord, 'year' | 'period' | 'value'>[],
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
  };
}
