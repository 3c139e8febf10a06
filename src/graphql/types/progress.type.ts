import { Field, Float, Int, ObjectType } from 'type-graphql';
import { TrafficLight } from '../../domain/enums';
import '../../entities/enums.registry';
import { DateScalar } from '../scalars/date.scalar';

const METHOD = 'See docs/calculation.md.';

@ObjectType('Measure', {
  description: `progress / ideal / gap of one measure (calculation.md §4-7). Fractions: 0.5757 = 57.57 %. ${METHOD}`,
})
export class MeasureType {
  @Field(() => Float, { description: 'Achieved progress (capped to [0, 1] per product).' })
  progress!: number;

  @Field(() => Float, { description: 'Where the ideal trajectory says it should be.' })
  ideal!: number;

  @Field(() => Float, { description: 'progress − ideal: negative is behind, positive ahead.' })
  gap!: number;
}

@ObjectType('ProductProgress', { description: `A product's figures at a cut date (calculation.md §2-5). ${METHOD}` })
export class ProductProgressType {
  @Field(() => DateScalar, { description: 'Cut date of the computation.' })
  cut!: string;

  @Field(() => Boolean, { description: 'The product has a closed period with a goal at the cut.' })
  due!: boolean;

  @Field(() => Float, { nullable: true, description: 'Goal to date D(t); null when not due.' })
  goalToDate!: number | null;

  @Field(() => Float, { description: 'Achieved value A(t), per annualization type.' })
  achieved!: number;

  @Field(() => Float, { description: 'Final goal G, given or derived from the yearly goals.' })
  finalGoal!: number;

  @Field(() => Float, { nullable: true, description: 'Raw (uncapped) to-date ratio r; null when not due.' })
  ratio!: number | null;

  @Field(() => MeasureType, { nullable: true, description: 'To-date progress p (capped), ideal 1, gap p − 1; null when not due.' })
  toDate!: MeasureType | null;

  @Field(() => MeasureType, { description: 'Cumulative progress c against the final goal, ideal trajectory i, gap c − i.' })
  cumulative!: MeasureType;

  @Field(() => TrafficLight, { description: 'Traffic light from p and the policy thresholds.' })
  trafficLight!: TrafficLight;

  @Field(() => Boolean, { description: "r > 1.25 (the office's orange)." })
  overExecution!: boolean;

  @Field(() => Boolean, {
    description:
      'A closed period that needed a report has none: SUMA counts it as 0; the level types carry the last reported level forward (docs/calculation.md §3).',
  })
  missingReport!: boolean;

  @Field(() => Boolean, {
    description:
      "A closed period has a value sent and waiting for the office's review: on basis APPROVED it is not counted (a report never approved is missing).",
  })
  pendingReview!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the figures could not be measured (then not due, no ratio, c = i = 0): LINEA_BASE_FALTANTE for a DECRECIENTE without baseline (SDP V16). Null when measured.',
  })
  unmeasuredReason!: string | null;
}

@ObjectType('TrafficLightCounts', { description: 'How many products have each light (raw counts).' })
export class TrafficLightCountsType {
  @Field(() => Int, { description: 'ALTO (green).' })
  alto!: number;

  @Field(() => Int, { description: 'MEDIO (yellow).' })
  medio!: number;

  @Field(() => Int, { description: 'BAJO (red).' })
  bajo!: number;

  @Field(() => Int, { description: 'NOT_DUE (al día: nothing due yet).' })
  notDue!: number;
}

@ObjectType('TrafficLightShares', { description: 'Shares shown to people: NOT_DUE counted green.' })
export class TrafficLightSharesType {
  @Field(() => Float, { description: '(ALTO + NOT_DUE) / products.' })
  green!: number;

  @Field(() => Float, { description: 'MEDIO / products.' })
  yellow!: number;

  @Field(() => Float, { description: 'BAJO / products.' })
  red!: number;
}

@ObjectType('AggregateProgress', {
  description: `Figures of a set of products (policy, objective, sector, entity) in policy-weight units, so parts add up to the whole (calculation.md §7). ${METHOD}`,
})
export class AggregateProgressType {
  @Field(() => DateScalar, { description: 'Cut date.' })
  cut!: string;

  @Field(() => Float, { description: 'W = Σ w of the set; progress / W normalises to the set.' })
  weight!: number;

  @Field(() => Int, { description: 'Products in the set.' })
  productCount!: number;

  @Field(() => MeasureType, { description: 'To date: Σ over due products of w·p, ideal Σ w, gap (never positive).' })
  toDate!: MeasureType;

  @Field(() => MeasureType, { description: 'Cumulative: Σ w·c, ideal Σ w·i, gap (may be positive).' })
  cumulative!: MeasureType;

  @Field(() => TrafficLightCountsType, { description: 'Raw traffic-light counts.' })
  lights!: TrafficLightCountsType;

  @Field(() => TrafficLightSharesType, { description: 'Shares shown to people.' })
  shares!: TrafficLightSharesType;

  @Field(() => Int, { description: 'Products flagged missingReport.' })
  missingReportCount!: number;

  @Field(() => Int, { description: 'Products flagged overExecution.' })
  overExecutionCount!: number;

  @Field(() => Int, { description: 'Products flagged pendingReview.' })
  pendingReviewCount!: number;
  @Field(() => Int, {
    description: 'Products of the set withdrawn (NO_VIGENTE) at the cut: weight 0, left out of every figure above, listed apart.',
  })
  withdrawnCount!: number;
}

@ObjectType('ObjectiveProgress', { description: 'Figures of one objective within its policy.' })
export class ObjectiveProgressType {
  objectiveId!: number;

  @Field(() => AggregateProgressType, { description: "The objective's aggregate." })
  progress!: AggregateProgressType;
}

@ObjectType('SectorProgress', { description: "Figures of one sector's products (by the responsible entity's sector)." })
export class SectorProgressType {
  sectorId!: number;

  @Field(() => AggregateProgressType, { description: "The sector's aggregate." })
  progress!: AggregateProgressType;
}

@ObjectType('EntityProgress', { description: 'Figures of the products one entity is responsible for.' })
export class EntityProgressType {
  entityId!: number;

  @Field(() => AggregateProgressType, { description: "The entity's aggregate." })
  progress!: AggregateProgressType;
}

@ObjectType('PolicyProgress', { description: `A whole policy at a cut: total and breakdowns. ${METHOD}` })
export class PolicyProgressType {
  @Field(() => DateScalar, { description: 'Cut date.' })
  cut!: string;

  @Field(() => AggregateProgressType, { description: 'All products of the policy.' })
  total!: AggregateProgressType;

  @Field(() => [ObjectiveProgressType], { description: 'One entry per objective with products, by objective id.' })
  byObjective!: ObjectiveProgressType[];

  @Field(() => [SectorProgressType], { description: 'One entry per sector with products.' })
  bySector!: SectorProgressType[];

  @Field(() => [EntityProgressType], { description: 'One entry per responsible entity.' })
  byEntity!: EntityProgressType[];

  @Field(() => AggregateProgressType, {
    description:
      "The policy's result indicators (resultados) aggregated with the results' weights, apart from the products' total (which stays the headline): productCount counts results.",
  })
  results!: AggregateProgressType;
}
