import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SessionType } from '../domain/enums';
import './enums.registry';
import { InstanceRecord } from './instance.entity';

@ObjectType('SessionSchedule', {
  description: 'How many sessions of a type an instance programmed for a year or half-year (sesiones programadas).',
})
@Entity('session_schedules')
@Index('uq_session_schedules_key', ['instanceId', 'year', 'half', 'type'], { unique: true })
export class SessionScheduleRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'instance_id', type: 'int' })
  instanceId!: number;

  @ManyToOne(() => InstanceRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: Relation<InstanceRecord>;

  @Field(() => Int, { description: 'Year.' })
  @Column({ type: 'smallint' })
  year!: number;

  /** 0 = the whole year, 1 or 2 = a half-year (part of the natural key, so never NULL). */
  @Column({ type: 'tinyint' })
  half!: number;

  @Field(() => SessionType, { description: 'Session type programmed.' })
  @Column({ type: 'enum', enum: SessionType })
  type!: SessionType;

  @Field(() => Int, { description: 'Sessions programmed.' })
  @Column({ type: 'int' })
  programmed!: number;
}
