/**
 * The process-wide cache of whole GraphQL answers (docs/scaling.md, «Caché de respuestas»): the `data` of a
 * read-only operation about named policies (server/response-cache.plugin.ts decides which), per request
 * shape (document, operation, variables, viewer class, day) and the data versions of the policies it
 * reads, bounded to `maxEntries` by least recent use. As in the figures cache (figures-cache.service.ts),
 * a version is bumped in the same transaction as every write that changes what such an answer shows, so an
 * entry is never wrong for its versions: nothing is invalidated by time. One entry per request shape: a
 * newer set of versions replaces the older answer.
 * Entries are shared by every request of the process: callers must not modify what they get.
 */

export interface ResponseCacheStats {
  /** Requests answered from the cache. */
  hits: number;
  /** Cacheable requests that were executed (no entry for their versions). */
  misses: number;
  /** Entries held now (≤ maxEntries). */
  entries: number;
}

export class ResponseCache {
  /** Request shape → answer and the versions it was computed at; Map order = recency. */
  private readonly byShape = new Map<string, { versions: string; data: Readonly<Record<string, unknown>> }>();
  private hits = 0;
  private misses = 0;

  /** `maxEntries` 0 turns the cache off. */
  constructor(readonly maxEntries: number) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** The answer stored for `shape` at exactly these `versions`, or null (counted as a miss). */
  get(shape: string, versions: string): Readonly<Record<string, unknown>> | null {
    const found = this.enabled ? this.byShape.get(shape) : undefined;
    if (!found || found.versions !== versions) {
      this.misses++;
      return null;
    }
    this.hits++;
    // most recently used last
    this.byShape.delete(shape);
    this.byShape.set(shape, found);
    return found.data;
  }

  /** Stores the answer of `shape` computed after reading `versions` (replacing any other versions'). */
  set(shape: string, versions: string, data: Readonly<Record<string, unknown>>): void {
    if (!this.enabled) return;
    this.byShape.delete(shape);
    this.byShape.set(shape, { versions, data });
    while (this.byShape.size > this.maxEntries) this.byShape.delete(this.byShape.keys().next().value as string);
  }

  stats(): ResponseCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.byShape.size };
  }

  /** Drops every entry (the counters stay). */
  clear(): void {
    this.byShape.clear();
  }
}
