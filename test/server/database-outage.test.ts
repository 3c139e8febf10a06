import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/config';
import { openDataSource } from '../../src/database/data-source';
import { createApp } from '../../src/server/app';
import { createServices } from '../../src/services';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { insertPolicyFixture } from '../support/fixtures';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TIMEOUTS = { DATABASE_CONNECT_TIMEOUT_MS: '2000', DATABASE_ACQUIRE_TIMEOUT_MS: '2000', DATABASE_QUERY_TIMEOUT_MS: '2500' };
const QUERY_TIMEOUT_MS = 2500;
const QUERY = '{ policies { totalCount nodes { code progress(cut: "2024-06-30") { total { toDate { progress } } } } } }';

describe('the API while its database is frozen or gone', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let viaProxy: DataSource;
  let base: string;
  let token: string;
  let stop: () => Promise<void>;
  const logs: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('api_outage');
    await insertPolicyFixture(db.ds, 'OUT', 5);
    token = (await createSecurityServices(db.ds).tokens.create({ role: Role.VIEWER, createdBy: 'test' })).secret;
    const u = new URL(db.url);
    proxy = new TcpProxy({ host: u.hostname, port: Number(u.port || 3306) });
    await proxy.open();
    u.hostname = '127.0.0.1';
    u.port = String(proxy.port);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: u.toString(), ...TIMEOUTS });
    viaProxy = await openDataSource({ url: config.databaseUrl, timeouts: config.databaseTimeouts, poolSize: 4 });
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    const running = await createApp({ config, services: createServices(viaProxy, config), logger: pino({ level: 'info' }, sink) });
    await new Promise<void>((resolve) => running.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(running.httpServer.address() as AddressInfo).port}`;
    stop = () => running.apollo.stop();
  });
  afterAll(async () => {
    proxy?.thaw();
    await stop?.();
    if (viaProxy?.isInitialized) await viaProxy.destroy();
    await proxy?.cut();
    await db.drop();
  });

  const timed = async (path: string, init?: RequestInit) => {
    const started = Date.now();
    const res = await fetch(`${base}${path}`, init);
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
    return {
      ms: Date.now() - started,
      status: res.status,
      body,
      code: body.errors?.[0]?.extensions?.code,
      retryAfter: res.headers.get('retry-after'),
    };
  };
  const gql = () =>
    timed('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    });
  const waitUntilServed = async () => {
    const deadline = Date.now() + 30_000;
    let last = await gql();
    while (last.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      last = await gql();
    }
    return last;
  };

  beforeEach(async () => {
    expect((await waitUntilServed()).status).toBe(200);
  });
  afterEach(async () => {
    proxy.thaw();
    if (!proxy.isOpen) await proxy.open();
  });

  it('/readyz answers 503 within 2 s once the database freezes', async () => {
    proxy.freeze();
    const ready = await timed('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2000);
    proxy.thaw();
    expect((await waitUntilServed()).status).toBe(200);
    expect((await timed('/readyz')).status).toBe(200);
  });

  it('answers GraphQL within bounded time with 503 DATABASE_UNAVAILABLE while frozen, and recovers', async () => {
    proxy.freeze();
    // 20 requests at once on a pool of 4 frozen connections: every one refused, none waits past the query timeout.
    const burst = await Promise.all(Array.from({ length: 20 }, () => gql()));
    for (const r of burst)
      expect({ status: r.status, code: r.code, retryAfter: r.retryAfter }).toEqual({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        retryAfter: '2',
      });
    const slowest = Math.max(...burst.map((r) => r.ms));
    expect(slowest).toBeLessThan(QUERY_TIMEOUT_MS + 2500);
    // Once the outage is known, requests are refused at once, and so is readiness.
    const after = await gql();
    expect({ status: after.status, code: after.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(after.ms).toBeLessThan(1000);
    const ready = await timed('/readyz');
    expect({ status: ready.status, fast: ready.ms < 1000 }).toEqual({ status: 503, fast: true });

    proxy.thaw();
    const back = await waitUntilServed();
    expect(back.status).toBe(200);
    expect(back.body.data).toMatchObject({ policies: { totalCount: 1 } });
    console.log(`frozen database: slowest of 20 concurrent requests ${slowest} ms, later requests ${after.ms} ms`);
  });

  it('says the same when the database refuses connections, and logs no errors for it', async () => {
    await proxy.cut();
    const down = await gql();
    expect({ status: down.status, code: down.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(down.ms).toBeLessThan(QUERY_TIMEOUT_MS + 2500);
    // A query the response cache answers (server/response-cache.plugin.ts) reads the data versions first: the same 503.
    const cacheable = await timed('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ policy(code: "PP-1") { code progress(cut: "2024-06-30") { cut } } }' }),
    });
    expect({ status: cacheable.status, code: cacheable.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect((await timed('/readyz')).status).toBe(503);
    await proxy.open();
    expect((await waitUntilServed()).status).toBe(200);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(logs.some((l) => l.msg.startsWith('database unavailable'))).toBe(true);
  });
});
