/**
 * Aggregates of a set of products of one policy (calculation.md §7): policy, objective, sector,
 * entity. Figures are contributions in policy-weight units, so the parts add up to the whole.
 */
import { TrafficLight } from '../domain/enums';
import { assertIsoDate } from './iso-date';
import { computeProductProgress } from './product-progress.calculator';
import {
  AggregateProgressResult,
  EntityProgressResult,
  IsoDate,
  ObjectiveProgressResult,
  PolicyCalcInput,
  PolicyProductInput,
  PolicyProgressResult,
  ProductCalcInput,
  ResultCalcInput,
  SectorProgressResult,
  WeightedProgress,
} from './types';
import { computeWeights, isWithdrawnAt } from './weights.calculator';

/**
 * Aggregate of weighted product figures (API `AggregateProgress`):
 * - weight W = Σ w; productCount = n;
 * - toDate: progress Σ_due w·p, ideal Σ_due w, gap = progress - ideal;
 * - cumulative: progress Σ w·c, ideal Σ w·i, gap = progress - ideal;
 * - lights: raw counts; shares over n with NOT_DUE counted green (all 0 when n = 0);
 * - missingReportCount, overExecutionCount, pendingReviewCount;
 * - withdrawn items (NO_VIGENTE at the cut) are left out of every figure and counted in withdrawnCount.
 */
export function aggregateProgress(all: readonly WeightedProgress[], cut: IsoDate): AggregateProgressResult {
  assertIsoDate(cut, 'cut');
  const items = all.filter((item) => !item.withdrawn);
  let weight = 0;
  let toDateProgress = 0;
  let toDateIdeal = 0;
  let cumulativeProgress = 0;
  let cumulativeIdeal = 0;
  const lights = { alto: 0, medio: 0, bajo: 0, notDue: 0 };
  let missingReportCount = 0;
  let overExecutionCount = 0;
  let pendingReviewCount = 0;

  for (const { progress, weight: w } of items) {
    weight += w;
    if (progress.due && progress.toDate !== null) {
      toDateProgress += w * progress.toDate.progress;
      toDateIdeal += w;
    }
    cumulativeProgress += w * progress.cumulative.progress;
    cumulativeIdeal += w * progress.cumulative.ideal;
    switch (progress.trafficLight) {
      case TrafficLight.ALTO:
        lights.alto++;
        break;
      case TrafficLight.MEDIO:
        lights.medio++;
        break;
      case TrafficLight.BAJO:
        lights.bajo++;
        break;
      case TrafficLight.NOT_DUE:
        lights.notDue++;
        break;
    }
    if (progress.missingReport) missingReportCount++;
    if (progress.overExecution) overExecutionCount++;
    if (progress.pendingReview) pendingReviewCount++;
  }

  const productCount = items.length;
  const share = (count: number): number => (productCount === 0 ? 0 : count / productCount);
  return {
    cut,
    weight,
    productCount,
    toDate: { progress: toDateProgress, ideal: toDateIdeal, gap: toDateProgress - toDateIdeal },
    cumulative: { progress: cumulativeProgress, ideal: cumulativeIdeal, gap: cumulativeProgress - cumulativeIdeal },
    lights,
    shares: { green: share(lights.alto + lights.notDue), yellow: share(lights.medio), red: share(lights.bajo) },
    missingReportCount,
    overExecutionCount,
    pendingReviewCount,
    withdrawnCount: all.length - items.length,
  };
}

/** Groups items by a key, in ascending key order; items whose key is null are left out. */
function groupBy<K extends number>(
  products: readonly PolicyProductInput[],
  keyOf: (product: PolicyProductInput) => K | null,
  computed: Map<number, WeightedProgress>,
): [K, WeightedProgress[]][] {
  const groups = new Map<K, WeightedProgress[]>();
  for (const product of products) {
    const key = keyOf(product);
    if (key === null || key === undefined) continue;
    const list = groups.get(key) ?? [];
    list.push(computed.get(product.id) as WeightedProgress);
    groups.set(key, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b);
}

/**
 * Progress of a whole policy at the cut (API `PolicyProgress`): weights per §7 (withdrawn products
 * weigh 0 and are left out of the aggregates, counted apart), each product computed exactly once, then the total and the aggregates by objective, sector (of the responsible entity;
 * products with no sector are left out of bySector) and responsible entity, each in ascending id order.
 */
export function computePolicyProgress(
  policy: PolicyCalcInput,
  products: readonly PolicyProductInput[],
  cut: IsoDate,
  results: readonly ResultCalcInput[] = [],
): PolicyProgressResult {
  assertIsoDate(cut, 'cut');
  const ids = new Set<number>();
  for (const product of products) {
    if (ids.has(product.id)) throw new RangeError(`product ${product.id} appears more than once`);
    ids.add(product.id);
  }
  const computed = computeWeighted(policy, products, cut);
  const all = products.map((product) => computed.get(product.id) as WeightedProgress);

  const byObjective: ObjectiveProgressResult[] = groupBy(products, (p) => p.objectiveId, computed).map(([objectiveId, items]) => ({
    objectiveId,
    progress: aggregateProgress(items, cut),
  }));
  const bySector: SectorProgressResult[] = groupBy(products, (p) => p.sectorId, computed).map(([sectorId, items]) => ({
    sectorId,
    progress: aggregateProgress(items, cut),
  }));
  const byEntity: EntityProgressResult[] = groupBy(products, (p) => p.entityId, computed).map(([entityId, items]) => ({
    entityId,
    progress: aggregateProgress(items, cut),
  }));

  const resultsById = computeWeighted(policy, results, cut);
  return {
    cut,
    total: aggregateProgress(all, cut),
    byObjective,
    bySector,
    byEntity,
    products: computed,
    results: aggregateProgress([...resultsById.values()], cut),
    resultsById,
  };
}

/** Each item's figures (computed once) with its weight at the cut (withdrawn ones weigh 0 and are marked). */
function computeWeighted(policy: PolicyCalcInput, items: readonly ProductCalcInput[], cut: IsoDate): Map<number, WeightedProgress> {
  const weights = computeWeights(items, cut);
  const computed = new Map<number, WeightedProgress>();
  for (const item of items) {
    computed.set(item.id, {
      progress: computeProductProgress(policy, item, cut),
      weight: weights.get(item.id) as number,
      withdrawn: isWithdrawnAt(item, cut),
    });
  }
  return computed;
}
