import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { inboxLayout } from '../../ingestion/worker/inbox.scanner';
import { loadConfig } from '../../src/config/config';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { startHttpServer } from '../../src/server/http-server';
import { createLogger } from '../../src/server/logger';
import { Metrics } from '../../src/server/metrics';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createHarness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

const logger = createLogger({ logLevel: 'silent' });

/** The value of one series in an exposition text, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[4]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let db: TestDatabase;
  let admin: string;
  let entity: string;
  const dirs = mkdtempSync(path.join(tmpdir(), 'rumbo-i15-ops-metrics-'));
  const env = { STORAGE_DIR: path.join(dirs, 'storage'), INBOX_DIR: path.join(dirs, 'inbox') };

  beforeAll(async () => {
    db = await createTestDatabase('i15_ops_metrics');
    expect((await createHarness(db).importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(
      ImportStatus.IMPORTED,
    );
    const tokens = createSecurityServices(db.ds).tokens;
    admin = (await tokens.create({ role: Role.ADMIN, createdBy: 'test' })).secret;
    const [{ code }] = (await db.ds.query('SELECT code FROM entities ORDER BY id LIMIT 1')) as { code: string }[];
    entity = (await tokens.create({ role: Role.ENTITY, entityCode: code, createdBy: 'test' })).secret;
  });
  afterAll(async () => {
    await db.drop();
    await fs.rm(dirs, { recursive: true, force: true });
  });

  it('after a GraphQL query and an import, a scrape shows requests, operations, batches, phases, queue, pool, Node and cache series', async () => {
    const metrics = new Metrics();
    const api = await startTestHttp(db, env, { ingestion: true, metrics });
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, ...env });
    const worker = new ImportWorker({
      ds: db.ds,
      logger,
      layout: inboxLayout(config.inboxDir, config.storageDir),
      cron: '0 0 1 1 *',
      pollMs: null,
      watchInbox: false,
      metrics,
    });
    try {
      let hits = 0;
      metrics.registerCacheStats(() => ({ hits: ++hits, misses: 7, entries: 3 }));
      const q = await api.gql('query PoliciesForMetrics { policies(first: 5) { totalCount } }', { token: admin });
      expect(q.status).toBe(200);
      expect(q.body.errors).toBeUndefined();

      const upload = async (bytes: Buffer) => {
        const form = new FormData();
        form.append('file', new Blob([bytes]), 'reporte.xlsx');
        return api.request('/uploads', { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
      };
      expect((await upload(workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }))).status).toBe(202);
      const bad = REPORTS.map((r, i) => (i === 0 ? { ...r, value: 'mucho' } : r));
      expect((await upload(workbookOf(ImportKind.REPORTE, { Reporte: bad }))).status).toBe(202);

      // Two pending: the gauges read the queue on the scrape.
      const queued = await api.request('/metrics', { headers: { authorization: `Bearer ${admin}` } });
      expect(queued.status).toBe(200);
      expect(queued.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
      expect(sample(queued.text, 'rumbo_import_queue_depth')).toBe(2);
      expect(sample(queued.text, 'rumbo_import_queue_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);

      expect(await worker.runOnce()).toBe(2);
      const statuses = (await db.ds.getRepository(ImportBatchRecord).find({ order: { id: 'ASC' } })).map((b) => b.status);
      expect(statuses.slice(-2)).toEqual([ImportStatus.IMPORTED, ImportStatus.REJECTED]);

      const res = await api.request('/metrics', { headers: { authorization: `Bearer ${admin}` } });
      const text = res.text;
      expect(sample(text, 'rumbo_graphql_request_duration_seconds_count', { operation: 'PoliciesForMetrics', type: 'query' })).toBe(1);
      expect(sample(text, 'rumbo_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' })).toBe(1);
      expect(sample(text, 'rumbo_http_request_duration_seconds_count', { route: '/uploads', method: 'POST', status: '202' })).toBe(2);
      expect(sample(text, 'rumbo_import_batches_total', { kind: 'REPORTE', outcome: 'IMPORTED' })).toBe(1);
      expect(sample(text, 'rumbo_import_batches_total', { kind: 'REPORTE', outcome: 'REJECTED' })).toBe(1);
      expect(sample(text, 'rumbo_import_phase_duration_seconds_count', { phase: 'parse' })).toBe(2);
      expect(sample(text, 'rumbo_import_phase_duration_seconds_count', { phase: 'validate' })).toBe(2);
      expect(sample(text, 'rumbo_import_phase_duration_seconds_count', { phase: 'import' })).toBe(1); // a rejected batch imports nothing
      expect(sample(text, 'rumbo_import_queue_depth')).toBe(0);
      expect(sample(text, 'rumbo_import_queue_oldest_pending_seconds')).toBe(0);
      expect(sample(text, 'rumbo_db_pool_connections', { pool: 'api', state: 'all' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'rumbo_db_pool_connections', { pool: 'api', state: 'free' })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'rumbo_db_pool_connections', { pool: 'api', state: 'queue' })).toBe(0);
      expect(sample(text, 'rumbo_process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(sample(text, 'rumbo_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      // The cache hook is read on every scrape (the fake getter counts its calls).
      expect(sample(text, 'rumbo_progress_cache_hits')).toBe(hits);
      expect(hits).toBe(2);
      expect(sample(text, 'rumbo_progress_cache_misses')).toBe(7);
      expect(sample(text, 'rumbo_progress_cache_entries')).toBe(3);
    } finally {
      await worker.stop();
      await api.stop();
    }
  });

  it('the progress cache of the API process is wired in: a policy read twice is one miss then one hit', async () => {
    // Without the response cache, which would answer the second read whole (its own gauges: response-cache.test.ts).
    const api = await startTestHttp(db, { ...env, RESPONSE_CACHE_MAX_ENTRIES: '0' });
    try {
      const [{ code }] = (await db.ds.query('SELECT code FROM policies ORDER BY id LIMIT 1')) as { code: string }[];
      const read = async () => {
        const r = await api.gql(
          `query CachedProgress { policy(code: "${code}") { progress(cut: "2025-06-30") { cut total { productCount toDate { progress } } } } }`,
          {
            token: admin,
          },
        );
        expect(r.body.errors).toBeUndefined();
        return r.body.data;
      };
      const scrape = async () => (await api.request('/metrics', { headers: { authorization: `Bearer ${admin}` } })).text;
      const before = await scrape();
      const misses0 = sample(before, 'rumbo_progress_cache_misses') ?? 0;
      const hits0 = sample(before, 'rumbo_progress_cache_hits') ?? 0;
      expect(await read()).toEqual(await read());
      const after = await scrape();
      expect(sample(after, 'rumbo_progress_cache_misses')).toBe(misses0 + 1);
      expect(sample(after, 'rumbo_progress_cache_hits')).toBe(hits0 + 1);
      expect(sample(after, 'rumbo_progress_cache_entries')).toBeGreaterThanOrEqual(1);
    } finally {
      await api.stop();
    }
  });

  it('on the public port: 401 without a token, 403 for a non-ADMIN token, with Spanish messages', async () => {
    const api = await startTestHttp(db, env);
    try {
      const none = await api.request('/metrics');
      expect(none.status).toBe(401);
      expect(none.body).toEqual({
        error: 'Las métricas requieren un token ADMIN: envíe «Authorization: Bearer <token>».',
        code: 'UNAUTHENTICATED',
      });
      const wrong = await api.request('/metrics', { headers: { authorization: 'Bearer nada' } });
      expect(wrong.status).toBe(401);
      const ent = await api.request('/metrics', { headers: { authorization: `Bearer ${entity}` } });
      expect(ent.status).toBe(403);
      expect(ent.body).toEqual({ error: 'Las métricas solo se muestran con un token ADMIN.', code: 'FORBIDDEN' });
      expect(ent.text).not.toMatch(/rumbo_/);
    } finally {
      await api.stop();
    }
    // PUBLIC_READ gives anonymous VIEWER reads, never metrics.
    const open = await startTestHttp(db, { ...env, PUBLIC_READ: 'true' });
    try {
      expect((await open.request('/metrics')).status).toBe(403);
    } finally {
      await open.stop();
    }
  });

  it('METRICS_ENABLED=false: no /metrics at all', async () => {
    const api = await startTestHttp(db, { ...env, METRICS_ENABLED: 'false' });
    try {
      const res = await api.request('/metrics', { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status).not.toBe(200);
      expect(res.text).not.toMatch(/rumbo_http_request/);
    } finally {
      await api.stop();
    }
  });

  it('with METRICS_PORT: served without a token on their own loopback listener, and not on the public port', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', METRICS_PORT: '0', ...env });
    expect(config.metricsHost).toBe('127.0.0.1');
    const server = await startHttpServer(config, logger);
    try {
      expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const publicBase = server.url.replace(/\/graphql$/, '');
      expect(server.metricsUrl!.startsWith(publicBase.replace('localhost', '127.0.0.1'))).toBe(false);
      await fetch(`${publicBase}/livez`);
      const res = await fetch(server.metricsUrl!);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(sample(text, 'rumbo_http_request_duration_seconds_count', { route: '/livez', method: 'GET', status: '200' })).toBe(1);
      const [{ n }] = (await db.ds.query("SELECT COUNT(*) AS n FROM import_batches WHERE status = 'PENDING'")) as { n: number }[];
      expect(sample(text, 'rumbo_import_queue_depth')).toBe(Number(n));
      const onPublic = await fetch(`${publicBase}/metrics`, { headers: { authorization: `Bearer ${admin}` } });
      expect(onPublic.status).not.toBe(200);
      expect(await onPublic.text()).not.toMatch(/rumbo_http_request/);
      expect((await fetch(server.metricsUrl!.replace('/metrics', '/graphql'))).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it('refuses a METRICS_PORT that is not a port, in Spanish', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', METRICS_PORT: 'noventa' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ NODE_ENV: 'test', IMPORT_POLL_MS: '0' })).toThrow(/IMPORT_POLL_MS/);
  });
});
