import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import { ImportKind, ImportStatus } from '../domain/enums';
import './enums.registry';
import { ImportIssueTotalType, IssueTotal } from './import-issue-total.type';

/** Totals are a small JSON array (bounded by codes × sheets × columns, at most ~600 groups). */
const jsonTotals: ValueTransformer = {
  to: (value: IssueTotal[] | null | undefined) => (value ? JSON.stringify(value) : null),
  from: (value: string | null) => (value ? (JSON.parse(value) as IssueTotal[]) : null),
};

@ObjectType('ImportBatch', { description: 'One uploaded workbook (lote de importación) and what its import did.' })
@Entity('import_batches')
@Index('ix_import_batches_status_created', ['status', 'createdAt'])
export class ImportBatchRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'File name as uploaded (never used as a path). Null for VIEWER and public read.' })
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'sha256 of the file content; the same content is never applied twice. Null for VIEWER and public read.',
  })
  @Index()
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Field(() => Int, { description: 'File size in bytes.' })
  @Column({ name: 'size_bytes', type: 'int', default: 0 })
  sizeBytes!: number;

  @Field(() => ImportKind, { nullable: true, description: 'Kind of workbook, once recognised.' })
  @Index()
  @Column({ type: 'enum', enum: ImportKind, nullable: true })
  kind!: ImportKind | null;

  @Field(() => ImportStatus, { description: 'Lifecycle status.' })
  @Column({ type: 'enum', enum: ImportStatus, default: ImportStatus.PENDING })
  status!: ImportStatus;

  @Field(() => String, { nullable: true, description: 'Who uploaded: token name, "inbox" or "cli". Null for VIEWER and public read.' })
  @Index()
  @Column({ type: 'varchar', length: 200 })
  uploader!: string;

  @Column({ name: 'uploader_entity_id', type: 'int', nullable: true })
  uploaderEntityId!: number | null;

  /** Where the stored file is, relative to the storage folder (generated name, never the uploaded one). */
  @Column({ name: 'storage_path', type: 'varchar', length: 500, nullable: true })
  storagePath!: string | null;

  @Field(() => Int, { description: 'Data rows read.' })
  @Column({ name: 'rows_read', type: 'int', default: 0 })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows that created a record.' })
  @Column({ name: 'rows_inserted', type: 'int', default: 0 })
  rowsInserted!: number;

  @Field(() => Int, { description: 'Rows that changed a stored record.' })
  @Column({ name: 'rows_updated', type: 'int', default: 0 })
  rowsUpdated!: number;

  @Field(() => Int, { description: 'Rows equal to what was stored.' })
  @Column({ name: 'rows_unchanged', type: 'int', default: 0 })
  rowsUnchanged!: number;

  @Field(() => Int, { description: 'Rows with at least one error.' })
  @Column({ name: 'rows_rejected', type: 'int', default: 0 })
  rowsRejected!: number;

  @Field(() => Int, { description: 'Errors found.' })
  @Column({ name: 'error_count', type: 'int', default: 0 })
  errorCount!: number;

  @Field(() => Int, { description: 'Warnings found.' })
  @Column({ name: 'warning_count', type: 'int', default: 0 })
  warningCount!: number;

  /** Issues per severity, code, sheet and column, over all issues found (the stored list is capped per code). */
  @Column({ name: 'issue_totals', type: 'mediumtext', nullable: true, transformer: jsonTotals })
  issueTotalsStored!: IssueTotal[] | null;

  @Field(() => [ImportIssueTotalType], {
    name: 'issueTotals',
    description:
      'How many errors and warnings the workbook had per code, sheet and column, counting those beyond the per-code cap ' +
      '(`issues` lists at most IMPORT_MAX_ISSUES_PER_CODE of each code). Bounded by the schema, not by the data: one entry ' +
      'per (code, sheet, column) up to 500 entries, then one per code and severity, so at most 500 plus twice the number of codes.',
  })
  get issueTotals(): IssueTotal[] {
    return this.issueTotalsStored ?? [];
  }

  /** The Errores workbook built once when the batch was rejected (absolute path in the storage folder). */
  @Column({ name: 'errors_path', type: 'varchar', length: 500, nullable: true })
  errorsPath!: string | null;

  /** Worker that holds the batch while PROCESSING, and its last heartbeat (lease). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  owner!: string | null;

  @Column({ name: 'heartbeat_at', type: 'datetime', precision: 3, nullable: true })
  heartbeatAt!: Date | null;

  @Field(() => Int, { description: 'How many times a worker started this batch.' })
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'Milliseconds spent reading and parsing.' })
  @Column({ name: 'parse_ms', type: 'int', nullable: true })
  parseMs!: number | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds spent validating.' })
  @Column({ name: 'validate_ms', type: 'int', nullable: true })
  validateMs!: number | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds spent writing to the database.' })
  @Column({ name: 'import_ms', type: 'int', nullable: true })
  importMs!: number | null;

  @Field(() => Date, { description: 'When the batch was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When processing started.' })
  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When processing finished.' })
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;
}
