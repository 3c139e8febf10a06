import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ResultRecord } from './result.entity';
import { ReviewedReport } from './reviewed-report';

@ObjectType('ResultReport', { description: 'A progress report of a result indicator for one period (a REPORTE row naming a result code).' })
@Entity('result_reports')
@Index('uq_result_reports_result_year_period', ['resultId', 'year', 'period'], { unique: true })
export class ResultReportRecord extends ReviewedReport {
  @Field(() => ID, { description: 'Internal identifier.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'result_id', type: 'int' })
  resultId!: number;

  @ManyToOne(() => ResultRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<ResultRecord>;
}
