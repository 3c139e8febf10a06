import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { PersonRecord } from './person.entity';
import { SessionRecord } from './session.entity';

@ObjectType('Attendance', { description: 'Whether a person attended a session (asistencia), in person or by delegation.' })
@Entity('attendances')
@Index('uq_attendances_session_person', ['sessionId', 'personId'], { unique: true })
export class AttendanceRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'session_id', type: 'int' })
  sessionId!: number;

  @ManyToOne(() => SessionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionRecord>;

  @Index()
  @Column({ name: 'person_id', type: 'int' })
  personId!: number;

  @ManyToOne(() => PersonRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonRecord>;

  @Field(() => Boolean, { description: 'Attended (asistió).' })
  @Column({ type: 'boolean' })
  attended!: boolean;

  @Field(() => Boolean, { description: 'Attended through a delegate (delegado).' })
  @Column({ type: 'boolean', default: false })
  delegated!: boolean;

  @Field(() => String, { nullable: true, description: 'Observations.' })
  @Column({ type: 'text', nullable: true })
  observations!: string | null;
}
