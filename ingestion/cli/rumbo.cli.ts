/**
 * The `rumbo` command (bin/rumbo.js). This is the composition root: it may use both src/ and ingestion/.
 *   rumbo serve | worker | start | import FILE… | validate FILE… | template plan|reporte|instancia -o FILE | token …
 */
import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tokenCommand } from '../../src/cli/token.command';
import { AppConfig, ConfigError, loadConfig } from '../../src/config/config';
import { openDataSource } from '../../src/database/data-source';
import { ImportKind } from '../../src/domain/enums';
import { createServices } from '../../src/services';
import { createLogger } from '../../src/server/logger';
import { startHttpServer } from '../../src/server/http-server';
import { buildTemplate } from '../templates/template.writer';
import { ImportWorker } from '../worker/import.worker';
import { inboxLayout } from '../worker/inbox.scanner';
import { CliIo, processIo } from './cli.io';
import { enqueueSamples, runDemoReview } from './demo-data';
import { importFiles, validateFiles } from './import.command';
import { mountIngestionRoutes } from '../http/ingestion.routes';

export const USAGE = `Uso: rumbo <comando>
  serve                         API GraphQL en http://localhost:$PORT/graphql
  worker                        importador programado (INBOX_DIR, IMPORT_CRON)
  start                         API + importador + datos de demostración (npm start)
  import ARCHIVO…               importa ya; sale con código 1 si algún libro es rechazado
  validate ARCHIVO…             revisa sin escribir nada (simulación)
  template plan|reporte|instancia -o ARCHIVO   escribe la plantilla en blanco
  token create|revoke|list …    tokens de acceso (rumbo token --help)`;

function workerFor(
  config: AppConfig,
  ds: Awaited<ReturnType<typeof openDataSource>>,
  logger: ReturnType<typeof createLogger>,
): ImportWorker {
  return new ImportWorker({
    ds,
    logger,
    layout: inboxLayout(config.inboxDir, config.storageDir),
    cron: config.importCron,
    limits: config.importLimits,
    sandbox: config.parseSandbox,
  });
}

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

async function serve(config: AppConfig, withWorker: boolean, withDemo: boolean, io: CliIo): Promise<number> {
  const logger = createLogger(config);
  const server = await startHttpServer(config, logger, {
    routes: (app, services, authenticate) => mountIngestionRoutes(app, services, authenticate, config),
  });
  let worker: ImportWorker | null = null;
  if (withWorker) {
    worker = workerFor(config, server.services.ds, logger);
    if (withDemo) {
      const queued = await enqueueSamples(worker.store, inboxLayout(config.inboxDir, config.storageDir));
      if (queued) logger.info({ queued }, 'demo workbooks queued for import');
      // once the samples are in: one report sent as an entity, then decided (docs/review.md)
      void runDemoReview(server.services.ds, worker.store, inboxLayout(config.inboxDir, config.storageDir)).then(
        (outcome) => logger.info({ outcome }, 'demo review step'),
        (err: unknown) => logger.error({ err }, 'demo review step failed'),
      );
    }
    worker.start();
  }
  logger.info({ url: server.url, worker: Boolean(worker) }, `Rumbo listening on ${server.url}`);
  io.err(`Rumbo: ${server.url}${worker ? ' (with the import worker)' : ''}`);
  onSignals(async () => {
    await worker?.stop();
    await server.stop();
  });
  return new Promise<number>(() => undefined); // runs until a signal
}

export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'template') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { output: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    });
    const kind = { plan: ImportKind.PLAN, reporte: ImportKind.REPORTE, instancia: ImportKind.INSTANCIA }[
      (positionals[0] ?? '').toLowerCase()
    ];
    if (!kind || !values.output) {
      io.err('Uso: rumbo template plan|reporte|instancia -o ARCHIVO.xlsx');
      return 2;
    }
    await fs.writeFile(values.output, buildTemplate(kind));
    io.out(`Plantilla ${kind} escrita en ${path.resolve(values.output)}`);
    return 0;
  }
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  switch (command) {
    case 'serve':
      return serve(config, false, false, io);
    case 'start':
      return serve(config, config.runWorker, true, io);
    case 'worker': {
      const logger = createLogger(config);
      const ds = await openDataSource({ url: config.databaseUrl });
      const worker = workerFor(config, ds, logger);
      worker.start();
      io.err(`Rumbo worker ${worker.owner}: inbox ${path.resolve(config.inboxDir)}, schedule "${config.importCron}"`);
      onSignals(async () => {
        await worker.stop();
        await ds.destroy();
      });
      return new Promise<number>(() => undefined);
    }
    case 'import':
    case 'validate': {
      if (rest.length === 0) {
        io.err(`Uso: rumbo ${command} ARCHIVO…`);
        return 2;
      }
      const ds = await openDataSource({ url: config.databaseUrl, poolSize: 2 });
      try {
        const deps = {
          ds,
          io,
          layout: inboxLayout(config.inboxDir, config.storageDir),
          limits: config.importLimits,
          sandbox: config.parseSandbox,
        };
        return command === 'import' ? await importFiles(rest, deps) : await validateFiles(rest, deps);
      } finally {
        await ds.destroy();
      }
    }
    case 'token': {
      const ds = await openDataSource({ url: config.databaseUrl, poolSize: 2 });
      try {
        return await tokenCommand(rest, io, { tokens: createServices(ds, config).tokens });
      } finally {
        await ds.destroy();
      }
    }
    default:
      io.err(`Comando desconocido: ${command}\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
