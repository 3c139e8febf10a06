import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BatchOutcome, processBatch } from '../../ingestion/import/import.pipeline';
import { WorkbookParser } from '../../ingestion/import/parse.sandbox';
import { BatchStore } from '../../ingestion/worker/batch.store';
import { InboxLayout, inboxLayout, storeAndEnqueue } from '../../ingestion/worker/inbox.scanner';
import { TestDatabase } from './test-database';

export interface Harness {
  layout: InboxLayout;
  store: BatchStore;
  /** Stores the bytes as an upload and runs the real pipeline on that batch. */
  importBytes(bytes: Buffer, name: string, uploader?: { name: string; entityId: number | null }): Promise<BatchOutcome>;
  /** CHECKSUM TABLE of every data table (not the batch bookkeeping). */
  checksums(): Promise<Record<string, string>>;
}

const DATA_TABLES = [
  'sectors',
  'entities',
  'people',
  'instances',
  'memberships',
  'instance_functions',
  'sessions',
  'agenda_items',
  'attendances',
  'session_schedules',
  'commitments',
  'session_functions',
  'product_reviews',
  'policies',
  'objectives',
  'products',
  'product_co_responsibles',
  'goals',
  'progress_reports',
  'progress_report_changes',
  'results',
  'result_goals',
  'result_reports',
];

/** `parser`: what reads the files (default: the pipeline's, the shared parsing thread); `maxIssuesPerCode`: IMPORT_MAX_ISSUES_PER_CODE. */
export function createHarness(db: TestDatabase, options: { parser?: WorkbookParser; maxIssuesPerCode?: number } = {}): Harness {
  const layout = inboxLayout(path.join(mkdtempSync(path.join(tmpdir(), 'rumbo-')), 'inbox'));
  for (const dir of Object.values(layout)) mkdirSync(dir, { recursive: true });
  const store = new BatchStore(db.ds, 60_000);
  return {
    layout,
    store,
    async importBytes(bytes, name, uploader = { name: 'test', entityId: null }) {
      const id = await storeAndEnqueue(store, layout, bytes, name, uploader.name, uploader.entityId);
      const batch = await store.claim('test-harness');
      if (!batch || batch.id !== id) throw new Error(`expected to claim batch ${id}, got ${batch?.id}`);
      const deps = {
        ds: db.ds,
        store,
        ...(options.parser ? { parser: options.parser } : {}),
        ...(options.maxIssuesPerCode ? { maxIssuesPerCode: options.maxIssuesPerCode } : {}),
      };
      return processBatch(deps, batch, 'test-harness');
    },
    async checksums() {
      const rows = (await db.ds.query(`CHECKSUM TABLE ${DATA_TABLES.map((t) => `\`${t}\``).join(', ')}`)) as {
        Table: string;
        Checksum: string | number;
      }[];
      return Object.fromEntries(rows.map((r) => [r.Table.split('.').pop()!, String(r.Checksum)]));
    },
  };
}
