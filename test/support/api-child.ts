/**
 * A second API process for the figures-cache test: the real app (createApp, PUBLIC_READ) on its own data
 * source and its own FiguresCache, against the database CHILD_DATABASE_URL. Prints `listening <base>` once
 * it answers; `GET /test/figures-stats` and `GET /test/response-stats` return its caches' stats(). Stops on SIGTERM.
 */
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { MIGRATIONS } from '../../migrations';
import { loadConfig } from '../../src/config/config';
import { openDataSource } from '../../src/database/data-source';
import { createApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { createServices } from '../../src/services';

async function main(): Promise<void> {
  const url = process.env.CHILD_DATABASE_URL!;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, PUBLIC_READ: 'true' });
  const ds = await openDataSource({ url, migrations: MIGRATIONS });
  const services = createServices(ds, config);
  const running = await createApp({
    config,
    services,
    logger: createLogger({ logLevel: 'silent' }),
    webDir: false,
    routes: (app) => {
      app.get('/test/figures-stats', (_req, res) => void res.json(services.figures.stats()));
      app.get('/test/response-stats', (_req, res) => void res.json(services.responses.stats()));
    },
  });
  await new Promise<void>((resolve) => running.httpServer.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`listening http://127.0.0.1:${(running.httpServer.address() as AddressInfo).port}\n`);
  process.once('SIGTERM', () => {
    void running.apollo
      .stop()
      .then(() => ds.destroy())
      .then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err));
  process.exit(1);
});
