import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { EntityLevel } from '../domain/enums';
import './enums.registry';
import { SectorRecord } from './sector.entity';

@ObjectType('Entity', { description: 'A public or civil organisation (entidad / organismo): secretariat, institute, police, ombudsman…' })
@Entity('entities')
export class OrgEntityRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String, { description: 'Entity code (código de entidad, e.g. "02"); natural key.' })
  @Column({ type: 'varchar', length: 50, unique: true })
  code!: string;

  @Field(() => String, { description: 'Full name.' })
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Acronym (sigla).' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  acronym!: string | null;

  @Field(() => EntityLevel, { description: 'Level (nivel).' })
  @Column({ type: 'enum', enum: EntityLevel, default: EntityLevel.OTRO })
  level!: EntityLevel;

  @Index()
  @Column({ name: 'sector_id', type: 'int', nullable: true })
  sectorId!: number | null;

  @ManyToOne(() => SectorRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sector_id' })
  sector?: Relation<SectorRecord>;
}
