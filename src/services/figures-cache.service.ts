/**
 * The process-wide cache of computed figures (docs/scaling.md, «Caché de cifras»): a policy's whole
 * PolicyProgress per (policy, data version, cut, basis), bounded to `maxEntries` by least recent use.
 * A version is bumped in the same transaction as every write that changes the figures
 * (data-version.service.ts), so an entry is never wrong for its version: nothing is invalidated by
 * time, and entries of a policy's older versions are dropped as soon as a newer one is stored.
 * Entries are shared by every request of the process: callers must not modify what they get.
 */
import { PolicyProgressResult } from '../calculation/types';
import { ReportBasis } from '../domain/enums';

export interface FiguresCacheStats {
  /** Lookups answered from the cache (or by a computation already under way for the same key). */
  hits: number;
  /** Lookups that computed the figures. */
  misses: number;
  /** Entries held now (≤ maxEntries). */
  entries: number;
}

export interface FiguresKey {
  policyId: number;
  version: number;
  cut: string;
  basis: ReportBasis;
}

export class FiguresCache {
  /** Key → figures (a promise, so concurrent requests for the same key compute once); Map order = recency. */
  private readonly byKey = new Map<string, { policyId: number; version: number; value: Promise<PolicyProgressResult> }>();
  /** Newest version stored per policy, and the keys stored for it. */
  private readonly byPolicy = new Map<number, { version: number; keys: Set<string> }>();
  private hits = 0;
  private misses = 0;

  /** `maxEntries` 0 turns the cache off (every lookup computes). */
  constructor(readonly maxEntries: number) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** The figures of `key`: cached, or computed by `compute` (and cached unless it fails). */
  get(key: FiguresKey, compute: () => Promise<PolicyProgressResult>): Promise<PolicyProgressResult> {
    if (!this.enabled) {
      this.misses++;
      return compute();
    }
    const k = `${key.policyId}|${key.version}|${key.cut}|${key.basis}`;
    const found = this.byKey.get(k);
    if (found) {
      this.hits++;
      // most recently used last
      this.byKey.delete(k);
      this.byKey.set(k, found);
      return found.value;
    }
    this.misses++;
    const value = compute();
    const policy = this.byPolicy.get(key.policyId);
    if (policy && policy.version > key.version) return value; // a request that read an older version: not worth keeping
    if (policy && policy.version < key.version) this.dropPolicy(key.policyId);
    this.store(k, key, value);
    value.catch(() => {
      if (this.byKey.get(k)?.value === value) this.remove(k);
    });
    return value;
  }

  stats(): FiguresCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.byKey.size };
  }

  /** Drops every entry (the counters stay). */
  clear(): void {
    this.byKey.clear();
    this.byPolicy.clear();
  }

  private store(k: string, key: FiguresKey, value: Promise<PolicyProgressResult>): void {
    this.byKey.set(k, { policyId: key.policyId, version: key.version, value });
    let policy = this.byPolicy.get(key.policyId);
    if (!policy) this.byPolicy.set(key.policyId, (policy = { version: key.version, keys: new Set() }));
    policy.keys.add(k);
    while (this.byKey.size > this.maxEntries) {
      const oldest = this.byKey.keys().next().value as string;
      this.remove(oldest);
    }
  }

  private remove(k: string): void {
    const entry = this.byKey.get(k);
    if (!entry) return;
    this.byKey.delete(k);
    const policy = this.byPolicy.get(entry.policyId);
    policy?.keys.delete(k);
    if (policy && policy.keys.size === 0) this.byPolicy.delete(entry.policyId);
  }

  private dropPolicy(policyId: number): void {
    const policy = this.byPolicy.get(policyId);
    if (!policy) return;
    for (const k of policy.keys) this.byKey.delete(k);
    this.byPolicy.delete(policyId);
  }
}
