import { DataSource, Logger } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { createDataSource, detectFlavor, withDatabase } from '../../src/database/data-source';

const bootstrap = require('../../scripts/db-bootstrap.js') as {
  createDatabase(url: string): Promise<void>;
  dropDatabase(url: string): Promise<void>;
};

/** Counts SQL statements sent through TypeORM (the N+1 guard in tests and benchmarks). */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];
  recording = false;
  logQuery(query: string): void {
    if (!this.recording) return;
    this.count++;
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  /** Runs fn and returns how many statements it sent. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }> {
    this.count = 0;
    this.statements = [];
    this.recording = true;
    try {
      const result = await fn();
      return { result, statements: this.count, sql: [...this.statements] };
    } finally {
      this.recording = false;
    }
  }
}

export interface TestDatabase {
  url: string;
  ds: DataSource;
  counter: StatementCounter;
  drop: () => Promise<void>;
}

/** A fresh, migrated database for one test file (never shared between files). */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
  const name = `rumbo_t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now() % 100000}`.slice(0, 64);
  const url = withDatabase(base, name);
  await bootstrap.createDatabase(url);
  const counter = new StatementCounter();
  const ds = createDataSource({ url, migrations: MIGRATIONS, logger: counter, flavor: await detectFlavor(url) });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return {
    url,
    ds,
    counter,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await bootstrap.dropDatabase(url);
    },
  };
}
