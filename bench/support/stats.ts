/** Small statistics and formatting helpers for benchmark figures. */

/** The q-quantile (0..1) by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);
export const max = (values: readonly number[]): number => values.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);

/** A number with `digits` decimals and thin grouping (12 345.6). */
export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, dec] = n.toFixed(digits).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return dec ? `${grouped}.${dec}` : grouped;
}

export const ms = (n: number): string => `${fmt(n, n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;
export const ratio = (n: number): string => `${fmt(n, 2)}×`;
export const mb = (n: number): string => `${fmt(n, 0)} MB`;

/** Runs `fn` `n` times (after `warmup` untimed runs) and returns each duration in ms. */
export async function timeRuns(n: number, fn: () => Promise<unknown>, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
