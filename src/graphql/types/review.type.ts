import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReviewStatus } from '../../domain/enums';
import { ProgressReportRecord } from '../../entities';
import '../../entities/enums.registry';
import { DateScalar } from '../scalars/date.scalar';
import { AggregateProgressType, ProductProgressType } from './progress.type';

export enum ProductChangeKind {
  CHANGED = 'CHANGED',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(ProductChangeKind, {
  name: 'ProductChangeKind',
  description: 'How a product differs from a published cut: its figures CHANGED, it was ADDED to the plan, or REMOVED from it.',
});

@ObjectType('ReviewDecision', { description: 'What an approveReports / returnReports / approveBatch decided (all or nothing).' })
export class ReviewDecisionType {
  @Field(() => ReviewStatus, { description: 'APPROVED or RETURNED.' })
  decision!: ReviewStatus;

  @Field(() => Int, { description: 'Reports decided (product and result reports).' })
  count!: number;

  @Field(() => [ProgressReportRecord], { description: 'The product reports decided, as they are now.' })
  reports!: ProgressReportRecord[];

  @Field(() => [ID], { description: 'Ids of the result reports decided.' })
  resultReportIds!: string[];
}

@ObjectType('ProductChange', {
  description: 'One product whose figures differ between a published cut and the live figures at the same cut.',
})
export class ProductChangeType {
  productId!: number;

  @Field(() => String, { description: 'Product code (as published, or as it is now for an added product).' })
  productCode!: string;

  @Field(() => ProductChangeKind, { description: 'CHANGED, ADDED or REMOVED.' })
  kind!: ProductChangeKind;

  @Field(() => [String], {
    description:
      'Figures that differ: achieved, goalToDate, finalGoal, ratio, progress, cumulative, ideal, weight, due, trafficLight, missingReport, overExecution, pendingReview, withdrawn.',
  })
  fields!: string[];

  @Field(() => ProductProgressType, { nullable: true, description: 'Figures as published; null for an added product.' })
  published!: ProductProgressType | null;

  @Field(() => ProductProgressType, {
    nullable: true,
    description: 'Live figures at the same cut (basis APPROVED); null for a removed product.',
  })
  live!: ProductProgressType | null;

  @Field(() => Float, { nullable: true, description: 'Weight as published.' })
  publishedWeight!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight now.' })
  liveWeight!: number | null;
}

@ObjectType('PublishedCutComparison', { description: 'A published cut against the live figures at the same cut and basis APPROVED.' })
export class PublishedCutComparisonType {
  @Field(() => DateScalar, { description: 'The cut compared.' })
  cut!: string;

  @Field(() => AggregateProgressType, { description: 'The policy total as published.' })
  published!: AggregateProgressType;

  @Field(() => AggregateProgressType, { description: 'The policy total now.' })
  live!: AggregateProgressType;

  @Field(() => Boolean, {
    description: 'The data the cut came from is unchanged (same fingerprint): the live figures are the published ones.',
  })
  sameSource!: boolean;

  @Field(() => [ProductChangeType], {
    description: 'Products whose figures changed, were added or removed, by product id; unchanged ones are left out.',
  })
  changes!: ProductChangeType[];
}

@InputType('AuditEventFilter', { description: 'Filters for the audit log; all given must match.' })
export class AuditEventFilterInput {
  @Field(() => String, { nullable: true, description: 'Action (UPLOAD, IMPORT, REPORTS_APPROVED, PERIOD_CLOSED, CUT_PUBLISHED…).' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Actor (token name, "cli", "inbox").' })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact subject ("policy:PPPS", "batch:40").' })
  subject?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'At or before this instant.' })
  to?: Date | null;
}
