import { PeriodRef, PolicyCalcInput, PolicyProductInput, ReportInput, ResultCalcInput } from '../calculation/types';
import { ReportBasis, ReviewStatus } from '../domain/enums';
import { GoalRecord, OrgEntityRecord, PolicyRecord, ProductRecord, ProgressReportRecord, ResultRecord } from '../entities';
import { ReviewedValueRow } from './record-loading.service';

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
  pendingReports: readonly PeriodRef[] = [],
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
    pendingReports,
    objectiveId: product.objectiveId,
    sectorId: responsible?.sectorId ?? null,
    entityId: product.responsibleEntityId,
    withdrawnFrom: product.withdrawnFrom,
  };
}

/** A result indicator as the calculation reads it: the same input as a product (its own goals and reports). */
export function toResultCalcInput(
  result: ResultRecord,
  goals: readonly PeriodValue[],
  reports: readonly PeriodValue[],
  pendingReports: readonly PeriodRef[] = [],
): ResultCalcInput {
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
    pendingReports,
    objectiveId: result.objectiveId,
  };
}

/**
 * The values the figures use on a basis (docs/review.md): APPROVED takes each report's last approved
 * value (a report never approved is left out: a missing report); SUBMITTED takes the latest value
 * sent, whatever its state. On both, the periods whose latest value waits for review are named so
 * the calculation can flag pendingReview.
 */
export function reportsOnBasis(
  rows: readonly ReviewedValueRow[],
  basis: ReportBasis,
): { reports: ReportInput[]; pendingReports: PeriodRef[] } {
  const reports: ReportInput[] = [];
  const pendingReports: PeriodRef[] = [];
  for (const r of rows) {
    if (r.reviewStatus === ReviewStatus.PENDING) pendingReports.push({ year: r.year, period: r.period });
    // An APPROVED report's latest value is its approved value (rows written before review existed included).
    const approved = r.reviewStatus === ReviewStatus.APPROVED ? r.value : r.approvedValue;
    const value = basis === ReportBasis.SUBMITTED ? r.value : approved;
    if (value !== null) reports.push({ year: r.year, period: r.period, value });
  }
  return { reports, pendingReports };
}
