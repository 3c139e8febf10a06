import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ApiTokenRecord } from './api-token.entity';

/** JSON kept in a TEXT column (the same on MySQL and MariaDB). */
const jsonText = {
  to: (value: Record<string, unknown> | null | undefined) => (value === null || value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null || value === undefined ? null : (JSON.parse(value) as Record<string, unknown>)),
};

/** One recorded action (who did what to what): token management, uploads, imports. Append-only. */
@ObjectType('AuditEvent', { description: 'One recorded action (who did what to what); append-only. ADMIN only.' })
@Entity('audit_events')
@Index('ix_audit_events_action_at', ['action', 'at'])
export class AuditEventRecord {
  @Field(() => ID, { description: 'Internal identifier (grows with time).' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => Date, { description: 'When it happened (UTC).' })
  @Index()
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  at!: Date;

  /** Token name, "cli", "inbox" or "system". */
  @Field(() => String, { description: 'Who did it: a token name, "cli", "inbox" or "system".' })
  @Column({ type: 'varchar', length: 200 })
  actor!: string;

  @Index()
  @Column({ name: 'actor_token_id', type: 'int', nullable: true })
  actorTokenId!: number | null;

  @ManyToOne(() => ApiTokenRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_token_id' })
  actorToken?: Relation<ApiTokenRecord>;

  /** TOKEN_CREATED, TOKEN_REVOKED, UPLOAD, IMPORT… */
  @Field(() => String, {
    description:
      'What was done: TOKEN_CREATED, UPLOAD, IMPORT, REPORTS_APPROVED, REPORTS_RETURNED, PERIOD_CLOSED, PERIOD_REOPENED, CUT_PUBLISHED…',
  })
  @Column({ type: 'varchar', length: 50 })
  action!: string;

  /** What was acted on: "token:12", a file name, a batch id… */
  @Field(() => String, { description: 'What it was done to: "token:12", "batch:40", "policy:PPPS"…' })
  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text', nullable: true, transformer: jsonText })
  details!: Record<string, unknown> | null;
}
