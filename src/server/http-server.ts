import { AddressInfo } from 'node:net';
import { AppConfig } from '../config/config';
import { guardOf } from '../database/database-guard';
import { openDataSource } from '../database/data-source';
import { createServices, Services } from '../services';
import { createApp, AppDeps, RunningApp } from './app';
import { Logger } from './logger';
import { listenMetrics } from './metrics-listener';

export interface StartedServer extends RunningApp {
  services: Services;
  url: string;
  /** With METRICS_PORT: where the metrics listener answers (`http://host:port/metrics`). */
  metricsUrl: string | null;
  /** Stops accepting requests, lets in-flight ones finish, closes the pool. */
  stop: () => Promise<void>;
}

/** Opens the database, builds the app and listens on the configured port. */
export async function startHttpServer(
  config: AppConfig,
  logger: Logger,
  extra: Pick<AppDeps, 'authenticate' | 'plugins' | 'routes' | 'metrics'> = {},
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
  const metricsServer =
    running.metrics && config.metricsPort !== null
      ? await listenMetrics(running.metrics, config.metricsPort, config.metricsHost, logger)
      : null;
  const metricsAddress = metricsServer?.address() as AddressInfo | undefined;
  const metricsUrl = metricsAddress ? `http://${hostForUrl(metricsAddress.address)}:${metricsAddress.port}/metrics` : null;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (metricsServer) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      await running.apollo.stop();
      guardOf(ds)?.close();
      if (ds.isInitialized) await ds.destroy();
    })());
  return { ...running, services, url, metricsUrl, stop };
}

const hostForUrl = (address: string): string => (address.includes(':') ? `[${address}]` : address);
