import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ProductRecord } from './product.entity';
import { SessionRecord } from './session.entity';

@ObjectType('ProductReview', {
  description: "A session reviewing a product's report: the body's report, the space's feedback and observations (retroalimentación).",
})
@Entity('product_reviews')
@Index('uq_product_reviews_session_product', ['sessionId', 'productId'], { unique: true })
export class ProductReviewRecord {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'session_id', type: 'int' })
  sessionId!: number;

  @ManyToOne(() => SessionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionRecord>;

  @Index()
  @Column({ name: 'product_id', type: 'int' })
  productId!: number;

  @ManyToOne(() => ProductRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductRecord>;

  @Field(() => String, { nullable: true, description: "The executing body's report (informe)." })
  @Column({ type: 'text', nullable: true })
  report!: string | null;

  @Field(() => String, { nullable: true, description: "The space's feedback (retroalimentación)." })
  @Column({ type: 'text', nullable: true })
  feedback!: string | null;

  @Field(() => String, { nullable: true, description: 'Observations.' })
  @Column({ type: 'text', nullable: true })
  observations!: string | null;
}
