/**
 * The entity's reporting desk (docs/reportar.md): the products it is responsible or co-responsible for
 * and the results it is responsible for, across its policies, with the periods due at a date, each
 * period's goal, what is already reported and its review state. Read in a fixed number of statements
 * (one per table, whatever the number of products), so the desk and the pre-filled REPORTE workbook
 * cost the same for 3 products or 3 000.
 *
 * "Due at a date" (docs/reportar.md#periodos-debidos): a period of the product's periodicity, inside its
 * policy's horizon, that has ENDED on or before the date (calculation.md §1: closed at the cut) and
 * either has a goal (for SUMA, a goal above zero: calculation.md §2 "due") or already has a report.
 * Periods that start on or after a withdrawn product's `withdrawnFrom` are not due (unless reported).
 */
import { DataSource, In } from 'typeorm';
import { buildGoalSchedule, periodKey } from '../calculation/goal-schedule';
import { periodWithin } from '../calculation/period-span';
import { AnnualizationType, Periodicity, ReviewStatus } from '../domain/enums';
import {
  ClosedPeriodRecord,
  GoalRecord,
  OrgEntityRecord,
  PolicyRecord,
  ProductCoResponsibleRecord,
  ProductRecord,
  ProgressReportRecord,
  ResultGoalRecord,
  ResultRecord,
  ResultReportRecord,
} from '../entities';
import { periodLabel, periodNumber } from '../formatting/period-label';
import { assertCanRead } from './access';
import { ForbiddenError, NotFoundError, UserInputError } from './errors';
import { Role, Viewer } from './viewer';

export enum DeskRole {
  RESPONSIBLE = 'RESPONSIBLE',
  CO_RESPONSIBLE = 'CO_RESPONSIBLE',
}

export enum DeskItemKind {
  PRODUCT = 'PRODUCT',
  RESULT = 'RESULT',
}

/** Where a due period stands for the entity. */
export enum DeskPeriodState {
  /** Nothing reported yet. */
  MISSING = 'MISSING',
  /** Sent, waiting for the office's review (review status PENDING). */
  SUBMITTED = 'SUBMITTED',
  /** Approved by the office (or imported as approved). */
  APPROVED = 'APPROVED',
  /** Returned by the office with a comment: to correct and send again. */
  RETURNED = 'RETURNED',
  /** The office closed the period (itself or a longer period containing it): no import may change it. */
  CLOSED = 'CLOSED',
}

export interface DeskReport {
  id: number;
  value: number;
  qualitative: string | null;
  difficulties: string | null;
  evidence: string | null;
  reportedBy: string | null;
  reviewStatus: ReviewStatus;
  approvedValue: number | null;
  reviewComment: string | null;
  reviewedAt: Date | null;
  reviewVersion: number;
  updatedAt: Date;
}

export interface DeskPeriod {
  year: number;
  /** Period code (ANUAL, S1, T3, M07, BIENIO…), as the REPORTE sheet takes it. */
  period: string;
  /** Position within the year (T3 → 3); 1 for ANUAL and multi-year spans. */
  number: number;
  /** Spanish name ("Tercer trimestre de 2024"). */
  label: string;
  start: string;
  end: string;
  /** The period's goal MP (explicit, or the default of the annualization type); null when none. */
  goal: number | null;
  state: DeskPeriodState;
  report: DeskReport | null;
}

export interface DeskItem {
  kind: DeskItemKind;
  id: number;
  policyId: number;
  policyCode: string;
  policyName: string;
  code: string;
  name: string;
  role: DeskRole;
  indicator: string;
  unit: string | null;
  periodicity: Periodicity;
  annualizationType: AnnualizationType;
  /** Due periods, newest first. */
  periods: DeskPeriod[];
}

export interface ReportingDesk {
  entity: OrgEntityRecord;
  /** The date the desk is computed at (YYYY-MM-DD; today in TZ_REPORTS unless given). */
  date: string;
  /** Products, then results, by policy code and code (natural order: 1.2 before 1.10). */
  items: DeskItem[];
}

const byCode = (a: string, b: string) => a.localeCompare(b, 'es', { numeric: true, sensitivity: 'base' });

export class ReportingDeskService {
  constructor(private readonly ds: DataSource) {}

  /**
   * The entity whose desk the viewer may read: an ENTITY key its own (a different `entityCode` is
   * refused), ADMIN the entity named by `entityCode` (required); VIEWER and anonymous readers never.
   */
  async entityFor(viewer: Viewer, entityCode: string | null | undefined): Promise<OrgEntityRecord> {
    assertCanRead(viewer);
    const code = entityCode?.trim() || null;
    if (viewer.role === Role.ENTITY && viewer.entityId !== null) {
      const own = await this.ds.getRepository(OrgEntityRecord).findOneBy({ id: viewer.entityId });
      if (!own) throw new NotFoundError('La entidad de su clave ya no existe.');
      if (code !== null && code.toUpperCase() !== own.code.toUpperCase()) {
        throw new ForbiddenError(`Su clave es de la entidad ${own.code}: solo puede ver el escritorio de reportes de su propia entidad.`);
      }
      return own;
    }
    if (viewer.role === Role.ADMIN) {
      if (code === null)
        throw new UserInputError('Indique el código de la entidad (entityCode) cuyo escritorio de reportes quiere ver.', 'entityCode');
      const entity = await this.ds.getRepository(OrgEntityRecord).findOneBy({ code });
      if (!entity) throw new NotFoundError(`La entidad ${code} no existe.`);
      return entity;
    }
    throw new ForbiddenError('El escritorio de reportes es para las claves de una entidad (ENTITY) o de la oficina de planeación (ADMIN).');
  }

  /** The desk of an entity at `date` (YYYY-MM-DD). */
  async desk(entity: OrgEntityRecord, date: string): Promise<ReportingDesk> {
    const co = await this.ds
      .getRepository(ProductCoResponsibleRecord)
      .find({ where: { entityId: entity.id }, select: { productId: true } });
    const coIds = new Set(co.map((c) => c.productId));
    const products = await this.ds.getRepository(ProductRecord).find({
      where: coIds.size ? [{ responsibleEntityId: entity.id }, { id: In([...coIds]) }] : { responsibleEntityId: entity.id },
    });
    const results = await this.ds.getRepository(ResultRecord).find({ where: { responsibleEntityId: entity.id } });
    const policyIds = [...new Set([...products.map((p) => p.policyId), ...results.map((r) => r.policyId)])];
    if (policyIds.length === 0) return { entity, date, items: [] };
    const productIds = products.map((p) => p.id);
    const resultIds = results.map((r) => r.id);
    const [policies, closed, goals, resultGoals, reports, resultReports] = await Promise.all([
      this.ds.getRepository(PolicyRecord).findBy({ id: In(policyIds) }),
      this.ds.getRepository(ClosedPeriodRecord).findBy({ policyId: In(policyIds) }),
      productIds.length ? this.ds.getRepository(GoalRecord).findBy({ productId: In(productIds) }) : [],
      resultIds.length ? this.ds.getRepository(ResultGoalRecord).findBy({ resultId: In(resultIds) }) : [],
      productIds.length ? this.ds.getRepository(ProgressReportRecord).findBy({ productId: In(productIds) }) : [],
      resultIds.length ? this.ds.getRepository(ResultReportRecord).findBy({ resultId: In(resultIds) }) : [],
    ]);
    const policyById = new Map(policies.map((p) => [p.id, p]));
    const closedByPolicy = group(closed, (c) => c.policyId);
    const goalsBy = group(goals, (g) => g.productId);
    const resultGoalsBy = group(resultGoals, (g) => g.resultId);
    const reportsBy = group(reports, (r) => r.productId);
    const resultReportsBy = group(resultReports, (r) => r.resultId);

    const items: DeskItem[] = [];
    for (const p of products) {
      const policy = policyById.get(p.policyId);
      if (!policy) continue;
      items.push({
        kind: DeskItemKind.PRODUCT,
        id: p.id,
        policyId: policy.id,
        policyCode: policy.code,
        policyName: policy.name,
        code: p.code,
        name: p.name,
        role: p.responsibleEntityId === entity.id ? DeskRole.RESPONSIBLE : DeskRole.CO_RESPONSIBLE,
        indicator: p.indicator,
        unit: p.unit,
        periodicity: p.periodicity,
        annualizationType: p.annualizationType,
        periods: duePeriods(policy, p, goalsBy.get(p.id) ?? [], reportsBy.get(p.id) ?? [], closedByPolicy.get(policy.id) ?? [], date),
      });
    }
    for (const r of results) {
      const policy = policyById.get(r.policyId);
      if (!policy) continue;
      items.push({
        kind: DeskItemKind.RESULT,
        id: r.id,
        policyId: policy.id,
        policyCode: policy.code,
        policyName: policy.name,
        code: r.code,
        name: r.name,
        role: DeskRole.RESPONSIBLE,
        indicator: r.indicator,
        unit: r.unit,
        periodicity: r.periodicity,
        annualizationType: r.annualizationType,
        periods: duePeriods(
          policy,
          { ...r, withdrawnFrom: null },
          resultGoalsBy.get(r.id) ?? [],
          resultReportsBy.get(r.id) ?? [],
          closedByPolicy.get(policy.id) ?? [],
          date,
        ),
      });
    }
    items.sort(
      (a, b) =>
        byCode(a.policyCode, b.policyCode) || (a.kind === b.kind ? 0 : a.kind === DeskItemKind.PRODUCT ? -1 : 1) || byCode(a.code, b.code),
    );
    return { entity, date, items };
  }
}

interface Measured {
  id: number;
  annualizationType: AnnualizationType;
  periodicity: Periodicity;
  baselineValue: number | null;
  finalGoal: number | null;
  weight: number | null;
  withdrawnFrom: string | null;
}

function duePeriods(
  policy: PolicyRecord,
  item: Measured,
  goals: readonly { year: number; period: string; value: number }[],
  reports: readonly (ProgressReportRecord | ResultReportRecord)[],
  closed: readonly ClosedPeriodRecord[],
  date: string,
): DeskPeriod[] {
  const schedule = buildGoalSchedule(policy, {
    id: item.id,
    annualizationType: item.annualizationType,
    periodicity: item.periodicity,
    baseline: item.baselineValue,
    finalGoal: item.finalGoal,
    weight: item.weight,
    priority: null,
    goals: goals.map((g) => ({ year: g.year, period: g.period || null, value: Number(g.value) })),
    reports: [],
  });
  const reported = new Map(reports.map((r) => [periodKey(r.year, r.period), r]));
  const out: DeskPeriod[] = [];
  for (const p of schedule.periods) {
    if (p.end > date) continue;
    const report = reported.get(periodKey(p.year, p.code)) ?? null;
    const hasGoal = p.goal !== null && (item.annualizationType !== AnnualizationType.SUMA || p.goal > 0);
    const withdrawn = item.withdrawnFrom !== null && p.start >= item.withdrawnFrom;
    if (!report && (!hasGoal || withdrawn)) continue;
    const isClosed = closed.some((c) => periodWithin(policy, p.year, p.code, c.year, c.period));
    out.push({
      year: p.year,
      period: p.code,
      number: periodNumber(p.code),
      label: periodLabel(p.year, p.code, Number(p.start.slice(0, 4))),
      start: p.start,
      end: p.end,
      goal: p.goal,
      state: isClosed ? DeskPeriodState.CLOSED : stateOf(report),
      report: report && {
        id: report.id,
        value: Number(report.value),
        qualitative: report.qualitative,
        difficulties: report.difficulties,
        evidence: report.evidence,
        reportedBy: report.reportedBy,
        reviewStatus: report.reviewStatus,
        approvedValue: report.approvedValue === null ? null : Number(report.approvedValue),
        reviewComment: report.reviewComment,
        reviewedAt: report.reviewedAt,
        reviewVersion: report.reviewVersion,
        updatedAt: report.updatedAt,
      },
    });
  }
  return out.reverse();
}

function stateOf(report: { reviewStatus: ReviewStatus } | null): DeskPeriodState {
  if (!report) return DeskPeriodState.MISSING;
  switch (report.reviewStatus) {
    case ReviewStatus.PENDING:
      return DeskPeriodState.SUBMITTED;
    case ReviewStatus.RETURNED:
      return DeskPeriodState.RETURNED;
    default:
      return DeskPeriodState.APPROVED;
  }
}

function group<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}
