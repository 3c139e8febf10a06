import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { PolicyRecord } from './policy.entity';

@ObjectType('Objective', { description: 'A specific objective (objetivo específico) of a policy.' })
@Entity('objectives')
@Index('uq_objectives_policy_number', ['policyId', 'number'], { unique: true })
export class ObjectiveRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'policy_id', type: 'int' })
  policyId!: number;

  @ManyToOne(() => PolicyRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Relation<PolicyRecord>;

  @Field(() => Int, { description: 'Objective number within the policy.' })
  @Column({ type: 'int' })
  number!: number;

  @Field(() => String, { description: 'Text of the objective.' })
  @Column({ type: 'text' })
  text!: string;
}
