import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AnnualizationType, Periodicity, ReviewStatus } from '../../domain/enums';
import { OrgEntityRecord } from '../../entities';
import { DeskItem, DeskItemKind, DeskPeriod, DeskPeriodState, DeskReport, DeskRole } from '../../services/reporting-desk.service';
import { DateScalar } from '../scalars/date.scalar';

registerEnumType(DeskRole, {
  name: 'DeskRole',
  description: "Why the item is on the entity's desk: it is the responsible entity, or a co-responsible one (products only).",
});
registerEnumType(DeskItemKind, { name: 'DeskItemKind', description: 'A product of the action plan, or a result indicator.' });
registerEnumType(DeskPeriodState, {
  name: 'DeskPeriodState',
  description:
    'Where a due period stands: MISSING (nothing sent), SUBMITTED (waiting for review), APPROVED, RETURNED (the office asks for a correction, see reviewComment), CLOSED (closed by the office: no import may change it).',
});

/** Default sizes: an entity's items and a due-period series (priced by the cost limit). */
export const DESK_ITEMS_SIZE = 100;
export const DESK_PERIODS_SIZE = 24;

@ObjectType('DeskReport', { description: 'What is already reported for a due period.' })
export class DeskReportType implements DeskReport {
  @Field(() => ID, { description: 'Id of the report (ProgressReport.id, or the result report id).' })
  id!: number;

  @Field(() => Float, { description: 'Latest value sent.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Qualitative progress (avance cualitativo).' })
  qualitative!: string | null;

  @Field(() => String, { nullable: true, description: 'Difficulties (dificultades).' })
  difficulties!: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence: URL or document reference.' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Who reported (reportado por).' })
  reportedBy!: string | null;

  @Field(() => ReviewStatus, { description: 'Review state of the latest value sent.' })
  reviewStatus!: ReviewStatus;

  @Field(() => Float, { nullable: true, description: 'The last value the office approved; null when none yet.' })
  approvedValue!: number | null;

  @Field(() => String, { nullable: true, description: "The office's comment on its last decision (why it was returned, when RETURNED)." })
  reviewComment!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the office last decided.' })
  reviewedAt!: Date | null;

  @Field(() => Int, { description: 'Review version (see ProgressReport.reviewVersion).' })
  reviewVersion!: number;

  @Field(() => Date, { description: 'When the report was last changed.' })
  updatedAt!: Date;
}

@ObjectType('DeskPeriod', { description: 'A period due at the desk date: its goal, what is reported and its state.' })
export class DeskPeriodType implements DeskPeriod {
  @Field(() => Int, { description: 'Year (vigencia); for a multi-year span, the year it ends (as reported).' })
  year!: number;

  @Field(() => String, { description: 'Period code as the REPORTE sheet takes it: ANUAL, S1, T3, M07, BIENIO…' })
  period!: string;

  @Field(() => Int, { description: 'Position of the period within its year (T3 → 3; ANUAL → 1).' })
  number!: number;

  @Field(() => String, { description: 'Spanish name of the period ("Tercer trimestre de 2024").' })
  label!: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  start!: string;

  @Field(() => DateScalar, { description: 'Last day of the period: it is due from this day on.' })
  end!: string;

  @Field(() => Float, {
    nullable: true,
    description: "The period's goal (explicit, or the default of the annualization type); null when none.",
  })
  goal!: number | null;

  @Field(() => DeskPeriodState, { description: 'MISSING, SUBMITTED, APPROVED, RETURNED or CLOSED.' })
  state!: DeskPeriodState;

  @Field(() => DeskReportType, { nullable: true, description: 'What is reported; null when MISSING (or CLOSED with nothing sent).' })
  report!: DeskReportType | null;
}

@ObjectType('DeskItem', { description: "A product or result on the entity's desk, with its due periods." })
export class DeskItemType implements Omit<DeskItem, 'periods'> {
  @Field(() => DeskItemKind, { description: 'PRODUCT or RESULT.' })
  kind!: DeskItemKind;

  @Field(() => ID, { description: 'Id of the product or result.' })
  id!: number;

  policyId!: number;

  @Field(() => String, { description: 'Policy code.' })
  policyCode!: string;

  @Field(() => String, { description: 'Policy name.' })
  policyName!: string;

  @Field(() => String, { description: 'Product or result code.' })
  code!: string;

  @Field(() => String, { description: 'Product or result name.' })
  name!: string;

  @Field(() => DeskRole, { description: 'RESPONSIBLE or CO_RESPONSIBLE.' })
  role!: DeskRole;

  @Field(() => String, { description: 'Indicator name.' })
  indicator!: string;

  @Field(() => String, { nullable: true, description: 'Unit of measure.' })
  unit!: string | null;

  @Field(() => Periodicity, { description: 'Reporting periodicity.' })
  periodicity!: Periodicity;

  @Field(() => AnnualizationType, { description: 'Annualization type.' })
  annualizationType!: AnnualizationType;

  /** All due periods, newest first (the field resolver cuts them to `first`). */
  allPeriods!: DeskPeriod[];

  @Field(() => Int, { description: 'How many periods are due (periods lists at most `first`).' })
  periodCount!: number;

  @Field(() => Int, { description: 'Due periods still to send or correct: MISSING or RETURNED.' })
  pendingCount!: number;
}

@ObjectType('DeskCounts', { description: 'Due periods of the desk by state.' })
export class DeskCountsType {
  @Field(() => Int, { description: 'Due periods with nothing sent.' })
  missing!: number;
  @Field(() => Int, { description: 'Sent, waiting for review.' })
  submitted!: number;
  @Field(() => Int, { description: 'Approved.' })
  approved!: number;
  @Field(() => Int, { description: 'Returned by the office, to correct.' })
  returned!: number;
  @Field(() => Int, { description: 'Closed by the office.' })
  closed!: number;
}

@ObjectType('ReportingDesk', {
  description:
    "An entity's reporting desk (docs/reportar.md): its products (responsible or co-responsible) and results, with the periods due at `date`.",
})
export class ReportingDeskType {
  @Field(() => OrgEntityRecord, { description: 'The entity.' })
  entity!: OrgEntityRecord;

  @Field(() => DateScalar, { description: 'The date the desk is computed at (today in TZ_REPORTS unless given).' })
  date!: string;

  allItems!: DeskItemType[];

  @Field(() => Int, { description: 'How many products and results the entity has (items lists at most `first`).' })
  itemCount!: number;

  @Field(() => DeskCountsType, { description: 'Due periods by state, over every item.' })
  counts!: DeskCountsType;
}
