import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType('Sector', { description: 'Administrative sector (sector) grouping entities: Gobierno, Salud, Mujer…' })
@Entity('sectors')
export class SectorRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String, { description: 'Sector name; natural key.' })
  @Column({ type: 'varchar', length: 255, unique: true })
  name!: string;
}
