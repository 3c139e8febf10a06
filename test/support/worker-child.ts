/**
 * Child process for the "worker killed mid-import" test: claims the pending batch and processes it,
 * printing each phase on stdout so the parent can kill it (SIGKILL) in the middle of the import.
 */
import 'reflect-metadata';
import { MIGRATIONS } from '../../migrations';
import { processBatch } from '../../ingestion/import/import.pipeline';
import { BatchStore } from '../../ingestion/worker/batch.store';
import { openDataSource } from '../../src/database/data-source';

async function main(): Promise<void> {
  const ds = await openDataSource({ url: process.env.CHILD_DATABASE_URL!, migrations: MIGRATIONS });
  const store = new BatchStore(ds, 60_000);
  const batch = await store.claim('doomed-worker');
  if (!batch) throw new Error('nothing to claim');
  process.stdout.write(`claimed ${batch.id}\n`);
  // With CHILD_HEARTBEAT_MS the child beats like a live worker until it is killed.
  const beatMs = Number(process.env.CHILD_HEARTBEAT_MS ?? 0);
  if (beatMs > 0) setInterval(() => void store.heartbeat(batch.id, 'doomed-worker'), beatMs);
  await processBatch(
    {
      ds,
      store,
      onProgress: (phase) => process.stdout.write(`${phase}\n`),
      // Everything is written but not committed: stop here until the parent kills this process.
      beforeCommit: () => {
        process.stdout.write('paused-before-commit\n');
        return new Promise<void>(() => undefined);
      },
    },
    batch,
    'doomed-worker',
  );
  process.stdout.write('finished\n');
  await ds.destroy();
}

main().catch((err: unknown) => {
  process.stderr.write(String(err));
  process.exit(1);
});
