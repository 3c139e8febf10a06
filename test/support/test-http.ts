import { AddressInfo } from 'node:net';
import { mountIngestionRoutes } from '../../ingestion/http/ingestion.routes';
import { loadConfig } from '../../src/config/config';
import { createApp } from '../../src/server/app';
import { createLogger, Logger } from '../../src/server/logger';
import { Metrics } from '../../src/server/metrics';
import { createServices } from '../../src/services';
import { TestDatabase } from './test-database';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  body: T;
  text: string;
}

/**
 * The real express app (createApp, default authenticator) listening on a free loopback port; with
 * `ingestion`, the upload/template routes mounted as `rumbo serve` does (set STORAGE_DIR in `env`).
 */
export async function startTestHttp(
  db: TestDatabase,
  env: Record<string, string> = {},
  options: { ingestion?: boolean; logger?: Logger; onEnqueued?: (batchId: number) => void; metrics?: Metrics } = {},
) {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, ...env });
  const services = createServices(db.ds, config);
  const running = await createApp({
    config,
    services,
    logger: options.logger ?? createLogger({ logLevel: 'silent' }),
    ...(options.ingestion
      ? {
          routes: (app, s, authenticate) =>
            mountIngestionRoutes(app, s, authenticate, config, options.logger ?? createLogger(config), { onQueued: options.onEnqueued }),
        }
      : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  await new Promise<void>((resolve) => running.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(running.httpServer.address() as AddressInfo).port}`;

  async function request(path: string, init: RequestInit = {}): Promise<HttpResult> {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body, text };
  }

  /** POST /graphql with a JSON body; `token` becomes `Authorization: Bearer <token>`. */
  function gql(query: string, options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    return request('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables: options.variables ?? {} }),
    });
  }

  return { config, services, base, request, gql, metrics: running.metrics, stop: () => running.apollo.stop() };
}
