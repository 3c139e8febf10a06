/**
 * Weights (ponderador) of a policy's products (calculation.md §6).
 */
import { sum } from './numeric';
import { EPSILON, WeightBasis, WeightCheck, WEIGHT_TOLERANCE } from './types';

export interface WeightInput {
  id: number;
  weight: number | null;
  priority: number | null;
  /** Withdrawn (NO_VIGENTE) from this date: weighs 0 at cuts on or after it. */
  withdrawnFrom?: string | null;
}

/** true when the product is withdrawn (NO_VIGENTE) at the cut: its withdrawal date is on or before it. */
export function isWithdrawnAt(product: Pick<WeightInput, 'withdrawnFrom'>, cut: string | null | undefined): boolean {
  if (product.withdrawnFrom === null || product.withdrawnFrom === undefined) return false;
  return cut === null || cut === undefined || product.withdrawnFrom <= cut;
}

const PRIORITIES: ReadonlySet<number> = new Set([1, 2, 3]);

function hasWeight(product: Pick<WeightInput, 'weight'>): boolean {
  return product.weight !== null && product.weight !== undefined && Number.isFinite(product.weight);
}

function hasPriority(product: Pick<WeightInput, 'priority'>): boolean {
  return product.priority !== null && product.priority !== undefined && PRIORITIES.has(product.priority);
}

/**
 * Which rule gives the weights: EXPLICIT when every product has a weight; else PRIORITY when every
 * product has a priority 1, 2 or 3; else EQUAL. A partial set of weights or priorities is not used
 * (partial explicit weights are an import error, see checkWeights).
 */
export function weightBasis(products: readonly WeightInput[]): WeightBasis {
  if (products.length > 0 && products.every(hasWeight)) return 'EXPLICIT';
  if (products.length > 0 && products.every(hasPriority)) return 'PRIORITY';
  return 'EQUAL';
}

/**
 * w per product id: the explicit weights as given (not normalised); else w = priority / Σ priority;
 * else w = 1 / n. An empty list gives an empty map. With a cut, products withdrawn at the cut weigh 0
 * and the rule is chosen and applied over the others (n, Σ priority count vigente products only).
 */
export function computeWeights(all: readonly WeightInput[], cut?: string): Map<number, number> {
  const weights = new Map<number, number>();
  const products = cut === undefined ? all : all.filter((product) => !isWithdrawnAt(product, cut));
  if (products.length !== all.length) for (const product of all) weights.set(product.id, 0);
  switch (weightBasis(products)) {
    case 'EXPLICIT':
      for (const product of products) weights.set(product.id, product.weight as number);
      break;
    case 'PRIORITY': {
      const total = sum(products.map((product) => product.priority as number));
      for (const product of products) weights.set(product.id, (product.priority as number) / total);
      break;
    }
    case 'EQUAL':
      for (const product of products) weights.set(product.id, 1 / products.length);
      break;
  }
  return weights;
}

/**
 * Import check of explicit weights (§6, §10): their actual sum, how many products have / lack one,
 * and whether the sum is within 0.001 of 1 (inclusive). `ok` is true when no product has a weight
 * (the other rules apply) or when every product has one and the sum is within tolerance.
 */
export function checkWeights(products: readonly Pick<WeightInput, 'weight'>[]): WeightCheck {
  const given = products.filter(hasWeight);
  const total = sum(given.map((product) => product.weight as number));
  const withinTolerance = Math.abs(total - 1) <= WEIGHT_TOLERANCE + EPSILON;
  const missing = products.length - given.length;
  return {
    sum: total,
    given: given.length,
    missing,
    withinTolerance,
    ok: given.length === 0 || (missing === 0 && withinTolerance),
  };
}
