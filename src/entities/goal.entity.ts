import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { PERIOD_LENGTH, VALUE_DOUBLE } from './column-types';
import { ProductRecord } from './product.entity';

@ObjectType('Goal', { description: "A product's goal for a year (meta de la vigencia), or for one period of it." })
@Entity('goals')
@Index('uq_goals_product_year_period', ['productId', 'year', 'period'], { unique: true })
export class GoalRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'product_id', type: 'int' })
  productId!: number;

  @ManyToOne(() => ProductRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductRecord>;

  @Field(() => Int, { description: 'Year (vigencia).' })
  @Column({ type: 'smallint' })
  year!: number;

  /** '' = the whole year's goal g_y; else S1, T3, M07… (part of the natural key, so never NULL). */
  @Column({ type: 'varchar', length: PERIOD_LENGTH, default: '' })
  period!: string;

  @Field(() => Float, { description: 'Goal value.' })
  @Column({ ...VALUE_DOUBLE })
  value!: number;
}
