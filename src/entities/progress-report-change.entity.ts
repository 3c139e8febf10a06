import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { VALUE_DOUBLE } from './column-types';
import { ImportBatchRecord } from './import-batch.entity';
import { ProgressReportRecord } from './progress-report.entity';

@ObjectType('ProgressReportChange', { description: 'A change of an already stored report value: the history of a report.' })
@Entity('progress_report_changes')
export class ProgressReportChangeRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index()
  @Column({ name: 'report_id', type: 'int' })
  reportId!: number;

  @ManyToOne(() => ProgressReportRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<ProgressReportRecord>;

  @Field(() => Float, { description: 'Value before the change.' })
  @Column({ name: 'previous_value', ...VALUE_DOUBLE })
  previousValue!: number;

  @Field(() => Float, { description: 'Value after the change.' })
  @Column({ name: 'new_value', ...VALUE_DOUBLE })
  newValue!: number;

  @Column({ name: 'import_batch_id', type: 'int', nullable: true })
  importBatchId!: number | null;

  @ManyToOne(() => ImportBatchRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'import_batch_id' })
  importBatch?: Relation<ImportBatchRecord>;

  @Field(() => Date, { description: 'When the change was applied.' })
  @CreateDateColumn({ name: 'changed_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  changedAt!: Date;
}
