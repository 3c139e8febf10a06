/**
 * The metrics listener of METRICS_PORT, apart from the API's HTTP server so that a process without the
 * API (`rumbo worker`) serves its metrics without loading the API's modules.
 */
import http from 'node:http';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/** The metrics listener of METRICS_PORT: GET /metrics only, no token (keep it off public networks: METRICS_HOST). */
export async function listenMetrics(metrics: Metrics, port: number, host: string, logger: Logger): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: 'Solo GET /metrics.' }));
      return;
    }
    metrics.scrape().then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      (err: unknown) => {
        logger.error({ err }, 'metrics scrape failed');
        res
          .writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ error: 'Error interno del servidor' }));
      },
    );
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  server.unref();
  return server;
}
