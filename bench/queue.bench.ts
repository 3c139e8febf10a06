/**
 * 6. Work starts at once. A 28-product REPORTE (1 120 rows) uploaded through the real HTTP server
 * (startHttpServer + the upload route, as `rumbo start` mounts them) with the import worker in the same
 * process on its own pool, the default schedule (IMPORT_CRON, once a minute) as backstop and the default
 * poll (IMPORT_POLL_MS). Two ways in: the upload wakes the worker (same process), and the upload reaches an
 * API that does not tell the worker (another process's upload), so only the poll finds it. Time from
 * sending the upload to the batch leaving PENDING and to IMPORTED, read from the database every 5 ms.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { mountIngestionRoutes } from '../ingestion/http/ingestion.routes';
import { ImportWorker } from '../ingestion/worker/import.worker';
import { inboxLayout } from '../ingestion/worker/inbox.scanner';
import { loadConfig } from '../src/config/config';
import { openDataSource } from '../src/database/data-source';
import { startHttpServer } from '../src/server/http-server';
import { createLogger } from '../src/server/logger';
import { createSecurityServices } from '../src/services/token.service';
import { Role } from '../src/services/viewer';
import { dashboardShape } from './dashboard.bench';
import { createBenchDatabase, OUT_DIR } from './support/bench-db';
import { planWorkbook, reportObjects, reporteWorkbook } from './support/data.generator';
import { createImporter } from './support/pipeline';
import { Check, RunOptions, SectionResult } from './support/results';
import { max, median, ms } from './support/stats';

interface Run {
  accepted: number;
  started: number;
  imported: number;
  parseMs: number;
  validateMs: number;
  importMs: number;
}

export async function queueBench(o: RunOptions, log: (m: string) => void): Promise<SectionResult> {
  const begun = performance.now();
  const runs = o.quick ? 2 : 7;
  const db = await createBenchDatabase('queue');
  const dir = path.join(OUT_DIR, db.name);
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    INBOX_DIR: path.join(dir, 'inbox'),
    STORAGE_DIR: path.join(dir, 'storage'),
  });
  const logger = createLogger(config);
  const shape = dashboardShape(28, 'Q28');
  await createImporter(db).importNow(planWorkbook(shape), 'plan-Q28.xlsx');
  const admin = (await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, createdBy: 'bench' })).secret;

  let wakeOnUpload = true;
  const workerDs = await openDataSource({ url: config.databaseUrl });
  const worker = new ImportWorker({
    ds: workerDs,
    logger,
    layout: inboxLayout(config.inboxDir, config.storageDir),
    cron: config.importCron,
    limits: config.importLimits,
    sandbox: config.parseSandbox,
    leaseMs: config.importStaleAfterMs,
    heartbeatMs: config.importHeartbeatMs,
    pollMs: config.importPollMs,
  });
  const server = await startHttpServer(config, logger, {
    routes: (app, services, authenticate) =>
      mountIngestionRoutes(app, services, authenticate, config, logger, { onQueued: () => wakeOnUpload && worker.wake() }),
  });
  worker.start();
  await worker.tick();
  const base = server.url.replace(/\/graphql$/, '');
  let salt = 1;

  async function once(): Promise<Run> {
    // Values repeat every 13 salts: the reporter's name keeps every upload's content new (never DUPLICATE).
    const run = salt++;
    const bytes = reporteWorkbook(reportObjects(shape, shape.vigencias, run).map((r) => ({ ...r, reportedBy: `Profesional ${run}` })));
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'reporte-Q28.xlsx');
    const t0 = performance.now();
    const res = await fetch(`${base}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
    const accepted = performance.now() - t0;
    const body = (await res.json()) as { batchId?: string; error?: string };
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
    const id = Number(body.batchId);
    let started = 0;
    for (;;) {
      const [row] = (await db.ds.query('SELECT status, parse_ms, validate_ms, import_ms FROM import_batches WHERE id = ?', [id])) as {
        status: string;
        parse_ms: number;
        validate_ms: number;
        import_ms: number;
      }[];
      const now = performance.now() - t0;
      if (row!.status !== 'PENDING' && !started) started = now;
      if (row!.status === 'IMPORTED')
        return { accepted, started, imported: now, parseMs: row!.parse_ms, validateMs: row!.validate_ms, importMs: row!.import_ms };
      if (row!.status !== 'PENDING' && row!.status !== 'PROCESSING') throw new Error(`batch ${id} ended ${row!.status}`);
      if (now > 120_000) throw new Error(`batch ${id} still ${row!.status} after 120 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  const results: Record<'wake' | 'poll', Run[]> = { wake: [], poll: [] };
  try {
    await once(); // warm-up: the parse thread, the pools, the first statements
    for (const mode of ['wake', 'poll'] as const) {
      wakeOnUpload = mode === 'wake';
      for (let i = 0; i < runs; i++) {
        results[mode].push(await once());
        // Uploads do not line up with the poll's phase in real use: spread them over it.
        await new Promise((r) => setTimeout(r, 137 * (i + 1)));
      }
      const s = results[mode];
      log(`${mode}: started ${ms(median(s.map((r) => r.started)))} median, IMPORTED ${ms(median(s.map((r) => r.imported)))} median`);
    }
  } finally {
    await worker.stop();
    await workerDs.destroy();
    await server.stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }

  const row = (label: string, s: Run[]) => [
    label,
    s.length,
    ms(median(s.map((r) => r.accepted))),
    ms(median(s.map((r) => r.started))),
    ms(max(s.map((r) => r.started))),
    ms(median(s.map((r) => r.imported))),
    ms(max(s.map((r) => r.imported))),
    `${ms(median(s.map((r) => r.parseMs)))} / ${ms(median(s.map((r) => r.validateMs)))} / ${ms(median(s.map((r) => r.importMs)))}`,
  ];
  const wakeStartMax = max(results.wake.map((r) => r.started));
  const pollStartMax = max(results.poll.map((r) => r.started));
  const wakeImported = median(results.wake.map((r) => r.imported));
  const checks: Check[] = [
    { label: 'upload → import started, same process (max)', value: ms(wakeStartMax), target: '< 1 000 ms', met: wakeStartMax < 1000 },
    {
      label: 'upload → import started, found by the poll (max)',
      value: ms(pollStartMax),
      target: `< IMPORT_POLL_MS + 250 ms (${config.importPollMs + 250} ms)`,
      met: pollStartMax < config.importPollMs + 250,
    },
    {
      label: 'upload → IMPORTED, 28-product REPORTE (median, same process)',
      value: ms(wakeImported),
      target: '< 10 s (issue 11, end to end)',
      met: wakeImported < 10_000,
    },
  ];
  return {
    id: 'queue',
    title: 'Work starts at once (upload → IMPORTED)',
    method:
      `A 28-product REPORTE (${28 * shape.vigencias * 4} rows) sent to POST /uploads of the real HTTP server, the worker in the same process ` +
      `with the default schedule (\`${config.importCron}\`) as backstop and IMPORT_POLL_MS=${config.importPollMs}; ${runs} uploads per way in, ` +
      'each with other values (so each is IMPORTED, not DUPLICATE), after one warm-up. "Same process": the upload wakes the worker. ' +
      '"Poll": the route does not tell the worker, as when another process took the upload; only the poll finds the batch. ' +
      'Times from sending the upload, read from the database every 5 ms. Before this change the batch waited for the once-a-minute scan (51 s measured in issue 11).',
    checks,
    tables: [
      {
        header: [
          'way in',
          'uploads',
          '202 after',
          'started (median)',
          'started (max)',
          'IMPORTED (median)',
          'IMPORTED (max)',
          'parse / validate / import (median)',
        ],
        rows: [row('same process (wake-up)', results.wake), row(`poll every ${config.importPollMs} ms`, results.poll)],
      },
    ],
    notes: [
      `The poll adds on average half its interval (${config.importPollMs / 2} ms) to an upload another process took; the wake-up removes it in the process that took it.`,
      'The rest of upload → IMPORTED is the import itself (parse in the isolated thread, validate, one transaction): see the import section for the reader.',
    ],
    seconds: (performance.now() - begun) / 1000,
  };
}
