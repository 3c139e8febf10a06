import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../domain/date.scalar';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { MembershipRole } from '../domain/enums';
import './enums.registry';
import { InstanceRecord } from './instance.entity';
import { PersonRecord } from './person.entity';

@ObjectType('Membership', { description: 'A person sitting on an instance with a role (integrante / rol), from and to dates.' })
@Entity('memberships')
@Index('uq_memberships_instance_person_role', ['instanceId', 'personId', 'role'], { unique: true })
export class MembershipRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'instance_id', type: 'int' })
  instanceId!: number;

  @ManyToOne(() => InstanceRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: Relation<InstanceRecord>;

  @Index()
  @Column({ name: 'person_id', type: 'int' })
  personId!: number;

  @ManyToOne(() => PersonRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonRecord>;

  @Field(() => MembershipRole, { description: 'Role (rol).' })
  @Column({ type: 'enum', enum: MembershipRole })
  role!: MembershipRole;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the membership (YYYY-MM-DD); null = since always.' })
  @Column({ name: 'from_date', type: 'date', nullable: true })
  fromDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the membership (YYYY-MM-DD); null = still active.' })
  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate!: string | null;
}
