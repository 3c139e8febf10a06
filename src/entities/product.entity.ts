import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../domain/date.scalar';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AnnualizationType, Periodicity, ProductStatus, QualityFlag } from '../domain/enums';
import { codeListTransformer, VALUE_DOUBLE } from './column-types';
import './enums.registry';
import { ObjectiveRecord } from './objective.entity';
import { OrgEntityRecord } from './org-entity.entity';
import { PolicyRecord } from './policy.entity';
import { ResultRecord } from './result.entity';

@ObjectType('Product', { description: "A product of a policy's action plan (producto), with its indicator and goals (hoja de vida)." })
@Entity('products')
@Index('uq_products_policy_code', ['policyId', 'code'], { unique: true })
export class ProductRecord {
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

  @Index()
  @Column({ name: 'result_id', type: 'int', nullable: true })
  resultId!: number | null;

  @ManyToOne(() => ResultRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<ResultRecord>;

  @Field(() => ProductStatus, { description: 'VIGENTE, or NO_VIGENTE (withdrawn from the plan) from withdrawnFrom on.' })
  @Column({ type: 'enum', enum: ProductStatus, default: ProductStatus.VIGENTE })
  status!: ProductStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the product stopped counting (NO_VIGENTE): from then it weighs 0 in every aggregate. Null when vigente.',
  })
  @Column({ name: 'withdrawn_from', type: 'date', nullable: true })
  withdrawnFrom!: string | null;

  @Field(() => [QualityFlag], {
    description: 'Why a stored figure is not what the plan literally says (set at import; the batch warnings give details).',
  })
  @Column({ name: 'quality_flags', type: 'varchar', length: 500, default: '', transformer: codeListTransformer })
  qualityFlags!: QualityFlag[];

  @ManyToOne(() => ObjectiveRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'objective_id' })
  objective?: Relation<ObjectiveRecord>;

  @Field(() => String, { description: 'Product code within the policy ("1.1", "3.5"); with the policy, the natural key.' })
  @Column({ type: 'varchar', length: 50 })
  code!: string;

  @Field(() => String, { description: 'Name of the product.' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'Indicator name.' })
  @Column({ type: 'text' })
  indicator!: string;

  @Field(() => String, { nullable: true, description: "Indicator's formula." })
  @Column({ type: 'text', nullable: true })
  formula!: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of measure: "número", "%" or free text.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  unit!: string | null;

  @Field(() => AnnualizationType, { description: 'Annualization type (tipo de anualización).' })
  @Column({ name: 'annualization_type', type: 'enum', enum: AnnualizationType })
  annualizationType!: AnnualizationType;

  @Field(() => Periodicity, { description: 'Reporting periodicity.' })
  @Column({ type: 'enum', enum: Periodicity })
  periodicity!: Periodicity;

  @Field(() => Float, { nullable: true, description: 'Baseline value (línea base); null when absent or ND.' })
  @Column({ name: 'baseline_value', ...VALUE_DOUBLE, nullable: true })
  baselineValue!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Baseline date (YYYY-MM-DD).' })
  @Column({ name: 'baseline_date', type: 'date', nullable: true })
  baselineDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Baseline source.' })
  @Column({ name: 'baseline_source', type: 'varchar', length: 1000, nullable: true })
  baselineSource!: string | null;

  @Field(() => Float, { nullable: true, description: 'Final goal G as given in the plan; null when derived (see progress.finalGoal).' })
  @Column({ name: 'final_goal', ...VALUE_DOUBLE, nullable: true })
  finalGoal!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Explicit weight (ponderador) in the policy, as entered; weights of a policy should sum to 1. 0 with the flag PONDERADOR_FALTANTE when the plan gave others a weight and not this one.',
  })
  @Column({ ...VALUE_DOUBLE, nullable: true })
  weight!: number | null;

  @Field(() => Int, { nullable: true, description: 'Priority: 1 Urgente, 2 Muy urgente, 3 Atención inmediata.' })
  @Column({ type: 'tinyint', nullable: true })
  priority!: number | null;

  @Index()
  @Column({ name: 'responsible_entity_id', type: 'int' })
  responsibleEntityId!: number;

  @ManyToOne(() => OrgEntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_entity_id' })
  responsibleEntity?: Relation<OrgEntityRecord>;

  @Field(() => String, { nullable: true, description: 'Target population (población objetivo).' })
  @Column({ name: 'target_population', type: 'text', nullable: true })
  targetPopulation!: string | null;

  @Field(() => String, { nullable: true, description: 'Focus (enfoque): gender, territorial, differential…' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  focus!: string | null;

  @Field(() => String, { nullable: true, description: 'Sustainable Development Goal (ODS).' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  sdg!: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the development plan (relación con el PDD).' })
  @Column({ name: 'development_plan_link', type: 'varchar', length: 1000, nullable: true })
  developmentPlanLink!: string | null;
}
