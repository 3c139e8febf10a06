import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { ReviewStatus } from '../domain/enums';
import { VALUE_DECIMAL } from './column-types';
import './enums.registry';
import { ImportBatchRecord } from './import-batch.entity';
import { ProductRecord } from './product.entity';

@ObjectType('ProgressReport', { description: "An entity's progress report (reporte de avance) for one product and period." })
@Entity('progress_reports')
@Index('uq_progress_reports_product_year_period', ['productId', 'year', 'period'], { unique: true })
export class ProgressReportRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'product_id', type: 'int' })
  productId!: number;

  @ManyToOne(() => ProductRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductRecord>;

  @Field(() => Int, { description: 'Year (vigencia).' })
  @Column({ type: 'smallint' })
  year!: number;

  @Field(() => String, { description: 'Period: ANUAL, S1, S2, T1..T4 or M01..M12.' })
  @Column({ type: 'varchar', length: 5 })
  period!: string;

  @Field(() => Float, { description: 'Reported value for the period.' })
  @Column({ ...VALUE_DECIMAL })
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
  @Column({ name: 'approved_value', ...VALUE_DECIMAL, nullable: true })
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
}
