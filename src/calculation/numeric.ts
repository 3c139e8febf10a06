/** Pure numeric helpers shared by the calculators. */
import { EPSILON } from './types';

/** a and b are equal up to floating-point noise: |a - b| <= EPSILON · max(1, |a|, |b|). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a > b by more than floating-point noise (a value within EPSILON of b counts as equal to b). */
export function clearlyGreater(a: number, b: number): boolean {
  return a > b && !nearlyEqual(a, b);
}

/** Caps a ratio to [0, 1]. */
export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Σ of the values, added in the given order. */
export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
