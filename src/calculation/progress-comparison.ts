/**
 * A published cut against the live figures at the same cut (docs/review.md): product by product,
 * what changed since it was published. Pure: both sides are calculation outputs.
 */
import { ProductProgressResult, WeightedProgress } from './types';

export type ProductChangeKind = 'CHANGED' | 'ADDED' | 'REMOVED';

export interface ProductChange {
  productId: number;
  kind: ProductChangeKind;
  /** Names of the figures that differ (achieved, goalToDate, ratio, progress, cumulative, ideal, trafficLight, flags, weight). */
  fields: string[];
  published: WeightedProgress | null;
  live: WeightedProgress | null;
}

const TOLERANCE = 1e-12;

function differs(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) !== (b ?? null);
  return Math.abs(a - b) > TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The figures of one product that differ between two computations. */
export function changedFields(published: WeightedProgress, live: WeightedProgress): string[] {
  const a: ProductProgressResult = published.progress;
  const b: ProductProgressResult = live.progress;
  const fields: string[] = [];
  const numbers: [string, number | null, number | null][] = [
    ['achieved', a.achieved, b.achieved],
    ['goalToDate', a.goalToDate, b.goalToDate],
    ['finalGoal', a.finalGoal, b.finalGoal],
    ['ratio', a.ratio, b.ratio],
    ['progress', a.toDate?.progress ?? null, b.toDate?.progress ?? null],
    ['cumulative', a.cumulative.progress, b.cumulative.progress],
    ['ideal', a.cumulative.ideal, b.cumulative.ideal],
    ['weight', published.weight, live.weight],
  ];
  for (const [name, x, y] of numbers) if (differs(x, y)) fields.push(name);
  const flags: [string, unknown, unknown][] = [
    ['due', a.due, b.due],
    ['trafficLight', a.trafficLight, b.trafficLight],
    ['missingReport', a.missingReport, b.missingReport],
    ['overExecution', a.overExecution, b.overExecution],
    ['pendingReview', a.pendingReview ?? false, b.pendingReview ?? false],
    ['withdrawn', published.withdrawn ?? false, live.withdrawn ?? false],
  ];
  for (const [name, x, y] of flags) if (x !== y) fields.push(name);
  return fields;
}

/**
 * Every product whose figures differ, was added or was removed since publication, in ascending
 * product id order; products equal on both sides are left out.
 */
export function compareProducts(
  published: ReadonlyMap<number, WeightedProgress>,
  live: ReadonlyMap<number, WeightedProgress>,
): ProductChange[] {
  const ids = [...new Set([...published.keys(), ...live.keys()])].sort((x, y) => x - y);
  const out: ProductChange[] = [];
  for (const productId of ids) {
    const p = published.get(productId) ?? null;
    const l = live.get(productId) ?? null;
    if (p && l) {
      const fields = changedFields(p, l);
      if (fields.length) out.push({ productId, kind: 'CHANGED', fields, published: p, live: l });
    } else if (l) out.push({ productId, kind: 'ADDED', fields: [], published: null, live: l });
    else if (p) out.push({ productId, kind: 'REMOVED', fields: [], published: p, live: null });
  }
  return out;
}
