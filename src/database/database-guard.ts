/**
 * Keeps a frozen or unreachable database from hanging the API (docs/security.md#database-outages).
 *
 * - connect: a new connection must finish its handshake within `connectMs` (mysql2 `connectTimeout`);
 * - acquire: a request waits at most `acquireMs` for a connection of the pool;
 * - query: a statement must answer within `queryMs` (TypeORM's query timeout); the connection it ran on is
 *   destroyed, never handed to the next request;
 * - once any of these fails (or the server refuses or drops connections), the database is marked
 *   unavailable: further requests fail at once instead of each waiting for a timeout, while one probe per
 *   `probeIntervalMs` opens a fresh connection; the first probe that answers marks it available again.
 */
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

export interface DatabaseTimeouts {
  /** Handshake of a new connection, in milliseconds. */
  readonly connectMs: number;
  /** Wait for a free connection of the pool, in milliseconds. */
  readonly acquireMs: number;
  /** One statement, in milliseconds. */
  readonly queryMs: number;
}

/** The error every caller gets while the database does not answer; `isDatabaseUnavailable` recognises it. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(readonly reason: string) {
    super(`The database is unavailable (${reason}).`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Driver error codes that mean "the database is not there or not answering" (not a bad statement). */
const UNAVAILABLE_CODES = new Set([
  'DATABASE_UNAVAILABLE',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'POOL_CLOSED',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
]);

/** Is this error (or anything it wraps: GraphQL's originalError, TypeORM's driverError, a cause) a database outage? */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 6) return false;
  const e = err as { code?: unknown; message?: unknown; originalError?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (
    typeof e.message === 'string' &&
    /^(Pool is closed|Connection lost|Can't add new command when connection is in closed state)/.test(e.message)
  ) {
    return true;
  }
  return [e.originalError, e.driverError, e.cause].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

type Callback = (err: Error | null, conn?: PoolConnectionLike) => void;
interface PoolConnectionLike {
  release(): void;
  destroy(): void;
  query: (...args: unknown[]) => unknown;
  __rumboGuarded?: boolean;
}
interface PoolLike {
  getConnection(cb: Callback): void;
}

export interface DatabaseGuard {
  /** False from the first failure until a probe answers. */
  readonly available: boolean;
  /** Resolves with `SELECT 1` or rejects within `withinMs`, whatever the database does. */
  ping(withinMs: number): Promise<void>;
  /** Stops probing (the data source is being closed). */
  close(): void;
}

interface ClusterLike {
  getConnection(pattern: string, selector: unknown, cb?: Callback): void;
}

/** A pool-like view of the MASTER node of a TypeORM pool cluster: wrapping its getConnection wraps the primary's. */
function primaryNodeOf(cluster: ClusterLike): PoolLike {
  const getConnection = cluster.getConnection.bind(cluster);
  const node: PoolLike = { getConnection: (cb) => getConnection('MASTER', cb) };
  cluster.getConnection = (pattern: string, selector: unknown, cb?: Callback) => {
    if (pattern === 'MASTER') return node.getConnection((typeof selector === 'function' ? selector : cb) as Callback);
    return getConnection(pattern, selector, cb);
  };
  return node;
}

const guards = new WeakMap<DataSource, DatabaseGuard>();

/** The guard installed on a data source, if any. */
export function guardOf(ds: DataSource): DatabaseGuard | undefined {
  return guards.get(ds);
}

/** Wraps the pool of an initialised MySQL/MariaDB data source with the acquire timeout and the outage state. */
export function installDatabaseGuard(ds: DataSource, url: string, timeouts: DatabaseTimeouts, probeIntervalMs = 1000): DatabaseGuard {
  const driver = ds.driver as unknown as { pool?: PoolLike; poolCluster?: ClusterLike };
  // With read replicas (database/replication.ts) the guard watches the primary's node of the pool cluster.
  const pool = driver.pool ?? (driver.poolCluster ? primaryNodeOf(driver.poolCluster) : undefined);
  if (!pool) throw new Error('installDatabaseGuard needs an initialised MySQL/MariaDB data source');
  let down: string | null = null;
  let probing: NodeJS.Timeout | null = null;
  let closed = false;

  const probe = async (): Promise<void> => {
    probing = null;
    if (closed || down === null) return;
    const conn = await createConnection({ uri: url, connectTimeout: timeouts.connectMs }).catch(() => null);
    let ok = false;
    if (conn) {
      ok = await conn
        .query({ sql: 'SELECT 1', timeout: timeouts.queryMs })
        .then(() => true)
        .catch(() => false);
      conn.destroy();
    }
    if (ok) down = null;
    else if (!closed) probing = setTimeout(() => void probe(), probeIntervalMs).unref();
  };
  const markDown = (reason: string) => {
    if (down === null) down = reason;
    if (!probing && !closed) probing = setTimeout(() => void probe(), probeIntervalMs).unref();
  };

  /** Destroys a connection whose statement timed out or failed on the connection (it may still be busy). */
  const guardConnection = (conn: PoolConnectionLike) => {
    if (conn.__rumboGuarded) return;
    conn.__rumboGuarded = true;
    const query = conn.query.bind(conn);
    conn.query = (...args: unknown[]) => {
      const i = args.findIndex((a) => typeof a === 'function');
      if (i >= 0) {
        const cb = args[i] as (err: unknown, ...rest: unknown[]) => void;
        args[i] = (err: unknown, ...rest: unknown[]) => {
          if (err && isDatabaseUnavailable(err)) {
            markDown((err as { code?: string }).code ?? 'connection error');
            conn.destroy();
          }
          cb(err, ...rest);
        };
      }
      return query(...args);
    };
  };

  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (cb: Callback) => {
    if (down !== null) {
      process.nextTick(() => cb(new DatabaseUnavailableError(down ?? 'down')));
      return;
    }
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      markDown('acquire timeout');
      cb(new DatabaseUnavailableError(`no connection within ${timeouts.acquireMs} ms`));
    }, timeouts.acquireMs);
    getConnection((err, conn) => {
      if (settled) {
        // Too late: the caller has already been told; give the connection back.
        conn?.release();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (err) {
        if (isDatabaseUnavailable(err)) markDown(String((err as { code?: string }).code ?? err.message));
        cb(err);
        return;
      }
      guardConnection(conn!);
      cb(null, conn);
    });
  };

  const guard: DatabaseGuard = {
    get available() {
      return down === null;
    },
    ping(withinMs: number) {
      if (down !== null) return Promise.reject(new DatabaseUnavailableError(down));
      return new Promise<void>((resolve, reject) => {
        // A slow readiness check reports, it does not trip the guard: requests have their own timeouts.
        const timer = setTimeout(() => reject(new DatabaseUnavailableError(`no answer within ${withinMs} ms`)), withinMs);
        ds.query('SELECT 1').then(
          () => {
            clearTimeout(timer);
            resolve();
          },
          (err: unknown) => {
            clearTimeout(timer);
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      });
    },
    close() {
      closed = true;
      if (probing) clearTimeout(probing);
      probing = null;
    },
  };
  guards.set(ds, guard);
  return guard;
}

/** `SELECT 1` answered within `withinMs`, or a rejection by then, whatever the database does. */
export function pingDatabase(ds: DataSource, withinMs: number): Promise<void> {
  const guard = guardOf(ds);
  if (guard) return guard.ping(withinMs);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DatabaseUnavailableError(`no answer within ${withinMs} ms`)), withinMs);
    ds.query('SELECT 1').then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
