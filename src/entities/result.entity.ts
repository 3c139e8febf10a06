import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AnnualizationType, Periodicity, QualityFlag } from '../domain/enums';
import { codeListTransformer, VALUE_DOUBLE } from './column-types';
import './enums.registry';
import { ObjectiveRecord } from './objective.entity';
import { OrgEntityRecord } from './org-entity.entity';
import { PolicyRecord } from './policy.entity';

@ObjectType('Result', {
  description:
    'A result (resultado, indicador de resultado) of a policy: between an objective and its products, with its own indicator, goals, reports and weight; measured like a product.',
})
@Entity('results')
@Index('uq_results_policy_code', ['policyId', 'code'], { unique: true })
export class ResultRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'policy_id', type: 'int' })
  policyId!: number;

  @ManyToOne(() => PolicyRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Relation<PolicyRecord>;

  @Index()
  @Column({ name: 'objective_id', type: 'int' })
  objectiveId!: number;

  @ManyToOne(() => ObjectiveRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'objective_id' })
  objective?: Relation<ObjectiveRecord>;

  @Field(() => String, {
    description: 'Result code within the policy ("R1.1"); with the policy, the natural key. Distinct from product codes.',
  })
  @Column({ type: 'varchar', length: 50 })
  code!: string;

  @Field(() => String, { description: 'Name of the result.' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'Result indicator name.' })
  @Column({ type: 'text' })
  indicator!: string;

  @Field(() => String, { nullable: true, description: 'Unit of measure: "número", "%" or free text.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  unit!: string | null;

  @Field(() => AnnualizationType, { description: 'Annualization type (tipo de anualización).' })
  @Column({ name: 'annualization_type', type: 'enum', enum: AnnualizationType })
  annualizationType!: AnnualizationType;

  @Field(() => Periodicity, { description: 'Reporting periodicity (often ANUAL).' })
  @Column({ type: 'enum', enum: Periodicity })
  periodicity!: Periodicity;

  @Field(() => Float, { nullable: true, description: 'Baseline value (línea base); null when absent or ND.' })
  @Column({ name: 'baseline_value', ...VALUE_DOUBLE, nullable: true })
  baselineValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'Final goal G as given in the plan; null when derived (see progress.finalGoal).' })
  @Column({ name: 'final_goal', ...VALUE_DOUBLE, nullable: true })
  finalGoal!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Weight of the result in the policy, as entered; its products' weights should add up to it (SDP V1).",
  })
  @Column({ ...VALUE_DOUBLE, nullable: true })
  weight!: number | null;

  @Index()
  @Column({ name: 'responsible_entity_id', type: 'int', nullable: true })
  responsibleEntityId!: number | null;

  @ManyToOne(() => OrgEntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_entity_id' })
  responsibleEntity?: Relation<OrgEntityRecord>;

  @Field(() => [QualityFlag], { description: 'Quality problems found at import (see Product.qualityFlags).' })
  @Column({ name: 'quality_flags', type: 'varchar', length: 500, default: '', transformer: codeListTransformer })
  qualityFlags!: QualityFlag[];
}
