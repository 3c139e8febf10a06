import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ProductRecord } from './product.entity';
import { ReviewedReport } from './reviewed-report';

@ObjectType('ProgressReport', { description: "An entity's progress report (reporte de avance) for one product and period." })
@Entity('progress_reports')
@Index('uq_progress_reports_product_year_period', ['productId', 'year', 'period'], { unique: true })
export class ProgressReportRecord extends ReviewedReport {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'product_id', type: 'int' })
  productId!: number;

  @ManyToOne(() => ProductRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductRecord>;
}
