import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { InstanceRecord } from './instance.entity';

@ObjectType('InstanceFunction', { description: 'A numbered function (función) the founding norm gives an instance.' })
@Entity('instance_functions')
@Index('uq_instance_functions_instance_number', ['instanceId', 'number'], { unique: true })
export class InstanceFunctionRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'instance_id', type: 'int' })
  instanceId!: number;

  @ManyToOne(() => InstanceRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: Relation<InstanceRecord>;

  @Field(() => Int, { description: 'Number in the founding norm.' })
  @Column({ type: 'int' })
  number!: number;

  @Field(() => String, { description: 'Text of the function.' })
  @Column({ type: 'text' })
  text!: string;
}
