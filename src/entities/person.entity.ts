import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { OrgEntityRecord } from './org-entity.entity';

@ObjectType('Person', { description: 'A person (persona) who sits on instances on behalf of an entity.' })
@Entity('people')
@Index('uq_people_entity_name', ['entityId', 'normalizedName'], { unique: true })
export class PersonRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String, { description: 'Full name as written by the entity.' })
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** Name folded for matching (lower case, no accents, single spaces); with the entity, the natural key. */
  @Column({ name: 'normalized_name', type: 'varchar', length: 255 })
  normalizedName!: string;

  @Field(() => String, { nullable: true, description: 'Position (cargo).' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  position!: string | null;

  @Column({ name: 'entity_id', type: 'int' })
  entityId!: number;

  @ManyToOne(() => OrgEntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id' })
  entity?: Relation<OrgEntityRecord>;

  /** Personal data: exposed through a field resolver that only ADMIN may read. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null;
}
