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
import { PERIOD_LENGTH, VALUE_DOUBLE } from './column-types';
import { ImportBatchRecord } from './import-batch.entity';
import { ProductRecord } from './product.entity';
import { ReviewedReport } from './reviewed-report';

@ObjectType('ProgressReport', { description: "An entity's progress report (reporte de avance) for one product and period." })
@Entity('progress_reports')
@Index('uq_progress_reports_product_year_period', ['productId', 'year', 'period'], { unique: true })
export class ProgressReportRecord extends ReviewedReport {
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
}
