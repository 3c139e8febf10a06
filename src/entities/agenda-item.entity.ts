import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SessionRecord } from './session.entity';

@ObjectType('AgendaItem', { description: 'One item of a session agenda (orden del día).' })
@Entity('agenda_items')
@Index('uq_agenda_items_session_position', ['sessionId', 'position'], { unique: true })
export class AgendaItemRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'session_id', type: 'int' })
  sessionId!: number;

  @ManyToOne(() => SessionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionRecord>;

  @Field(() => Int, { description: 'Position in the agenda, from 1.' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => String, { description: 'Text of the item.' })
  @Column({ type: 'text' })
  text!: string;
}
