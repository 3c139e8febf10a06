/**
 * The real express + Apollo app (createApp) on a loopback port, with an `authenticate` hook that
 * makes every request an ADMIN (benchmarks measure the API, not token checks), and a small client.
 */
import { AddressInfo } from 'node:net';
import { AppConfig, loadConfig } from '../../src/config/config';
import { createApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { createServices } from '../../src/services';
import { SYSTEM_ADMIN } from '../../src/services/viewer';
import { BenchDatabase } from './bench-db';

/** The app as it computed every request before the figures cache (docs/scaling.md). */
export const NO_FIGURES_CACHE = { PROGRESS_CACHE_MAX_ENTRIES: '0' } as const;

export interface BenchApi {
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  config: AppConfig;
  stop: () => Promise<void>;
}

/**
 * `env` adds settings, e.g. `{ PROGRESS_CACHE_MAX_ENTRIES: '0' }` for the app without the figures cache
 * (what every request cost before it: the "today" of the cache's targets).
 */
export async function startApi(db: BenchDatabase, env: Record<string, string> = {}): Promise<BenchApi> {
  // Production settings (no IDE, no introspection), the default limits; logs off.
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: db.url, LOG_LEVEL: 'silent', ...env });
  const services = createServices(db.ds, config);
  const running = await createApp({ config, services, logger: createLogger(config), authenticate: async () => SYSTEM_ADMIN });
  await new Promise<void>((resolve) => running.httpServer.listen(0, '127.0.0.1', resolve));
  const port = (running.httpServer.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/graphql`, config, stop: () => running.apollo.stop() };
}

export interface GqlResponse<T> {
  status: number;
  body: { data?: T; errors?: { message: string }[] };
}

/** POST a GraphQL operation; throws on a non-200 status or GraphQL errors. */
export async function gql<T = unknown>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GqlResponse<T>['body'];
  if (res.status !== 200 || body.errors?.length) {
    throw new Error(`GraphQL ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data as T;
}

export { DASHBOARD_QUERY } from '../../test/support/dashboard-query';
