import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Role } from '../domain/enums';
import { OrgEntityRecord } from './org-entity.entity';

registerEnumType(Role, {
  name: 'Role',
  description: 'Role of an API token: ADMIN (planning office), ENTITY (one entity uploads its reports), VIEWER (read-only dashboards).',
});

/**
 * An API token (Bearer). Only the sha256 of the secret is stored; the secret is shown once by
 * `rumbo token create` and cannot be recovered. See docs/security.md.
 */
@ObjectType('ApiToken', { description: 'An API token (Bearer) as managed with `rumbo token`; the secret itself is never stored.' })
@Entity('api_tokens')
export class ApiTokenRecord {
  @Field(() => ID, { description: 'Internal identifier (accepted by `rumbo token revoke`).' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String, { description: 'Label recorded as the actor of what the token does (uploads, imports).' })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field(() => Role, { description: 'What the token may do.' })
  @Column({ type: 'enum', enum: Role })
  role!: Role;

  /** Entity an ENTITY token is bound to; null for ADMIN and VIEWER. */
  @Index()
  @Column({ name: 'entity_id', type: 'int', nullable: true })
  entityId!: number | null;

  @ManyToOne(() => OrgEntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id' })
  entity?: Relation<OrgEntityRecord>;

  /** sha256 (hex) of the secret: what requests are matched against. Never exposed. */
  @Index('uq_api_tokens_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Field(() => String, { description: 'First characters of the secret, to recognise a token in lists (not enough to use it).' })
  @Index()
  @Column({ type: 'varchar', length: 20 })
  prefix!: string;

  @Field(() => Date, { description: 'When the token was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the token stops working; null when it does not expire.' })
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last time a request used the token (updated at most once a minute).' })
  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; null while it is not.' })
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { description: 'Who created the token ("cli" or the operator).' })
  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;
}
