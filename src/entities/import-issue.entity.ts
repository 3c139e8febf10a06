import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ImportIssueSeverity } from '../domain/enums';
import './enums.registry';
import { ImportBatchRecord } from './import-batch.entity';

@ObjectType('ImportIssue', {
  description: 'An error or warning found in a workbook (error de importación), pointing at sheet, row and column.',
})
@Entity('import_issues')
@Index('ix_import_issues_batch', ['batchId', 'severity'])
export class ImportIssueRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'batch_id', type: 'int' })
  batchId!: number;

  @ManyToOne(() => ImportBatchRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: Relation<ImportBatchRecord>;

  @Field(() => ImportIssueSeverity, { description: 'ERROR blocks the import; WARNING does not.' })
  @Column({ type: 'enum', enum: ImportIssueSeverity })
  severity!: ImportIssueSeverity;

  @Field(() => String, { description: 'Stable machine-readable code, e.g. PRODUCTO_INEXISTENTE.' })
  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Sheet name.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  sheet!: string | null;

  @Field(() => Int, { nullable: true, description: 'Row number as Excel shows it.' })
  @Column({ type: 'int', nullable: true })
  row!: number | null;

  @Field(() => String, { nullable: true, description: 'Column header.' })
  @Column({ name: 'column_name', type: 'varchar', length: 200, nullable: true })
  column!: string | null;

  @Field(() => String, { nullable: true, description: 'The offending value, as text.' })
  @Column({ type: 'text', nullable: true })
  value!: string | null;

  @Field(() => String, { description: 'Message in Spanish for the person who filled the workbook.' })
  @Column({ type: 'text' })
  message!: string;
}
