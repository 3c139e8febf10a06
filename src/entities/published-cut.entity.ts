import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { DateScalar } from '../domain/date.scalar';
import { PolicyRecord } from './policy.entity';

/**
 * A policy's figures at a cut as the office published them: the whole PolicyProgress on basis APPROVED,
 * frozen as JSON, with what identifies the data it came from. Never updated.
 */
@ObjectType('PublishedCut', {
  description: "A policy's figures at a cut as published by the office: frozen, never recomputed (docs/review.md).",
})
@Entity('published_cuts')
@Index('ix_published_cuts_policy_cut', ['policyId', 'cut'])
export class PublishedCutRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'policy_id', type: 'int' })
  policyId!: number;

  @ManyToOne(() => PolicyRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Relation<PolicyRecord>;

  @Field(() => DateScalar, { description: 'Cut date of the figures (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  cut!: string;

  @Field(() => String, { description: 'Title given when publishing ("Informe de seguimiento 001").' })
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field(() => Date, { description: 'When it was published.' })
  @CreateDateColumn({ name: 'published_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  publishedAt!: Date;

  @Field(() => String, { description: 'Who published it (token name).' })
  @Column({ name: 'published_by', type: 'varchar', length: 200 })
  publishedBy!: string;

  /** The PolicyProgress snapshot (src/services/published-cut.service.ts). */
  @Column({ type: 'mediumtext' })
  snapshot!: string;

  @Field(() => String, {
    description:
      'Fingerprint of the data the figures came from: sha256 over every goal and every approved report value of the policy (id, product, year, period, value).',
  })
  @Column({ name: 'source_checksum', type: 'char', length: 64 })
  sourceChecksum!: string;

  @Field(() => Date, { nullable: true, description: 'Latest change of any report of the policy when it was published.' })
  @Column({ name: 'source_reports_updated_at', type: 'datetime', precision: 3, nullable: true })
  sourceReportsUpdatedAt!: Date | null;

  @Field(() => Int, { description: 'Highest report id of the policy when it was published (0 = none).' })
  @Column({ name: 'source_max_report_id', type: 'int', default: 0 })
  sourceMaxReportId!: number;
}
