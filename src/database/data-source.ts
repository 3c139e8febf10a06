import 'reflect-metadata';
import { createConnection, RowDataPacket } from 'mysql2/promise';
import { DataSource, Logger, MigrationInterface } from 'typeorm';
import { ALL_ENTITIES } from '../entities';

export interface DataSourceOptions {
  url: string;
  migrations?: (new () => MigrationInterface)[];
  /** Optional TypeORM logger (the statement counter in tests and benchmarks plugs in here). */
  logger?: Logger;
  poolSize?: number;
  /** Server flavour; TypeORM reads column metadata differently on each. Use `detectFlavor`. */
  flavor: DatabaseFlavor;
}

export type DatabaseFlavor = 'mysql' | 'mariadb';

/** Asks the server whether it is MariaDB or MySQL (one short connection). */
export async function detectFlavor(url: string): Promise<DatabaseFlavor> {
  const u = new URL(url);
  u.pathname = '/';
  const conn = await createConnection({ uri: u.toString(), connectTimeout: 5000 });
  try {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT VERSION() AS v');
    return /mariadb/i.test(String(rows[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/** Detects the flavour, then builds and initialises the data source. */
export async function openDataSource(options: Omit<DataSourceOptions, 'flavor'>): Promise<DataSource> {
  const ds = createDataSource({ ...options, flavor: await detectFlavor(options.url) });
  await ds.initialize();
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
    logger: options.logger,
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
