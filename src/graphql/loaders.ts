import DataLoader from 'dataloader';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import {
  AgendaItemRecord,
  AttendanceRecord,
  CommitmentRecord,
  GoalRecord,
  InstanceFunctionRecord,
  MembershipRecord,
  ObjectiveRecord,
  OrgEntityRecord,
  PersonRecord,
  ProductCoResponsibleRecord,
  ProductRecord,
  ProductReviewRecord,
  ProgressReportChangeRecord,
  ProgressReportRecord,
  ResultGoalRecord,
  ResultRecord,
  ResultReportRecord,
  SessionFunctionRecord,
  SessionRecord,
  SessionScheduleRecord,
} from '../entities';
import { PeriodValueRow, RecordLoadingService, ReviewedValueRow } from '../services/record-loading.service';

/**
 * Per-request DataLoaders (created with the request context, never shared between requests), so a
 * nested query costs one statement per level whatever the number of rows.
 */
export class Loaders {
  private readonly byIdLoaders = new Map<EntityTarget<ObjectLiteral>, DataLoader<number, unknown>>();

  constructor(private readonly records: RecordLoadingService) {}

  /** Loader of any entity by primary key. */
  byId<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    let l = this.byIdLoaders.get(entity as EntityTarget<ObjectLiteral>);
    if (!l) {
      l = new DataLoader<number, T | null>((ids) => this.records.byIds(entity, ids));
      this.byIdLoaders.set(entity as EntityTarget<ObjectLiteral>, l as DataLoader<number, unknown>);
    }
    return l as DataLoader<number, T | null>;
  }

  private many<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>,
  ): DataLoader<number, T[]> {
    return new DataLoader<number, T[]>((keys) => this.records.byColumn(entity, column, keys, order));
  }

  readonly objectivesByPolicyId = this.many(ObjectiveRecord, 'policyId', { number: 'ASC' });
  readonly productsByPolicyId = this.many(ProductRecord, 'policyId', { id: 'ASC' });
  readonly productsByObjectiveId = this.many(ProductRecord, 'objectiveId', { id: 'ASC' });
  readonly goalsByProductId = this.many(GoalRecord, 'productId', { year: 'ASC', period: 'ASC' });
  readonly reportsByProductId = this.many(ProgressReportRecord, 'productId', { year: 'ASC', period: 'ASC' });
  /** Goals and reports as plain year/period/value rows, for the progress calculation. */
  readonly goalValuesByProductId = new DataLoader<number, PeriodValueRow[]>((ids) => this.records.periodValues('goals', ids));
  /** Reports with both the latest and the approved value: both bases come from one statement. */
  readonly reportValuesByProductId = new DataLoader<number, ReviewedValueRow[]>((ids) => this.records.reviewedValues(ids));
  readonly resultsByPolicyId = this.many(ResultRecord, 'policyId', { code: 'ASC' });
  readonly resultsByObjectiveId = this.many(ResultRecord, 'objectiveId', { code: 'ASC' });
  readonly productsByResultId = this.many(ProductRecord, 'resultId', { id: 'ASC' });
  readonly resultGoalsByResultId = this.many(ResultGoalRecord, 'resultId', { year: 'ASC', period: 'ASC' });
  readonly resultReportsByResultId = this.many(ResultReportRecord, 'resultId', { year: 'ASC', period: 'ASC' });
  /** A result's goals and reports as plain rows, for the progress calculation (one statement for all). */
  readonly resultValuesByResultId = new DataLoader<number, { goals: PeriodValueRow[]; reports: ReviewedValueRow[] }>((ids) =>
    this.records.resultPeriodValues(ids),
  );
  readonly reportChangesByReportId = this.many(ProgressReportChangeRecord, 'reportId', { id: 'ASC' });
  readonly coResponsiblesByProductId = this.many(ProductCoResponsibleRecord, 'productId', { position: 'ASC' });
  readonly reviewsByProductId = this.many(ProductReviewRecord, 'productId', { id: 'ASC' });
  readonly entitiesBySectorId = this.many(OrgEntityRecord, 'sectorId', { code: 'ASC' });
  readonly peopleByEntityId = this.many(PersonRecord, 'entityId', { name: 'ASC' });
  readonly membershipsByInstanceId = this.many(MembershipRecord, 'instanceId', { id: 'ASC' });
  readonly membershipsByPersonId = this.many(MembershipRecord, 'personId', { id: 'ASC' });
  readonly sessionsByInstanceId = this.many(SessionRecord, 'instanceId', { date: 'ASC', id: 'ASC' });
  readonly functionsByInstanceId = this.many(InstanceFunctionRecord, 'instanceId', { number: 'ASC' });
  readonly schedulesByInstanceId = this.many(SessionScheduleRecord, 'instanceId', { year: 'ASC', half: 'ASC' });
  readonly agendaBySessionId = this.many(AgendaItemRecord, 'sessionId', { position: 'ASC' });
  readonly attendanceBySessionId = this.many(AttendanceRecord, 'sessionId', { id: 'ASC' });
  readonly commitmentsBySessionId = this.many(CommitmentRecord, 'sessionId', { id: 'ASC' });
  readonly sessionFunctionsBySessionId = this.many(SessionFunctionRecord, 'sessionId', { functionId: 'ASC' });
  readonly reviewsBySessionId = this.many(ProductReviewRecord, 'sessionId', { id: 'ASC' });
  /** Data version of each policy (docs/scaling.md): what decides whether cached figures are current. */
  readonly dataVersionByPolicyId = new DataLoader<number, number>((ids) => this.records.dataVersions(ids));
  /** Pages of a batch's issues already asked for in this request (aliases asking the same page share one query). */
  readonly issuePages = new Map<string, Promise<unknown>>();
}
