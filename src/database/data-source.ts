import 'reflect-metadata';
import { createConnection, RowDataPacket } from 'mysql2/promise';
import { DataSource, Logger, MigrationInterface } from 'typeorm';
import { ALL_ENTITIES } from '../entities';
import { DatabaseTimeouts, installDatabaseGuard } from './database-guard';
import { installReplication, ReplicaSet, ReplicationSettings } from './replication';

export interface DataSourceOptions {
  url: string;
  migrations?: (new () => MigrationInterface)[];
  /** Optional TypeORM logger (the statement counter in tests and benchmarks plugs in here). */
  logger?: Logger;
  poolSize?: number;
  /** Server flavour; TypeORM reads column metadata differently on each. Use `detectFlavor`. */
  flavor: DatabaseFlavor;
  /**
   * Connect, acquire and query timeouts (the API sets them from the configuration; see database-guard.ts).
   * Without them, connections wait as long as the driver does (imports may run long statements).
   */
  timeouts?: DatabaseTimeouts;
  /**
   * Read replicas (DATABASE_REPLICA_URLS; database/replication.ts). Only the API's data source gets them:
   * the worker and the CLI write, and read what they write, on the primary.
   */
  replication?: ReplicationSettings;
}

export type DatabaseFlavor = 'mysql' | 'mariadb';

/** Asks the server whether it is MariaDB or MySQL (one short connection). */
export async function detectFlavor(url: string, connectTimeoutMs = 5000): Promise<DatabaseFlavor> {
  const u = new URL(url);
  u.pathname = '/';
  const conn = await createConnection({ uri: u.toString(), connectTimeout: connectTimeoutMs });
  try {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT VERSION() AS v');
    return /mariadb/i.test(String(rows[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/** A TypeORM logger that says nothing (the API logs outages itself, through pino). */
const QUIET_LOGGER: Logger = {
  logQuery: () => undefined,
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

/** Detects the flavour, then builds and initialises the data source (with the outage guard when `timeouts` are given). */
export async function openDataSource(options: Omit<DataSourceOptions, 'flavor'>): Promise<DataSource> {
  const ds = createDataSource({ ...options, flavor: await detectFlavor(options.url, options.timeouts?.connectMs) });
  await ds.initialize();
  if (options.timeouts) installDatabaseGuard(ds, options.url, options.timeouts);
  if (options.replication?.replicaUrls.length) {
    const replicas = new ReplicaSet(options.replication, options.timeouts?.connectMs ?? 2000);
    installReplication(ds, replicas);
    await replicas.start();
    const destroy = ds.destroy.bind(ds);
    ds.destroy = () => {
      replicas.close();
      return destroy();
    };
  }
  return ds;
}

/**
 * Builds the TypeORM data source. SQL is kept to what MySQL 8 and MariaDB 10.11 both accept.
 * DATE columns are read as 'YYYY-MM-DD' strings (no time-zone shifts); DATETIME columns are UTC.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: options.flavor,
    url: options.url,
    ...(options.replication?.replicaUrls.length
      ? {
          replication: {
            master: { url: options.url },
            slaves: options.replication.replicaUrls.map((url) => ({ url })),
            // Reads the routing does not send to a replica go to the primary (replication.ts decides).
            defaultMode: 'slave',
            // Node health is replication.ts's business: the pool cluster never drops a node for good.
            removeNodeErrorCount: Number.MAX_SAFE_INTEGER,
            restoreNodeTimeout: 0,
            canRetry: false,
          },
        }
      : {}),
    entities: ALL_ENTITIES,
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    bigNumberStrings: false,
    extra: { decimalNumbers: true, connectionLimit: options.poolSize ?? 10 },
    ...(options.timeouts
      ? { connectTimeout: options.timeouts.connectMs, enableQueryTimeout: true, maxQueryExecutionTime: options.timeouts.queryMs }
      : {}),
    // With timeouts TypeORM reports slow statements even when logging is off: keep them out of stdout.
    logger: options.logger ?? (options.timeouts ? QUIET_LOGGER : undefined),
    logging: options.logger ? ['query'] : false,
  } as ConstructorParameters<typeof DataSource>[0]);
}

/** Database name of a mysql:// URL. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** The same URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
