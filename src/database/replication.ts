/**
 * Read replicas (DATABASE_REPLICA_URLS, docs/scaling.md#réplicas-de-lectura).
 *
 * TypeORM's replication sends a SELECT built by a repository or query builder outside a transaction to a
 * "slave" query runner, and everything else (writes, `ds.query`, transactions) to the master. On top of
 * that, this module decides, for every read, whether a replica may answer:
 *
 * - **primary context** (`onPrimary`, AsyncLocalStorage): every read inside it goes to the primary. The HTTP
 *   layer opens one for uploads, GraphQL mutations and any request of a token that wrote within
 *   DATABASE_REPLICA_STICKY_MS (read-your-writes); `ds.transaction` callbacks run in one too, so a read
 *   through `ds` instead of the transaction's manager never meets a replica.
 * - **replica health**: every DATABASE_REPLICA_CHECK_MS a short connection asks each replica
 *   `SHOW REPLICA STATUS` (MariaDB 10.5+, MySQL 8.0.22+; `SHOW SLAVE STATUS` otherwise). A replica that does
 *   not answer is `down`; one whose SQL or I/O thread is stopped, or that is more than
 *   DATABASE_REPLICA_MAX_LAG_S seconds behind, is `lagging`. Neither gets reads; with no `ok` replica every
 *   read goes to the primary. A replica that refuses a connection between two checks is marked down at once
 *   and that read is served by the primary.
 * - **explicit raw reads**: `readQuery(ds, sql, params)` runs a raw SELECT where a read may go (a replica
 *   when allowed); `ds.query` stays on the primary, for writes and for reads that must see them.
 *
 * The worker and the CLI open data sources without replicas: every import, its reads included, runs on the
 * primary.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createConnection, RowDataPacket } from 'mysql2/promise';
import { DataSource, QueryRunner } from 'typeorm';

export interface ReplicationSettings {
  /** mysql:// URLs of the replicas (may be empty: no replication). */
  readonly replicaUrls: readonly string[];
  /** A replica further behind than this (Seconds_Behind_Master) gets no reads. */
  readonly maxLagSeconds: number;
  /** How often each replica is asked for its replication status, in milliseconds. */
  readonly checkIntervalMs: number;
  /** After a token writes, its reads go to the primary for this long, in milliseconds. */
  readonly stickyMs: number;
}

export type ServerState = 'ok' | 'lagging' | 'down';

export interface ReplicaStatus {
  /** host:port/database, never a password. */
  readonly server: string;
  readonly state: ServerState;
  /** Seconds_Behind_Master of the last check (null: unknown or replication stopped). */
  readonly lagSeconds: number | null;
  /** Why it gets no reads (English, for the log and /readyz). */
  readonly reason?: string;
  /** When it was last checked (ISO). */
  readonly checkedAt: string | null;
}

/** Where reads of the current async context go. Mutable: a request decides once it knows its viewer. */
export interface RouteState {
  primary: boolean;
  /**
   * The one replica this request reads from, once chosen. A request never mixes replicas: the figures
   * cache reads a policy's data version first and its inputs after, on the same server, so the inputs
   * are never older than the version they are cached under (docs/scaling.md#caché-de-cifras).
   */
  replica?: number;
}

const routes = new AsyncLocalStorage<RouteState>();

/** Runs `fn` with every read it makes (through any data source) on the primary. */
export function onPrimary<T>(fn: () => T): T {
  return routes.run({ primary: true }, fn);
}

/** Runs `fn` in a fresh route state (the HTTP layer opens one per request; it may turn primary later). */
export function withRoute<T>(state: RouteState, fn: () => T): T {
  return routes.run(state, fn);
}

/** The route state of the current request, if any. */
export function currentRoute(): RouteState | undefined {
  return routes.getStore();
}

/** From now on the current request reads from the primary (no-op outside a request). */
export function readFromPrimaryFromNowOn(): void {
  const state = routes.getStore();
  if (state) state.primary = true;
}

/** A raw read that a replica may answer (the primary inside a primary context or without a healthy replica). */
export async function readQuery<T = unknown>(ds: DataSource, sql: string, parameters?: unknown[]): Promise<T> {
  const runner: QueryRunner = ds.createQueryRunner('slave');
  try {
    return (await runner.query(sql, parameters)) as T;
  } finally {
    await runner.release();
  }
}

/** Label of a server for logs and /readyz: host:port/database, without user or password. */
export function serverLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '3306'}${u.pathname}`;
  } catch {
    return 'invalid-url';
  }
}

interface ClusterLike {
  getConnection(pattern: string, cb: (err: Error | null, conn?: unknown) => void): void;
}

interface DriverInternals {
  poolCluster?: ClusterLike;
  obtainMasterConnection(): Promise<unknown>;
  obtainSlaveConnection(): Promise<unknown>;
  prepareDbConnection(conn: unknown): unknown;
}

/** The replicas of one data source: their health, the read-your-writes memory, the routing hooks. */
export class ReplicaSet {
  private readonly states: { -readonly [K in keyof ReplicaStatus]: ReplicaStatus[K] }[];
  private readonly recentWriters = new Map<number, number>();
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly settings: ReplicationSettings,
    private readonly connectTimeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {
    // Until the first check says otherwise, a replica gets no reads.
    this.states = settings.replicaUrls.map((url) => ({
      server: serverLabel(url),
      state: 'down' as ServerState,
      lagSeconds: null,
      reason: 'not checked yet',
      checkedAt: null,
    }));
  }

  /** State of every replica, in the order of DATABASE_REPLICA_URLS. */
  statuses(): ReplicaStatus[] {
    return this.states.map((s) => ({ ...s }));
  }

  /** May the current read go to a replica? */
  readsMayUseReplica(): boolean {
    const route = routes.getStore();
    if (route?.primary) return false;
    if (this.states.some((s) => s.state === 'ok')) return true;
    // Read once on the primary, the rest of the request stays there (monotonic reads).
    if (route) route.primary = true;
    return false;
  }

  /** Index of the next healthy replica (round robin), or null. */
  pick(): number | null {
    const n = this.states.length;
    for (let k = 0; k < n; k++) {
      const i = (this.next + k) % n;
      if (this.states[i]!.state === 'ok') {
        this.next = (i + 1) % n;
        return i;
      }
    }
    return null;
  }

  /** A replica refused a connection: no reads until a check finds it answering again. */
  markDown(index: number, reason: string): void {
    const s = this.states[index];
    if (!s) return;
    s.state = 'down';
    s.reason = reason;
    s.lagSeconds = null;
  }

  /** Token `tokenId` just wrote: its reads go to the primary for DATABASE_REPLICA_STICKY_MS. */
  noteWrite(tokenId: number | null | undefined): void {
    if (tokenId === null || tokenId === undefined || this.settings.stickyMs <= 0) return;
    const now = this.now();
    if (this.recentWriters.size > 10_000) {
      for (const [id, until] of this.recentWriters) if (until <= now) this.recentWriters.delete(id);
    }
    this.recentWriters.set(tokenId, now + this.settings.stickyMs);
  }

  /** Did token `tokenId` write within the sticky window? */
  recentlyWrote(tokenId: number | null | undefined): boolean {
    if (tokenId === null || tokenId === undefined) return false;
    const until = this.recentWriters.get(tokenId);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.recentWriters.delete(tokenId);
    return false;
  }

  /** Asks every replica for its replication status once (concurrent calls share one round). */
  check(): Promise<void> {
    this.checking ??= Promise.all(this.settings.replicaUrls.map((url, i) => this.checkOne(url, i))).then(
      () => {
        this.checking = null;
      },
      () => {
        this.checking = null;
      },
    );
    return this.checking;
  }

  /** Checks now, then every DATABASE_REPLICA_CHECK_MS until `close`. */
  async start(): Promise<void> {
    await this.check();
    const loop = () => {
      if (this.closed) return;
      this.timer = setTimeout(() => void this.check().then(loop), this.settings.checkIntervalMs).unref();
    };
    loop();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async checkOne(url: string, index: number): Promise<void> {
    const s = this.states[index]!;
    const timeout = Math.max(this.connectTimeoutMs, 100);
    const conn = await createConnection({ uri: url, connectTimeout: timeout }).catch((err: unknown) => err as Error);
    s.checkedAt = new Date(this.now()).toISOString();
    if (conn instanceof Error) {
      this.markDown(index, (conn as { code?: string }).code ?? conn.message);
      return;
    }
    try {
      const status = await replicationStatus(conn, timeout);
      if (!status) {
        s.state = 'lagging';
        s.lagSeconds = null;
        s.reason = 'not replicating (SHOW REPLICA STATUS is empty)';
      } else if (!status.ioRunning || !status.sqlRunning || status.lag === null) {
        s.state = 'lagging';
        s.lagSeconds = status.lag;
        s.reason = `replication stopped (io ${status.ioRunning ? 'running' : 'stopped'}, sql ${status.sqlRunning ? 'running' : 'stopped'})`;
      } else if (status.lag > this.settings.maxLagSeconds) {
        s.state = 'lagging';
        s.lagSeconds = status.lag;
        s.reason = `${status.lag} s behind (more than ${this.settings.maxLagSeconds} s)`;
      } else {
        s.state = 'ok';
        s.lagSeconds = status.lag;
        delete s.reason;
      }
    } catch (err) {
      this.markDown(index, (err as { code?: string }).code ?? (err as Error).message);
    } finally {
      conn.destroy();
    }
  }
}

interface ReplicationRow {
  lag: number | null;
  ioRunning: boolean;
  sqlRunning: boolean;
}

/** `SHOW REPLICA STATUS` (MariaDB ≥ 10.5, MySQL ≥ 8.0.22), else `SHOW SLAVE STATUS`; null when not a replica. */
async function replicationStatus(conn: Awaited<ReturnType<typeof createConnection>>, timeout: number): Promise<ReplicationRow | null> {
  let rows: RowDataPacket[];
  try {
    [rows] = await conn.query<RowDataPacket[]>({ sql: 'SHOW REPLICA STATUS', timeout });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ER_PARSE_ERROR') throw err;
    [rows] = await conn.query<RowDataPacket[]>({ sql: 'SHOW SLAVE STATUS', timeout });
  }
  const row = rows[0];
  if (!row) return null;
  const pick = (...names: string[]): unknown => names.map((n) => row[n]).find((v) => v !== undefined);
  const lag = pick('Seconds_Behind_Master', 'Seconds_Behind_Source');
  return {
    lag: lag === null || lag === undefined ? null : Number(lag),
    ioRunning: String(pick('Slave_IO_Running', 'Replica_IO_Running')) === 'Yes',
    sqlRunning: String(pick('Slave_SQL_Running', 'Replica_SQL_Running')) === 'Yes',
  };
}

const sets = new WeakMap<DataSource, ReplicaSet>();

/** The replicas of a data source opened with DATABASE_REPLICA_URLS, if any. */
export function replicasOf(ds: DataSource): ReplicaSet | undefined {
  return sets.get(ds);
}

/**
 * Installs the routing on an initialised data source built with `replication` (createDataSource):
 * slave query runners become master ones when the read must or can only go to the primary; a slave
 * connection is taken from a healthy replica, or from the primary when that replica refuses it;
 * `ds.transaction` callbacks run in a primary context.
 */
export function installReplication(ds: DataSource, set: ReplicaSet): void {
  const driver = ds.driver as unknown as DriverInternals;
  const cluster = driver.poolCluster;
  if (!cluster) throw new Error('installReplication needs a data source built with replicas');

  const createQueryRunner = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (mode: 'master' | 'slave' = 'master') =>
    createQueryRunner(mode === 'slave' && !set.readsMayUseReplica() ? 'master' : mode);

  driver.obtainSlaveConnection = async () => {
    const route = currentRoute();
    const i = route?.replica ?? set.pick();
    if (i === null) {
      // No healthy replica: this request stays on the primary (never back to a replica that may be behind).
      if (route) route.primary = true;
      return driver.obtainMasterConnection();
    }
    if (route) route.replica = i;
    try {
      const conn = await new Promise<unknown>((resolve, reject) =>
        cluster.getConnection(`SLAVE${i}`, (err, c) => (err ? reject(err) : resolve(c))),
      );
      return driver.prepareDbConnection(conn);
    } catch (err) {
      set.markDown(i, (err as { code?: string }).code ?? (err as Error).message);
      if (route) route.primary = true;
      return driver.obtainMasterConnection();
    }
  };

  const transaction = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
  (ds as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args: unknown[]) =>
    onPrimary(() => transaction(...args));
  sets.set(ds, set);
}
