import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../domain/date.scalar';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { CommitmentStatus } from '../domain/enums';
import './enums.registry';
import { OrgEntityRecord } from './org-entity.entity';
import { SessionRecord } from './session.entity';

@ObjectType('Commitment', { description: 'A commitment or agreement (compromiso / acuerdo) taken in a session.' })
@Entity('commitments')
@Index('uq_commitments_session_text', ['sessionId', 'textHash'], { unique: true })
export class CommitmentRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'session_id', type: 'int' })
  sessionId!: number;

  @ManyToOne(() => SessionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionRecord>;

  @Field(() => String, { description: 'Text of the commitment.' })
  @Column({ type: 'text' })
  text!: string;

  /** sha256 of the normalised text: with the session, the natural key of a commitment. */
  @Column({ name: 'text_hash', type: 'char', length: 64 })
  textHash!: string;

  @Index()
  @Column({ name: 'responsible_entity_id', type: 'int', nullable: true })
  responsibleEntityId!: number | null;

  @ManyToOne(() => OrgEntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_entity_id' })
  responsibleEntity?: Relation<OrgEntityRecord>;

  @Field(() => DateScalar, { nullable: true, description: 'Due date (fecha límite, YYYY-MM-DD).' })
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Field(() => CommitmentStatus, { description: 'Open or done.' })
  @Column({ type: 'enum', enum: CommitmentStatus, default: CommitmentStatus.ABIERTO })
  status!: CommitmentStatus;
}
