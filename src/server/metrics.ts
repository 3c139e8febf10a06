/**
 * Prometheus metrics (the one adapter of `prom-client`; docs/operacion.md#métricas). Each `Metrics` has its
 * own registry, so several apps in one process (tests) never share series. Queue gauges and pool use are
 * read when scraped (one indexed query), never kept up to date in the background.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

export type CacheStatsGetter = () => { hits: number; misses: number; entries: number };

/** What the import worker reports (ingestion/worker/import.worker.ts). */
export interface ImportMetrics {
  batchFinished(kind: string | null, outcome: string): void;
  phase(phase: 'parse' | 'validate' | 'import', ms: number | null): void;
}

/** Distinct GraphQL operation names kept as labels; beyond this, `other` (client-chosen names are unbounded). */
const MAX_OPERATION_NAMES = 200;
const MAX_NAME_LENGTH = 80;

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const PHASE_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

interface MysqlPoolLike {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

export class Metrics implements ImportMetrics {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'rumbo_http_request_duration_seconds',
    help: 'HTTP request duration by route, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly graphqlDuration = new Histogram({
    name: 'rumbo_graphql_request_duration_seconds',
    help: 'GraphQL operation duration by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly batches = new Counter({
    name: 'rumbo_import_batches_total',
    help: 'Import batches finished, by kind and outcome (IMPORTED, REJECTED, DUPLICATE).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly phases = new Histogram({
    name: 'rumbo_import_phase_duration_seconds',
    help: 'Duration of each import phase (parse, validate, import).',
    labelNames: ['phase'] as const,
    buckets: PHASE_BUCKETS,
    registers: [this.registry],
  });
  private readonly operationNames = new Set<string>();
  private readonly pools = new Map<string, DataSource>();
  private queueSource: DataSource | null = null;
  private cacheStats: CacheStatsGetter | null = null;
  private responseCacheStats: CacheStatsGetter | null = null;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'rumbo_' });
    const readQueue = () => this.queue();
    const pools = this.pools;
    const readCache = () => this.cacheRead();
    const readResponseCache = () => this.responseCacheStats?.() ?? null;
    new Gauge({
      name: 'rumbo_import_queue_depth',
      help: 'Import batches waiting (PENDING).',
      registers: [this.registry],
      async collect() {
        const q = await readQueue();
        if (q) this.set(q.depth);
      },
    });
    new Gauge({
      name: 'rumbo_import_queue_oldest_pending_seconds',
      help: 'Age of the oldest PENDING batch (0 when none).',
      registers: [this.registry],
      async collect() {
        const q = await readQueue();
        if (q) this.set(q.oldestSeconds);
      },
    });
    new Gauge({
      name: 'rumbo_db_pool_connections',
      help: 'Database pool connections: all (open), free (idle), queue (requests waiting for one).',
      labelNames: ['pool', 'state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [name, ds] of pools) {
          const pool = poolOf(ds);
          if (!pool) continue;
          this.set({ pool: name, state: 'all' }, pool._allConnections?.length ?? 0);
          this.set({ pool: name, state: 'free' }, pool._freeConnections?.length ?? 0);
          this.set({ pool: name, state: 'queue' }, pool._connectionQueue?.length ?? 0);
        }
      },
    });
    const cache = (
      name: string,
      help: string,
      pick: (s: ReturnType<CacheStatsGetter>) => number,
      read: () => ReturnType<CacheStatsGetter> | null = readCache,
    ) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const stats = read();
          if (stats) this.set(pick(stats));
        },
      });
    cache('rumbo_progress_cache_hits', 'Progress cache hits since start.', (s) => s.hits);
    cache('rumbo_progress_cache_misses', 'Progress cache misses since start.', (s) => s.misses);
    cache('rumbo_progress_cache_entries', 'Entries held by the progress cache.', (s) => s.entries);
    cache('rumbo_response_cache_hits', 'Response cache hits (whole GraphQL answers) since start.', (s) => s.hits, readResponseCache);
    cache(
      'rumbo_response_cache_misses',
      'Response cache misses (cacheable queries executed) since start.',
      (s) => s.misses,
      readResponseCache,
    );
    cache('rumbo_response_cache_entries', 'Entries held by the response cache.', (s) => s.entries, readResponseCache);
  }

  /** Exposes the pool use of a data source (`name`: api, worker). */
  watchPool(name: string, ds: DataSource): void {
    this.pools.set(name, ds);
  }

  /** The data source the queue gauges read on each scrape. */
  watchQueue(ds: DataSource): void {
    this.queueSource = ds;
  }

  /** The progress cache's `stats()`; its hits, misses and entries are read on each scrape. */
  registerCacheStats(getter: CacheStatsGetter): void {
    this.cacheStats = getter;
  }

  /** The response cache's `stats()` (server/response-cache.plugin.ts); read on each scrape. */
  registerResponseCacheStats(getter: CacheStatsGetter): void {
    this.responseCacheStats = getter;
  }

  batchFinished(kind: string | null, outcome: string): void {
    this.batches.inc({ kind: kind ?? 'UNKNOWN', outcome });
  }

  phase(phase: 'parse' | 'validate' | 'import', ms: number | null): void {
    if (ms !== null && Number.isFinite(ms) && ms >= 0) this.phases.observe({ phase }, ms / 1000);
  }

  /** Express middleware timing every request (route pattern, never the raw path). */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = process.hrtime.bigint();
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - end) / 1e9;
        this.httpDuration.observe({ route: routeOf(req), method: req.method, status: String(res.statusCode) }, seconds);
      });
      next();
    };
  }

  /** Apollo plugin timing each operation by name and type. */
  graphqlPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ operationName, operation }) => {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            this.graphqlDuration.observe(
              { operation: this.operationLabel(operationName), type: operation?.operation ?? 'unknown' },
              seconds,
            );
          },
        };
      },
    };
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    const n = name.slice(0, MAX_NAME_LENGTH);
    if (this.operationNames.has(n)) return n;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(n);
    return n;
  }

  /** One scrape calls the cache's getter once for its three gauges. */
  private cacheSnapshot: ReturnType<CacheStatsGetter> | null = null;
  private cacheRead(): ReturnType<CacheStatsGetter> | null {
    if (!this.cacheStats) return null;
    if (!this.cacheSnapshot) {
      this.cacheSnapshot = this.cacheStats();
      setImmediate(() => (this.cacheSnapshot = null));
    }
    return this.cacheSnapshot;
  }

  /** One scrape reads the queue once for both gauges. */
  private queueRead: Promise<{ depth: number; oldestSeconds: number } | null> | null = null;
  private queue(): Promise<{ depth: number; oldestSeconds: number } | null> {
    const ds = this.queueSource;
    if (!ds?.isInitialized) return Promise.resolve(null);
    this.queueRead ??= queueState(ds)
      .catch(() => null)
      .finally(() => setImmediate(() => (this.queueRead = null)));
    return this.queueRead;
  }
}

/**
 * Depth and age of the queue in one statement over the index (status, created_at): a range on the
 * PENDING rows of the index, no table rows read. The age uses the database clock, as created_at does.
 */
export async function queueState(ds: DataSource): Promise<{ depth: number; oldestSeconds: number }> {
  const rows = (await ds.query(QUEUE_STATE_SQL, ['PENDING'])) as { depth: number | string; oldest_ms: number | string | null }[];
  const row = rows[0];
  return { depth: Number(row?.depth ?? 0), oldestSeconds: row?.oldest_ms == null ? 0 : Math.max(0, Number(row.oldest_ms) / 1000) };
}

export const QUEUE_STATE_SQL = `SELECT COUNT(*) AS depth, TIMESTAMPDIFF(MICROSECOND, MIN(created_at), CURRENT_TIMESTAMP(3)) DIV 1000 AS oldest_ms
  FROM import_batches WHERE status = ?`;

function poolOf(ds: DataSource): MysqlPoolLike | null {
  if (!ds.isInitialized) return null;
  return ((ds.driver as unknown as { pool?: MysqlPoolLike }).pool ?? null) as MysqlPoolLike | null;
}

/** The route pattern that answered (`/batches/:id/errores.xlsx`), `/graphql`, or `unmatched` (static files, 404). */
function routeOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl ?? ''}${route.path}`;
  const path = req.originalUrl.split('?')[0] ?? '';
  if (path === '/graphql' || path.startsWith('/graphql/')) return '/graphql';
  return 'unmatched';
}
