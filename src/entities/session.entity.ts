import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../domain/date.scalar';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SessionModality, SessionStatus, SessionType } from '../domain/enums';
import './enums.registry';
import { InstanceRecord } from './instance.entity';

@ObjectType('Session', { description: 'A session of an instance and its minutes (sesión / acta), e.g. acta No. 4 de 2020.' })
@Entity('sessions')
@Index('uq_sessions_instance_year_number', ['instanceId', 'year', 'number'], { unique: true })
@Index('ix_sessions_date', ['date'])
export class SessionRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'instance_id', type: 'int' })
  instanceId!: number;

  @ManyToOne(() => InstanceRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: Relation<InstanceRecord>;

  @Field(() => Int, { description: 'Session number within its year (acta No.).' })
  @Column({ type: 'int' })
  number!: number;

  @Field(() => Int, { description: 'Year the number belongs to.' })
  @Column({ type: 'smallint' })
  year!: number;

  @Field(() => SessionType, { description: 'Ordinary or extraordinary.' })
  @Column({ type: 'enum', enum: SessionType })
  type!: SessionType;

  @Field(() => SessionModality, { nullable: true, description: 'In person, virtual or mixed.' })
  @Column({ type: 'enum', enum: SessionModality, nullable: true })
  modality!: SessionModality | null;

  @Field(() => SessionStatus, { description: 'Programmed, held or cancelled.' })
  @Column({ type: 'enum', enum: SessionStatus, default: SessionStatus.REALIZADA })
  status!: SessionStatus;

  @Field(() => DateScalar, { description: 'Date (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'Start time (HH:MM:SS).' })
  @Column({ name: 'start_time', type: 'time', nullable: true })
  startTime!: string | null;

  @Field(() => String, { nullable: true, description: 'End time (HH:MM:SS).' })
  @Column({ name: 'end_time', type: 'time', nullable: true })
  endTime!: string | null;

  @Field(() => String, { nullable: true, description: 'Place, or the platform of a virtual session.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  place!: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the signed minutes (acta).' })
  @Column({ name: 'minutes_url', type: 'varchar', length: 1000, nullable: true })
  minutesUrl!: string | null;
}
