/**
 * One fresh, migrated database per benchmark on the server `ensureDatabaseServer` finds (the same
 * bootstrap as `npm start` and `npm test`), dropped at the end.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createConnection, RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { createDataSource, DatabaseFlavor, detectFlavor, withDatabase } from '../../src/database/data-source';
import { StatementCounter } from '../../test/support/test-database';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bootstrap = require('../../scripts/db-bootstrap.js') as {
  ensureDatabaseServer(options?: { log?: (msg: string) => void }): Promise<{ url: string }>;
  createDatabase(url: string): Promise<void>;
  dropDatabase(url: string): Promise<void>;
};

export { StatementCounter };

/** Transient files of the benchmarks (git-ignored): generated workbooks, stored uploads, partial results. */
export const OUT_DIR = path.resolve(__dirname, '..', 'out');

export interface BenchDatabase {
  url: string;
  name: string;
  flavor: DatabaseFlavor;
  ds: DataSource;
  counter: StatementCounter;
  drop: () => Promise<void>;
}

let serverUrl: Promise<string> | undefined;

/** URL of the database server (any database name), set up once per process. */
export function benchServerUrl(): Promise<string> {
  return (serverUrl ??= bootstrap.ensureDatabaseServer({ log: (m) => process.stderr.write(`[db-bootstrap] ${m}\n`) }).then((r) => r.url));
}

/** A new database `rumbo_b_<label>_<pid>`, migrated with the project's migrations. */
export async function createBenchDatabase(label: string, poolSize = 10): Promise<BenchDatabase> {
  const base = await benchServerUrl();
  const name = `rumbo_b_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}`.slice(0, 64);
  const url = withDatabase(base, name);
  await bootstrap.dropDatabase(url);
  await bootstrap.createDatabase(url);
  const counter = new StatementCounter();
  const flavor = await detectFlavor(url);
  const ds = createDataSource({ url, migrations: MIGRATIONS, logger: counter, flavor, poolSize });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return {
    url,
    name,
    flavor,
    ds,
    counter,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await bootstrap.dropDatabase(url);
      rmSync(path.join(OUT_DIR, name), { recursive: true, force: true }); // uploads stored for this database
    },
  };
}

/** Opens an existing (already migrated) database, e.g. in a child process. */
export async function openBenchDatabase(url: string, poolSize = 10): Promise<DataSource> {
  const ds = createDataSource({ url, flavor: await detectFlavor(url), poolSize });
  await ds.initialize();
  return ds;
}

/** `SELECT VERSION()` of the server. */
export async function serverVersion(): Promise<string> {
  const u = new URL(await benchServerUrl());
  u.pathname = '/';
  const conn = await createConnection({ uri: u.toString() });
  try {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT VERSION() AS v');
    return String(rows[0]?.v ?? 'unknown');
  } finally {
    await conn.end();
  }
}
