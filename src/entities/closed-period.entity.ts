import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { PolicyRecord } from './policy.entity';

/**
 * A period of a policy the office closed: no import may change a report of it, nor of any shorter
 * period inside it (2022 S1 closes T1, T2 and M01–M06 of 2022), until the office reopens it.
 */
@ObjectType('ClosedPeriod', {
  description: 'A period of a policy closed by the office: imports may not change its reports (docs/review.md).',
})
@Entity('closed_periods')
@Index('uq_closed_periods_policy_year_period', ['policyId', 'year', 'period'], { unique: true })
export class ClosedPeriodRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'policy_id', type: 'int' })
  policyId!: number;

  @ManyToOne(() => PolicyRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Relation<PolicyRecord>;

  @Field(() => Int, { description: 'Year (vigencia); for a multi-year span, its first year.' })
  @Column({ type: 'smallint' })
  year!: number;

  @Field(() => String, { description: 'Period code as closed: ANUAL, S1, T3, M04, BIENIO…' })
  @Column({ type: 'varchar', length: 12 })
  period!: string;

  @Field(() => Date, { description: 'When it was closed.' })
  @CreateDateColumn({ name: 'closed_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  closedAt!: Date;

  @Field(() => String, { description: 'Who closed it (token name).' })
  @Column({ name: 'closed_by', type: 'varchar', length: 200 })
  closedBy!: string;
}
