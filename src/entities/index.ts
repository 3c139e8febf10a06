import { AgendaItemRecord } from './agenda-item.entity';
import { ApiTokenRecord } from './api-token.entity';
import { AttendanceRecord } from './attendance.entity';
import { AuditEventRecord } from './audit-event.entity';
import { ClosedPeriodRecord } from './closed-period.entity';
import { CommitmentRecord } from './commitment.entity';
import { GoalRecord } from './goal.entity';
import { ImportBatchRecord } from './import-batch.entity';
import { ImportIssueRecord } from './import-issue.entity';
import { InstanceFunctionRecord } from './instance-function.entity';
import { InstanceRecord } from './instance.entity';
import { MembershipRecord } from './membership.entity';
import { ObjectiveRecord } from './objective.entity';
import { OrgEntityRecord } from './org-entity.entity';
import { PersonRecord } from './person.entity';
import { PolicyDataVersionRecord } from './policy-data-version.entity';
import { PolicyRecord } from './policy.entity';
import { ProductCoResponsibleRecord } from './product-co-responsible.entity';
import { ProductReviewRecord } from './product-review.entity';
import { ProductRecord } from './product.entity';
import { ProgressReportChangeRecord } from './progress-report-change.entity';
import { ProgressReportRecord } from './progress-report.entity';
import { PublishedCutRecord } from './published-cut.entity';
import { ResultGoalRecord } from './result-goal.entity';
import { ResultReportRecord } from './result-report.entity';
import { ResultRecord } from './result.entity';
import { SectorRecord } from './sector.entity';
import { SessionFunctionRecord } from './session-function.entity';
import { SessionScheduleRecord } from './session-schedule.entity';
import { SessionRecord } from './session.entity';

export {
  AgendaItemRecord,
  ApiTokenRecord,
  AttendanceRecord,
  AuditEventRecord,
  ClosedPeriodRecord,
  CommitmentRecord,
  GoalRecord,
  ImportBatchRecord,
  ImportIssueRecord,
  InstanceFunctionRecord,
  InstanceRecord,
  MembershipRecord,
  ObjectiveRecord,
  OrgEntityRecord,
  PersonRecord,
  PolicyDataVersionRecord,
  PolicyRecord,
  ProductCoResponsibleRecord,
  ProductRecord,
  ProductReviewRecord,
  ProgressReportChangeRecord,
  ProgressReportRecord,
  PublishedCutRecord,
  ResultGoalRecord,
  ResultRecord,
  ResultReportRecord,
  SectorRecord,
  SessionFunctionRecord,
  SessionRecord,
  SessionScheduleRecord,
};

/** Every persisted entity, in the order the data source registers them. */
export const ALL_ENTITIES = [
  SectorRecord,
  OrgEntityRecord,
  PersonRecord,
  InstanceRecord,
  MembershipRecord,
  InstanceFunctionRecord,
  SessionRecord,
  AgendaItemRecord,
  AttendanceRecord,
  SessionScheduleRecord,
  CommitmentRecord,
  SessionFunctionRecord,
  ProductReviewRecord,
  PolicyRecord,
  ObjectiveRecord,
  ResultRecord,
  ProductRecord,
  ProductCoResponsibleRecord,
  GoalRecord,
  ProgressReportRecord,
  ProgressReportChangeRecord,
  ResultGoalRecord,
  ResultReportRecord,
  ImportBatchRecord,
  ImportIssueRecord,
  ApiTokenRecord,
  AuditEventRecord,
  ClosedPeriodRecord,
  PublishedCutRecord,
  PolicyDataVersionRecord,
];
