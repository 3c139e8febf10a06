import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../domain/date.scalar';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { FRACTION_DECIMAL } from './column-types';
import { OrgEntityRecord } from './org-entity.entity';

@ObjectType('Policy', { description: 'A public policy (política pública) and its action plan.' })
@Entity('policies')
export class PolicyRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String, { description: 'Policy code; natural key.' })
  @Column({ type: 'varchar', length: 50, unique: true })
  code!: string;

  @Field(() => String, { description: 'Name.' })
  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Legal act that adopts it (acto administrativo, decreto).' })
  @Column({ name: 'legal_act', type: 'varchar', length: 300, nullable: true })
  legalAct!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Adoption date (YYYY-MM-DD).' })
  @Column({ name: 'adoption_date', type: 'date', nullable: true })
  adoptionDate!: string | null;

  @Field(() => Int, { description: 'First year of the action plan.' })
  @Column({ name: 'start_year', type: 'smallint' })
  startYear!: number;

  @Field(() => Int, { description: 'Number of years (vigencias) of the plan: 2022-2031 is 10.' })
  @Column({ type: 'smallint' })
  vigencias!: number;

  @Index()
  @Column({ name: 'lead_entity_id', type: 'int', nullable: true })
  leadEntityId!: number | null;

  @ManyToOne(() => OrgEntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_entity_id' })
  leadEntity?: Relation<OrgEntityRecord>;

  @Field(() => Float, { description: 'Traffic light: progress above this is ALTO (default 0.75).' })
  @Column({ name: 'high_threshold', ...FRACTION_DECIMAL, default: 0.75 })
  highThreshold!: number;

  @Field(() => Float, { description: 'Traffic light: progress above this (and up to the high threshold) is MEDIO (default 0.50).' })
  @Column({ name: 'medium_threshold', ...FRACTION_DECIMAL, default: 0.5 })
  mediumThreshold!: number;

  @Field(() => Boolean, {
    description:
      "Reports sent by entities (ENTITY tokens) wait for the office's review before they count on basis APPROVED (PLAN column 'Requiere revisión'; default true). Reports sent by the office are approved on import.",
  })
  @Column({ name: 'review_required', type: 'boolean', default: true })
  reviewRequired!: boolean;
}
