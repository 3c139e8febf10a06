import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { PERIOD_LENGTH, VALUE_DOUBLE } from './column-types';
import { ResultRecord } from './result.entity';

@ObjectType('ResultGoal', { description: "A result's goal for a year, or for one period of it." })
@Entity('result_goals')
@Index('uq_result_goals_result_year_period', ['resultId', 'year', 'period'], { unique: true })
export class ResultGoalRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'result_id', type: 'int' })
  resultId!: number;

  @ManyToOne(() => ResultRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<ResultRecord>;

  @Field(() => Int, { description: 'Year (vigencia).' })
  @Column({ type: 'smallint' })
  year!: number;

  /** '' = the whole year's goal; else a period code (part of the natural key, so never NULL). */
  @Column({ type: 'varchar', length: PERIOD_LENGTH, default: '' })
  period!: string;

  @Field(() => Float, { description: 'Goal value.' })
  @Column({ ...VALUE_DOUBLE })
  value!: number;
}
