import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { InstanceKind } from '../domain/enums';
import { FRACTION_DECIMAL } from './column-types';
import './enums.registry';
import { OrgEntityRecord } from './org-entity.entity';

@ObjectType('Instance', {
  description: 'A coordination instance (instancia de coordinación): committee, technical table, participation space, council.',
})
@Entity('instances')
export class InstanceRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String, { description: 'Instance code; natural key.' })
  @Column({ type: 'varchar', length: 50, unique: true })
  code!: string;

  @Field(() => String, { description: 'Name.' })
  @Column({ type: 'varchar', length: 400 })
  name!: string;

  @Field(() => InstanceKind, { description: 'Kind (tipo).' })
  @Column({ type: 'enum', enum: InstanceKind })
  kind!: InstanceKind;

  @Field(() => String, { nullable: true, description: 'Founding norm (norma de creación).' })
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis!: string | null;

  @Field(() => String, { nullable: true, description: 'Internal rules (reglamento interno).' })
  @Column({ name: 'internal_rules', type: 'text', nullable: true })
  internalRules!: string | null;

  @Index()
  @Column({ name: 'technical_secretariat_id', type: 'int', nullable: true })
  technicalSecretariatId!: number | null;

  @ManyToOne(() => OrgEntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'technical_secretariat_id' })
  technicalSecretariat?: Relation<OrgEntityRecord>;

  @Field(() => String, { nullable: true, description: 'Territory (territorio).' })
  @Column({ type: 'varchar', length: 255, nullable: true })
  territory!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Quorum rule as a fraction of voting members; null means half plus one.',
  })
  @Column({ name: 'quorum_rule', ...FRACTION_DECIMAL, nullable: true })
  quorumRule!: number | null;
}
