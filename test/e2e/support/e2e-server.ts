/**
 * The real server for the browser tests (Playwright's global setup spawns this file with swc): a fresh
 * test database, the demo workbooks of ingestion/samples imported through the real worker, one rejected
 * upload, the review demo (reports PENDING, APPROVED and RETURNED), three tokens, and two listeners on free ports — one with PUBLIC_READ=true, one without.
 * Prints one JSON line with what the tests need, then serves until SIGTERM (and drops the database).
 */
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enqueueSamples, runDemoReview } from '../../../ingestion/cli/demo-data';
import { mountIngestionRoutes } from '../../../ingestion/http/ingestion.routes';
import { ImportWorker } from '../../../ingestion/worker/import.worker';
import { loadConfig } from '../../../src/config/config';
import { createApp } from '../../../src/server/app';
import { createLogger } from '../../../src/server/logger';
import { createServices } from '../../../src/services';
import { Role } from '../../../src/services/viewer';
import { createHarness } from '../../support/ingestion-harness';
import { createTestDatabase } from '../../support/test-database';

const { ensureDatabaseServer } = require('../../../scripts/db-bootstrap.js') as {
  ensureDatabaseServer(o: { log: () => void }): Promise<{ url: string }>;
};

async function main() {
  const { url } = await ensureDatabaseServer({ log: () => undefined });
  process.env.DATABASE_URL = url;
  const db = await createTestDatabase('e2e_web');
  const logger = createLogger({ logLevel: 'silent' });
  const harness = createHarness(db);
  const worker = new ImportWorker({ ds: db.ds, logger, layout: harness.layout, cron: '* * * * *' });
  await enqueueSamples(worker.store, harness.layout);
  await worker.runOnce();
  // The review demo (docs/review.md): the entity's 2025 reports, one approved, one returned, one left PENDING for /revision.
  let reviewed = false;
  const review = runDemoReview(db.ds, worker.store, harness.layout, 60_000).finally(() => (reviewed = true));
  while (!reviewed) {
    await worker.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if ((await review) !== 'done') throw new Error('the review demo did not run');
  // One upload the office must look at: not a workbook at all.
  await harness.importBytes(Buffer.from('esto no es un libro de Excel'), 'reporte-roto.xlsx', {
    name: 'oficina de prueba',
    entityId: null,
  });

  const storage = mkdtempSync(path.join(tmpdir(), 'rumbo-e2e-storage-'));
  const servers: { base: string; stop: () => Promise<void> }[] = [];
  let tokens: Record<string, string> = {};
  for (const publicRead of ['true', 'false']) {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      PUBLIC_READ: publicRead,
      STORAGE_DIR: storage,
      LOG_LEVEL: 'silent',
    });
    const services = createServices(db.ds, config);
    if (!Object.keys(tokens).length) {
      const created = async (role: Role, entityCode?: string) =>
        (await services.tokens.create({ role, entityCode, name: `e2e-${role.toLowerCase()}`, createdBy: 'e2e' })).secret;
      tokens = { admin: await created(Role.ADMIN), viewer: await created(Role.VIEWER) };
    }
    const running = await createApp({
      config,
      services,
      logger,
      // as `rumbo start` does: an upload wakes the worker, so the desk's import starts at once
      routes: (app, s, authenticate) => mountIngestionRoutes(app, s, authenticate, config, logger, { onQueued: () => worker.wake() }),
    });
    await new Promise<void>((resolve) => running.httpServer.listen(0, '127.0.0.1', resolve));
    servers.push({
      base: `http://127.0.0.1:${(running.httpServer.address() as AddressInfo).port}`,
      stop: async () => {
        running.httpServer.closeAllConnections();
        await running.apollo.stop();
      },
    });
  }
  process.stdout.write(`${JSON.stringify({ publicBase: servers[0].base, privateBase: servers[1].base, tokens, databaseUrl: db.url })}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 8000).unref();
    for (const s of servers) await s.stop().catch(() => undefined);
    await db.drop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop()); // the parent went away
  process.stdin.resume();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
