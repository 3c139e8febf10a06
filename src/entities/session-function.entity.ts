import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { InstanceFunctionRecord } from './instance-function.entity';
import { SessionRecord } from './session.entity';

/** Which functions of its instance a session addressed (función abordada). */
@Entity('session_functions')
export class SessionFunctionRecord {
  @PrimaryColumn({ name: 'session_id', type: 'int' })
  sessionId!: number;

  @PrimaryColumn({ name: 'function_id', type: 'int' })
  functionId!: number;

  @ManyToOne(() => SessionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionRecord>;

  @ManyToOne(() => InstanceFunctionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'function_id' })
  instanceFunction?: Relation<InstanceFunctionRecord>;

  /** Unused marker column so the row can be upserted with ON DUPLICATE KEY UPDATE. */
  @Column({ type: 'boolean', default: true })
  addressed!: boolean;
}
