/**
 * Child process for the "another process enqueued it" test: a worker whose schedule never fires and that
 * watches no folder, so the only way it finds a batch is polling the queue (CHILD_POLL_MS).
 */
import 'reflect-metadata';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { inboxLayout } from '../../ingestion/worker/inbox.scanner';
import { openDataSource } from '../../src/database/data-source';
import { createLogger } from '../../src/server/logger';

async function main(): Promise<void> {
  const ds = await openDataSource({ url: process.env.CHILD_DATABASE_URL! });
  const worker = new ImportWorker({
    ds,
    logger: createLogger({ logLevel: 'silent' }),
    layout: inboxLayout(process.env.CHILD_INBOX_DIR!),
    cron: '0 0 1 1 *',
    pollMs: Number(process.env.CHILD_POLL_MS),
    watchInbox: false,
    owner: 'polling-child',
  });
  worker.start();
  await worker.tick(); // the first pass, with an empty queue, before saying it is ready
  setInterval(() => undefined, 1 << 30); // stay alive until the parent ends it
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void worker
      .stop()
      .then(() => ds.destroy())
      .then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(String(err));
  process.exit(1);
});
