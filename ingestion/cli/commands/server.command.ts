/**
 * `rumbo start`, `rumbo serve`, `rumbo worker`: the long-running processes. The API's modules (Apollo,
 * Express, the reports) are loaded only by the commands that serve it: a worker alone, like `rumbo
 * import`, starts without them (about 45 MB less of memory).
 */
import path from 'node:path';
import { AppConfig } from '../../../src/config/config';
import { openDataSource } from '../../../src/database/data-source';
import { createLogger } from '../../../src/server/logger';
import type { Metrics } from '../../../src/server/metrics';
import { applyImportHeapPolicy } from '../../worker/heap.policy';
import { ImportWorker } from '../../worker/import.worker';
import { inboxLayout } from '../../worker/inbox.scanner';
import { startRetention } from '../../worker/storage.retention';
import { CliCommand, CommandContext, DatabaseReady, Text } from '../command.types';
import { dbBootstrap } from '../db-bootstrap.adapter';

const say = {
  listening: (url: string, worker: boolean): Text => ({
    es: `Rumbo atiende en ${url}${worker ? ' (con el importador)' : ''}. Ctrl+C lo detiene.`,
    en: `Rumbo listens on ${url}${worker ? ' (with the import worker)' : ''}. Ctrl+C stops it.`,
  }),
  workerRunning: (owner: string, inbox: string, cron: string): Text => ({
    es: `Importador ${owner}: bandeja ${inbox}, horario «${cron}». Ctrl+C lo detiene.`,
    en: `Import worker ${owner}: inbox ${inbox}, schedule "${cron}". Ctrl+C stops it.`,
  }),
  database: (url: string): Text => ({ es: `Base de datos: ${url}`, en: `Database: ${url}` }),
  localDatabase: (dir: string): Text => ({
    es:
      `MariaDB local del proyecto: datos en ${dir}. Sigue corriendo después de detener Rumbo; ` +
      'deténgala con «node bin/rumbo.js db stop» (estado: «db status»).',
    en: `Project-local MariaDB: data in ${dir}. It keeps running after Rumbo stops; stop it with "node bin/rumbo.js db stop" (state: "db status").`,
  }),
  files: (inbox: string, storage: string, days: number): Text => ({
    es:
      `Archivos: bandeja de entrada ${inbox}; copias recibidas en ${storage}, ` +
      (days > 0 ? `se conservan ${days} días (STORAGE_RETENTION_DAYS).` : 'se conservan siempre (STORAGE_RETENTION_DAYS=0).'),
    en:
      `Files: inbox ${inbox}; received copies in ${storage}, ` +
      (days > 0 ? `kept ${days} days (STORAGE_RETENTION_DAYS).` : 'kept forever (STORAGE_RETENTION_DAYS=0).'),
  }),
};

function onSignals(stop: () => Promise<void>): void {
  const handler = () => {
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    stop()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

function workerFor(
  config: AppConfig,
  ds: Awaited<ReturnType<typeof openDataSource>>,
  logger: ReturnType<typeof createLogger>,
  metrics: Metrics | null,
) {
  const layout = inboxLayout(config.inboxDir, config.storageDir);
  const worker = new ImportWorker({
    ds,
    logger,
    layout,
    cron: config.importCron,
    limits: config.importLimits,
    sandbox: config.parseSandbox,
    leaseMs: config.importStaleAfterMs,
    heartbeatMs: config.importHeartbeatMs,
    maxIssuesPerCode: config.importMaxIssuesPerCode,
    pollMs: config.importPollMs,
    ...(metrics ? { metrics } : {}),
  });
  metrics?.watchPool('worker', ds);
  applyImportHeapPolicy(config.importHeapGrowingPercent);
  const retention = startRetention({ ds, layout, days: config.storageRetentionDays, logger });
  return {
    worker,
    layout,
    stop: async () => {
      await retention.stop();
      await worker.stop();
    },
  };
}

/** Where the data and the files live, said once at start. */
function whereThingsAre(ctx: CommandContext, db: DatabaseReady, withFiles: boolean): void {
  ctx.io.err(ctx.t(say.database(dbBootstrap().redact(db.config.databaseUrl))));
  if (db.local && db.dataDir) ctx.io.err(ctx.t(say.localDatabase(db.dataDir)));
  if (withFiles) {
    const layout = inboxLayout(db.config.inboxDir, db.config.storageDir);
    ctx.io.err(ctx.t(say.files(layout.inbox, layout.storage, db.config.storageRetentionDays)));
  }
}

async function serve(ctx: CommandContext, withWorker: boolean, withDemo: boolean): Promise<number> {
  const db = await ctx.database();
  const { config } = db;
  const runWorker = withWorker && config.runWorker;
  whereThingsAre(ctx, db, true);
  const logger = createLogger(config);
  let running: ReturnType<typeof workerFor> | null = null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs
  const { startHttpServer } = require('../../../src/server/http-server') as typeof import('../../../src/server/http-server');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs
  const { mountIngestionRoutes } = require('../../http/ingestion.routes') as typeof import('../../http/ingestion.routes');
  const server = await startHttpServer(config, logger, {
    // An upload wakes this process's worker at once; other processes' workers find it by polling (IMPORT_POLL_MS).
    routes: (app, services, authenticate) =>
      mountIngestionRoutes(app, services, authenticate, config, logger, { onQueued: () => running?.worker.wake() }),
  });
  // The worker gets its own pool, without the API's database timeouts: an import may run long statements
  // and wait on locks, and must neither be cut at the API's query timeout nor mark the API's database down.
  const workerDs = runWorker ? await openDataSource({ url: config.databaseUrl }) : null;
  if (workerDs) {
    running = workerFor(config, workerDs, logger, server.metrics);
    if (withDemo) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs
      const { enqueueSamples, runDemoReview } = require('../demo-data') as typeof import('../demo-data');
      const queued = await enqueueSamples(running.worker.store, running.layout);
      if (queued) logger.info({ queued }, 'demo workbooks queued for import');
      // once the samples are in: one report sent as an entity, then decided (docs/review.md)
      void runDemoReview(server.services.ds, running.worker.store, running.layout).then(
        (outcome) => logger.info({ outcome }, 'demo review step'),
        (err: unknown) => logger.error({ err }, 'demo review step failed'),
      );
    }
    running.worker.start();
  }
  logger.info({ url: server.url, worker: Boolean(running) }, `Rumbo listening on ${server.url}`);
  ctx.io.err(ctx.t(say.listening(server.url, Boolean(running))));
  onSignals(async () => {
    await running?.stop();
    if (workerDs?.isInitialized) await workerDs.destroy();
    await server.stop();
  });
  return new Promise<number>(() => undefined); // runs until a signal
}

export const startCommand: CliCommand = {
  name: 'start',
  summary: {
    es: 'API, importador y datos de demostración (lo que corre npm start)',
    en: 'API, import worker and demo data (what npm start runs)',
  },
  usage: [''],
  details: {
    es:
      'Encola una vez los libros de ingestion/samples/ por el camino real de importación. El importador corre si\n' +
      'RUN_WORKER=true (por omisión). Puerto: PORT (4000). Dice dónde están la base de datos y los archivos.',
    en:
      'Queues the workbooks of ingestion/samples/ once through the real import path. The worker runs when\n' +
      'RUN_WORKER=true (default). Port: PORT (4000). Says where the database and the files are.',
  },
  usesDatabase: true,
  maxArgs: 0,
  run: (ctx) => serve(ctx, true, true),
};

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: { es: 'solo la API GraphQL (http://HOST:PORT/graphql)', en: 'the GraphQL API alone (http://HOST:PORT/graphql)' },
  usage: [''],
  details: {
    es: 'Subidas en POST /uploads, plantillas en GET /templates/:tipo, salud en /livez y /readyz.',
    en: 'Uploads at POST /uploads, templates at GET /templates/:kind, health at /livez and /readyz.',
  },
  usesDatabase: true,
  maxArgs: 0,
  run: (ctx) => serve(ctx, false, false),
};

export const workerCommand: CliCommand = {
  name: 'worker',
  summary: {
    es: 'solo el importador programado (INBOX_DIR, IMPORT_CRON); pueden correr varios',
    en: 'the scheduled import worker alone (INBOX_DIR, IMPORT_CRON); several may run',
  },
  usage: [''],
  details: {
    es: `Revisa la bandeja según IMPORT_CRON, importa lo pendiente y borra los archivos vencidos (STORAGE_RETENTION_DAYS).`,
    en: `Scans the inbox on IMPORT_CRON, imports what is pending and deletes expired files (STORAGE_RETENTION_DAYS).`,
  },
  usesDatabase: true,
  maxArgs: 0,
  run: async (ctx) => {
    const db = await ctx.database();
    const { config } = db;
    whereThingsAre(ctx, db, true);
    const logger = createLogger(config);
    const ds = await openDataSource({ url: config.databaseUrl });
    // A worker alone serves metrics only on its own listener (METRICS_PORT); it has no public port.
    let metrics: Metrics | null = null;
    let listen: typeof import('../../../src/server/metrics-listener').listenMetrics | null = null;
    if (config.metricsEnabled && config.metricsPort !== null) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- prom-client only when metrics are served
      metrics = new (require('../../../src/server/metrics') as typeof import('../../../src/server/metrics')).Metrics();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- with them
      listen = (require('../../../src/server/metrics-listener') as typeof import('../../../src/server/metrics-listener')).listenMetrics;
    }
    const running = workerFor(config, ds, logger, metrics);
    const metricsServer = metrics && listen ? await listen(metrics, config.metricsPort!, config.metricsHost, logger) : null;
    if (metrics) metrics.watchQueue(ds);
    running.worker.start();
    ctx.io.err(ctx.t(say.workerRunning(running.worker.owner, path.resolve(config.inboxDir), config.importCron)));
    onSignals(async () => {
      metricsServer?.close();
      await running.stop();
      await ds.destroy();
    });
    return new Promise<number>(() => undefined);
  },
};
