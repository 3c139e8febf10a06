import { createLogger } from '../../src/server/logger';
import { enqueueSamples } from '../../ingestion/cli/demo-data';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { createHarness } from '../support/ingestion-harness';
import { TestDatabase } from '../support/test-database';

/** Imports the demo workbooks of ingestion/samples through the real worker, as `npm start` does. */
export async function importDemoData(db: TestDatabase): Promise<void> {
  const h = createHarness(db);
  const worker = new ImportWorker({ ds: db.ds, logger: createLogger({ logLevel: 'silent' }), layout: h.layout, cron: '* * * * *' });
  const queued = await enqueueSamples(worker.store, h.layout);
  const done = await worker.runOnce();
  if (queued === 0 || done !== queued) throw new Error(`demo data: queued ${queued}, imported ${done}`);
}
