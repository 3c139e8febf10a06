import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Index, JoinColumn, ManyToOne, Relation, UpdateDateColumn } from 'typeorm';
import { ReviewStatus } from '../domain/enums';
import { PERIOD_LENGTH, VALUE_DOUBLE } from './column-types';
import './enums.registry';
import { ImportBatchRecord } from './import-batch.entity';

/**
 * The columns every report table has (progress_reports, result_reports): the period and its value with
 * the texts that come with it, the batch that last wrote it, and the review state — the state of the
 * latest value sent, the last value the office approved (kept apart until the new one is decided), the
 * last decision, and a version for optimistic checks (docs/review.md).
 */
@ObjectType('ReviewedReport', { description: 'Review columns shared by report types (not exposed on its own).' })
export abstract class ReviewedReport {
  @Field(() => Int, { description: 'Year (vigencia).' })
  @Column({ type: 'smallint' })
  year!: number;

  @Field(() => String, { description: 'Period code of the periodicity: ANUAL, S1, T1…T4, C1…C3, B1…B6, M01…M12, or the multi-year span.' })
  @Column({ type: 'varchar', length: PERIOD_LENGTH })
  period!: string;

  @Field(() => Float, { description: 'Reported value for the period.' })
  @Column({ ...VALUE_DOUBLE })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Qualitative progress (avance cualitativo).' })
  @Column({ type: 'text', nullable: true })
  qualitative!: string | null;

  @Field(() => String, { nullable: true, description: 'Difficulties (dificultades).' })
  @Column({ type: 'text', nullable: true })
  difficulties!: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence: URL or document reference.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Who reported (reportado por).' })
  @Column({ name: 'reported_by', type: 'varchar', length: 300, nullable: true })
  reportedBy!: string | null;

  @Index()
  @Column({ name: 'import_batch_id', type: 'int', nullable: true })
  importBatchId!: number | null;

  @ManyToOne(() => ImportBatchRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'import_batch_id' })
  importBatch?: Relation<ImportBatchRecord>;

  @Field(() => Date, { description: 'When the report was first stored.' })
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the report was last changed.' })
  @UpdateDateColumn({
    name: 'updated_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt!: Date;

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
