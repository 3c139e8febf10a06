import { AddressInfo } from 'node:net';
import { AppConfig } from '../config/config';
import { guardOf } from '../database/database-guard';
import { openDataSource } from '../database/data-source';
import { createServices, Services } from '../services';
import { createApp, AppDeps, RunningApp } from './app';
import { Logger } from './logger';

export interface StartedServer extends RunningApp {
  services: Services;
  url: string;
  /** Stops accepting requests, lets in-flight ones finish, closes the pool. */
  stop: () => Promise<void>;
}

/** Opens the database, builds the app and listens on the configured port. */
export async function startHttpServer(
  config: AppConfig,
  logger: Logger,
  extra: Pick<AppDeps, 'authenticate' | 'plugins' | 'routes'> = {},
): Promise<StartedServer> {
  // Read replicas only here: the API reads from them; the worker and the CLI use the primary alone.
  const ds = await openDataSource({ url: config.databaseUrl, timeouts: config.databaseTimeouts, replication: config.databaseReplicas });
  const services = createServices(ds, config);
  const running = await createApp({ config, services, logger, ...extra });
  await new Promise<void>((resolve, reject) => {
    running.httpServer.once('error', reject);
    running.httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = running.httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}/graphql`;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await running.apollo.stop();
      guardOf(ds)?.close();
      if (ds.isInitialized) await ds.destroy();
    })());
  return { ...running, services, url, stop };
}
