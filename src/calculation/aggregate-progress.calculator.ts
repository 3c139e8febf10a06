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
  SectorProgressResult,
  WeightedProgress,
} from './types';
import { computeWeights } from './weights.calculator';

/**
 * Aggregate of weighted product figures (API `AggregateProgress`):
 * - weight W = Σ w; productCount = n;
 * - toDate: progress Σ_due w·p, ideal Σ_due w, gap = progress - ideal;
 * - cumulative: progress Σ w·c, ideal Σ w·i, gap = progress - ideal;
 * - lights: raw counts; shares over n with NOT_DUE counted green (all 0 when n = 0);
 * - missingReportCount, overExecutionCount.
 */
export function aggregateProgress(items: readonly WeightedProgress[], cut: IsoDate): AggregateProgressResult {
  assertIsoDate(cut, 'cut');
  let weight = 0;
  let toDateProgress = 0;
  let toDateIdeal = 0;
  let cumulativeProgress = 0;
  let cumulativeIdeal = 0;
  const lights = { alto: 0, medio: 0, bajo: 0, notDue: 0 };
  let missingReportCount = 0;
  let overExecutionCount = 0;

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
 * Progress of a whole policy at the cut (API `PolicyProgress`): weights per §6, each product computed
 * exactly once, then the total and the aggregates by objective, sector (of the responsible entity;
 * products with no sector are left out of bySector) and responsible entity, each in ascending id order.
 */
export function computePolicyProgress(
  policy: PolicyCalcInput,
  products: readonly PolicyProductInput[],
  cut: IsoDate,
): PolicyProgressResult {
  assertIsoDate(cut, 'cut');
  const ids = new Set<number>();
  for (const product of products) {
    if (ids.has(product.id)) throw new RangeError(`product ${product.id} appears more than once`);
    ids.add(product.id);
  }
  const weights = computeWeights(products);
  const computed = new Map<number, WeightedProgress>();
  for (const product of products) {
    computed.set(product.id, {
      progress: computeProductProgress(policy, product, cut),
      weight: weights.get(product.id) as number,
    });
  }
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

  return { cut, total: aggregateProgress(all, cut), byObjective, bySector, byEntity, products: computed };
}
