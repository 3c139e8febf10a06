/**
 * Puts workbooks through the real import path, as test/support/ingestion-harness.ts does: store the
 * bytes as an upload (a PENDING batch), claim it, processBatch.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ReadLimits } from '../../ingestion';
import { BatchOutcome, processBatch } from '../../ingestion/import/import.pipeline';
import { BatchStore } from '../../ingestion/worker/batch.store';
import { inboxLayout, storeAndEnqueue } from '../../ingestion/worker/inbox.scanner';
import { loadConfig } from '../../src/config/config';
import { BenchDatabase, OUT_DIR } from './bench-db';

export { OUT_DIR };

/** The product's configured limits (IMPORT_MAX_ROWS etc., defaults 200 000 rows, 20 MiB). */
export function productLimits(): ReadLimits {
  return { ...loadConfig({}).importLimits };
}

/** The product's heap policy of importing processes (IMPORT_HEAP_GROWING_PERCENT, default 30; the environment may set it). */
export function productHeapGrowingPercent(): number {
  return loadConfig({ IMPORT_HEAP_GROWING_PERCENT: process.env.IMPORT_HEAP_GROWING_PERCENT }).importHeapGrowingPercent;
}

export interface BenchImporter {
  store: BatchStore;
  /** Stores the bytes and creates a PENDING batch (to be claimed by a child process). */
  enqueue(bytes: Buffer, name: string): Promise<number>;
  /** Stores, claims and imports in this process; throws unless IMPORTED. */
  importNow(bytes: Buffer, name: string): Promise<BatchOutcome & { ms: number }>;
}

export function createImporter(db: BenchDatabase, limits: ReadLimits = productLimits()): BenchImporter {
  const layout = inboxLayout(path.join(OUT_DIR, db.name, 'inbox'));
  mkdirSync(layout.storage, { recursive: true });
  const store = new BatchStore(db.ds, 10 * 60_000);
  const enqueue = (bytes: Buffer, name: string) => storeAndEnqueue(store, layout, bytes, name, 'bench', null);
  return {
    store,
    enqueue,
    async importNow(bytes, name) {
      const id = await enqueue(bytes, name);
      const batch = await store.claim('bench');
      if (!batch || batch.id !== id) throw new Error(`expected to claim batch ${id}, got ${batch?.id}`);
      const t = performance.now();
      const outcome = await processBatch({ ds: db.ds, store, limits }, batch, 'bench');
      const ms = performance.now() - t;
      if (outcome.status !== 'IMPORTED') {
        const errors = outcome.issues.filter((i) => i.severity === 'ERROR').slice(0, 5);
        throw new Error(`${name} was ${outcome.status}: ${JSON.stringify(errors)}`);
      }
      return { ...outcome, ms };
    },
  };
}

/** Empties the report tables and forgets REPORTE batches, so the next import inserts every row again. */
export async function resetReports(db: BenchDatabase): Promise<void> {
  const qr = db.ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query('SET FOREIGN_KEY_CHECKS = 0');
    await qr.query('TRUNCATE TABLE progress_report_changes');
    await qr.query('TRUNCATE TABLE progress_reports');
    await qr.query(`DELETE FROM import_batches WHERE kind = 'REPORTE' OR status IN ('PENDING', 'PROCESSING')`);
    await qr.query('SET FOREIGN_KEY_CHECKS = 1');
  } finally {
    await qr.release();
  }
}
