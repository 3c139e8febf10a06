import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ApiTokenRecord } from './api-token.entity';

/** JSON kept in a TEXT column (the same on MySQL and MariaDB). */
const jsonText = {
  to: (value: Record<string, unknown> | null | undefined) => (value === null || value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null || value === undefined ? null : (JSON.parse(value) as Record<string, unknown>)),
};

/** One recorded action (who did what to what): token management, uploads, imports. Append-only. */
@Entity('audit_events')
@Index('ix_audit_events_action_at', ['action', 'at'])
export class AuditEventRecord {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index()
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  at!: Date;

  /** Token name, "cli", "inbox" or "system". */
  @Column({ type: 'varchar', length: 200 })
  actor!: string;

  @Index()
  @Column({ name: 'actor_token_id', type: 'int', nullable: true })
  actorTokenId!: number | null;

  @ManyToOne(() => ApiTokenRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_token_id' })
  actorToken?: Relation<ApiTokenRecord>;

  /** TOKEN_CREATED, TOKEN_REVOKED, UPLOAD, IMPORT… */
  @Column({ type: 'varchar', length: 50 })
  action!: string;

  /** What was acted on: "token:12", a file name, a batch id… */
  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text', nullable: true, transformer: jsonText })
  details!: Record<string, unknown> | null;
}
