import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';
import { ReviewStatus } from '../domain/enums';
import { VALUE_DOUBLE } from './column-types';
import './enums.registry';

/**
 * The review columns every report table has (progress_reports, result_reports): the state of the
 * latest value sent, the last value the office approved (kept apart until the new one is decided),
 * the last decision, and a version for optimistic checks (docs/review.md).
 */
@ObjectType('ReviewedReport', { description: 'Review columns shared by report types (not exposed on its own).' })
export abstract class ReviewedReport {
  @Field(() => ReviewStatus, {
    description:
      "Review state of the latest value sent: PENDING until the office decides, APPROVED, or RETURNED with the office's comment.",
  })
  @Column({ name: 'review_status', type: 'enum', enum: ReviewStatus, default: ReviewStatus.APPROVED })
  reviewStatus!: ReviewStatus;

  @Field(() => Float, {
    nullable: true,
    description: 'The last value the office approved (figures on basis APPROVED use it); null when no value was approved yet.',
  })
  @Column({ name: 'approved_value', ...VALUE_DOUBLE, nullable: true })
  approvedValue!: number | null;

  @Field(() => String, { nullable: true, description: "The office's comment on its last decision (required when returned)." })
  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last decision was taken (or the value was approved on import).' })
  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who took the last decision: a token name, or the import that approved it.' })
  @Column({ name: 'reviewed_by', type: 'varchar', length: 200, nullable: true })
  reviewedBy!: string | null;

  @Field(() => Int, {
    description:
      'Grows with every value sent and every decision; pass it back to approveReports/returnReports to decide only what you saw.',
  })
  @Column({ name: 'review_version', type: 'int', default: 0 })
  reviewVersion!: number;
}
