/**
 * The response cache (docs/scaling.md, «Caché de respuestas») across two API processes on one database: the
 * jest process's app and a child process's app (test/support/api-child.ts), each with its own caches, plus
 * a third app with the caches off (PROGRESS_CACHE_MAX_ENTRIES=0) as the reference. Every write that changes
 * what a cached answer shows must show in both at once; viewers are kept apart; answers with errors or
 * without their policy are never stored.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { instanciaObjects, INSTANCE_ENTITIES } from '../../ingestion/test-support/instancia.fixture';
import { GOALS, planObjects, PRODUCTS, OBJECTIVES, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { RowObject, workbookOf } from '../../ingestion/test-support/workbook.builder';
import { DASHBOARD_QUERY } from '../support/dashboard-query';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

const P = 'PP-EJ';
const CUT = '2024-12-31';
/** Everything the allow-list lets a query read of a policy, more than the dashboard. */
const WIDE = `query Wide($code: String!, $cut: Date, $basis: ReportBasis! = APPROVED) {
  policy(code: $code) {
    id code name legalAct adoptionDate startYear endYear vigencias highThreshold mediumThreshold reviewRequired
    objectives { number text progress(cut: $cut, basis: $basis) { productCount toDate { progress } } }
    progress(cut: $cut, basis: $basis) {
      cut
      total { productCount withdrawnCount pendingReviewCount toDate { progress ideal gap } lights { alto medio bajo notDue } }
      bySector { sector { name } progress { productCount } }
    }
    products(first: 100, cut: $cut) {
      totalCount
      nodes { code name indicator unit status withdrawnFrom weight qualityFlags progress(cut: $cut, basis: $basis) { achieved pendingReview trafficLight } }
    }
  }
}`;

type Api = { base: string };

async function post(api: Api, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return body;
}

/** The child API process (test/support/api-child.ts), once it listens. */
function startChild(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '..', 'support', 'api-child.ts')], {
    env: { ...process.env, CHILD_DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ child, base: m[1]! });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`api-child exited with ${code}: ${err}`)));
  });
}

describe('response cache across two API processes', () => {
  let db: TestDatabase;
  let harness: Harness;
  let local: Awaited<ReturnType<typeof startTestHttp>>;
  let uncached: Awaited<ReturnType<typeof startTestHttp>>;
  let remote: { child: ChildProcess; base: string };
  let admin: string;
  let entityToken: string;
  let viewerToken: string;
  let entityId: number;

  const remoteStats = async () =>
    (await (await fetch(`${remote.base}/test/response-stats`)).json()) as { hits: number; misses: number; entries: number };
  const localStats = () => local.services.responses.stats();
  const wide = (api: Api, variables: Record<string, unknown> = {}, token?: string) =>
    post(api, WIDE, { code: P, cut: CUT, ...variables }, token);

  /**
   * Reads WIDE and the dashboard twice in both caching processes: the second read of each is a hit, and
   * every answer equals the uncached app's byte for byte. Returns WIDE's policy.
   */
  async function agreed(variables: Record<string, unknown> = {}): Promise<any> {
    const reference = JSON.stringify(await wide(uncached, variables));
    const dashboard = JSON.stringify(await post(uncached, DASHBOARD_QUERY, { code: P, cut: CUT }));
    for (const api of [local, remote]) {
      const stats = api === local ? async () => localStats() : remoteStats;
      for (let i = 0; i < 2; i++) {
        const before = await stats();
        expect(JSON.stringify(await wide(api, variables))).toBe(reference);
        expect(JSON.stringify(await post(api, DASHBOARD_QUERY, { code: P, cut: CUT }))).toBe(dashboard);
        const after = await stats();
        if (i === 1) expect(after.hits - before.hits).toBe(2); // the second read: both from the cache
      }
    }
    return JSON.parse(reference).data.policy;
  }

  const importOk = async (
    kind: ImportKind,
    sheets: Record<string, RowObject[]>,
    name: string,
    uploader?: { name: string; entityId: number },
  ) => {
    const outcome = await harness.importBytes(workbookOf(kind, sheets), name, uploader);
    expect(outcome.status).toBe(ImportStatus.IMPORTED);
  };
  const product = (p: any, code: string) => p.products.nodes.find((n: any) => n.code === code);

  beforeAll(async () => {
    db = await createTestDatabase('response_cache');
    harness = createHarness(db);
    await importOk(ImportKind.PLAN, planObjects(), 'plan.xlsx');
    await importOk(ImportKind.REPORTE, { Reporte: REPORTS }, 'r.xlsx');
    entityId = Number(((await db.ds.query("SELECT id FROM entities WHERE code = '02'")) as { id: number }[])[0]!.id);
    const tokens = createSecurityServices(db.ds).tokens;
    admin = (await tokens.create({ role: Role.ADMIN, name: 'oficina', createdBy: 'test' })).secret;
    entityToken = (await tokens.create({ role: Role.ENTITY, entityCode: '02', name: 'entidad', createdBy: 'test' })).secret;
    viewerToken = (await tokens.create({ role: Role.VIEWER, name: 'lector', createdBy: 'test' })).secret;
    local = await startTestHttp(db, { PUBLIC_READ: 'true' });
    uncached = await startTestHttp(db, { PUBLIC_READ: 'true', PROGRESS_CACHE_MAX_ENTRIES: '0' });
    remote = await startChild(db.url);
  });
  afterAll(async () => {
    if (remote) {
      const exited = new Promise((resolve) => remote.child.once('exit', resolve));
      remote.child.kill('SIGTERM');
      await exited;
    }
    await local?.stop();
    await uncached?.stop();
    await db.drop();
  });

  it('is on by default and off with the figures cache (PROGRESS_CACHE_MAX_ENTRIES=0) or RESPONSE_CACHE_MAX_ENTRIES=0', async () => {
    expect(local.services.responses.enabled).toBe(true);
    expect(local.services.responses.maxEntries).toBe(200);
    expect(uncached.services.responses.enabled).toBe(false);
    const off = await startTestHttp(db, { PUBLIC_READ: 'true', RESPONSE_CACHE_MAX_ENTRIES: '0' });
    try {
      expect(off.services.responses.enabled).toBe(false);
      expect(off.services.figures.enabled).toBe(true);
      await wide(off);
      await wide(off);
      expect(off.services.responses.stats()).toEqual({ hits: 0, misses: 0, entries: 0 });
    } finally {
      await off.stop();
    }
  });

  it('a REPORTE import, read → write → read, shows the new values in both processes', async () => {
    const before = await agreed();
    await importOk(
      ImportKind.REPORTE,
      { Reporte: REPORTS.map((r) => (r.productCode === 'B' && r.period === 'T2' ? { ...r, value: 30 } : r)) },
      'r2.xlsx',
    );
    const after = await agreed();
    expect(product(after, 'B').progress.achieved).toBe(product(before, 'B').progress.achieved + 20);
  });

  it('a PLAN import (names, objective text, a product withdrawn) shows in both processes', async () => {
    const before = await agreed();
    expect(product(before, 'E').status).toBe('VIGENTE');
    await importOk(
      ImportKind.PLAN,
      planObjects({
        Objetivos: OBJECTIVES.map((o) => (o.number === 1 ? { ...o, text: 'Prevenir toda violencia' } : o)),
        Productos: PRODUCTS.filter((p) => p.code !== 'E').map((p) => (p.code === 'A' ? { ...p, name: 'Producto A renombrado' } : p)),
        Metas: GOALS.filter((g) => g.productCode !== 'E'),
      }),
      'plan2.xlsx',
    );
    const after = await agreed();
    expect(product(after, 'A').name).toBe('Producto A renombrado');
    expect(after.objectives[0].text).toBe('Prevenir toda violencia');
    expect(product(after, 'E').status).toBe('NO_VIGENTE');
    expect(product(after, 'E').withdrawnFrom).not.toBeNull();
  });

  it('approving and returning a report (each in one process) shows in the other', async () => {
    await importOk(
      ImportKind.REPORTE,
      { Reporte: [{ policyCode: P, productCode: 'C', year: 2024, period: 'ANUAL', value: 8 }] },
      'e.xlsx',
      {
        name: 'entidad-02',
        entityId,
      },
    );
    const pending = await agreed();
    expect(product(pending, 'C').progress).toMatchObject({ pendingReview: true, achieved: 0 });
    const id = (
      (await post(local, `{ product(policyCode: "${P}", code: "C") { reports { id } } }`)).data.product.reports as { id: string }[]
    )[0]!.id;
    await post(local, `mutation { approveReports(ids: ["${id}"]) { count } }`, {}, admin);
    expect(product(await agreed(), 'C').progress).toMatchObject({ pendingReview: false, achieved: 8 });

    await importOk(
      ImportKind.REPORTE,
      { Reporte: [{ policyCode: P, productCode: 'C', year: 2024, period: 'ANUAL', value: 12 }] },
      'e2.xlsx',
      {
        name: 'entidad-02',
        entityId,
      },
    );
    expect(product(await agreed({ basis: 'SUBMITTED' }), 'C').progress).toMatchObject({ pendingReview: true, achieved: 12 });
    await post(remote, `mutation { returnReports(ids: ["${id}"], comment: "Falta la evidencia") { count } }`, {}, admin);
    expect(product(await agreed({ basis: 'SUBMITTED' }), 'C').progress).toMatchObject({ pendingReview: false, achieved: 12 });
    expect(product(await agreed(), 'C').progress).toMatchObject({ pendingReview: false, achieved: 8 });
  });

  it('closing and reopening a period and publishing a cut: the answers stay the computed ones', async () => {
    await agreed();
    await post(local, `mutation { closePeriod(policyCode: "${P}", year: 2024, period: "ANUAL") { id } }`, {}, admin);
    await agreed();
    await post(remote, `mutation { reopenPeriod(policyCode: "${P}", year: 2024, period: "ANUAL") { id } }`, {}, admin);
    await agreed();
    await post(local, `mutation { publishCut(policyCode: "${P}", cut: "${CUT}", title: "Informe 001") { id } }`, {}, admin);
    await agreed();
  });

  it("an entity's new sector (INSTANCIA workbook) moves the breakdown by sector in both processes", async () => {
    const before = await agreed();
    expect(before.progress.bySector.map((s: any) => s.sector.name)).toEqual(['Gobierno']);
    const entities = INSTANCE_ENTITIES.map((e) => (e.code === '02' ? { ...e, sector: 'Seguridad' } : e));
    await importOk(ImportKind.INSTANCIA, instanciaObjects({ Entidades: entities }), 'i.xlsx');
    const after = await agreed();
    expect(after.progress.bySector.map((s: any) => s.sector.name)).toEqual(['Seguridad']);
  });

  it('viewers of different roles and entities never share an entry', async () => {
    local.services.responses.clear();
    const answers: string[] = [];
    const viewers = [admin, entityToken, viewerToken, undefined];
    const misses: number[] = [];
    for (const token of viewers) {
      const before = localStats();
      answers.push(JSON.stringify(await wide(local, { cut: '2025-06-30' }, token)));
      misses.push(localStats().misses - before.misses);
    }
    // each viewer class computes its own answer; VIEWER tokens and public reads are one class
    expect(misses).toEqual([1, 1, 1, 0]);
    for (const [i, token] of viewers.entries()) {
      const before = localStats();
      expect(JSON.stringify(await wide(local, { cut: '2025-06-30' }, token))).toBe(answers[i]);
      expect(localStats().hits - before.hits).toBe(1);
    }
    // VIEWER tokens and public reads are the same class: 3 entries
    expect(localStats().entries).toBe(3);
  });

  it('a policy that does not exist, and an answer with errors, are never stored', async () => {
    local.services.responses.clear();
    for (let i = 0; i < 2; i++) expect((await wide(local, { code: 'NO-EXISTE' })).data.policy).toBeNull();
    const bad = await fetch(`${local.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: WIDE, variables: { code: P, cut: '2024-13-45' } }),
    });
    expect(((await bad.json()) as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
    expect(localStats().entries).toBe(0);
  });

  it('without a cut (today), the day is part of the key', async () => {
    // Only Date is faked: the servers in this process see the day change, timers and the database run as usual.
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const today = async () => {
        const reference = JSON.stringify(await post(uncached, WIDE, { code: P }));
        const before = localStats();
        for (let i = 0; i < 2; i++) expect(JSON.stringify(await post(local, WIDE, { code: P }))).toBe(reference);
        expect([localStats().misses - before.misses, localStats().hits - before.hits]).toEqual([1, 1]);
        return JSON.parse(reference).data.policy.progress.cut as string;
      };
      jest.setSystemTime(new Date('2024-06-30T17:00:00Z'));
      expect(await today()).toBe('2024-06-30');
      jest.setSystemTime(new Date('2024-07-01T17:00:00Z'));
      expect(await today()).toBe('2024-07-01');
    } finally {
      jest.useRealTimers();
    }
  });

  it('/metrics shows the counters', async () => {
    const metricsApp = await startTestHttp(db, { PUBLIC_READ: 'true', METRICS_ENABLED: 'true' });
    try {
      await post(metricsApp, WIDE, { code: P, cut: CUT }, admin);
      await post(metricsApp, WIDE, { code: P, cut: CUT }, admin);
      const text = (await metricsApp.request('/metrics', { headers: { authorization: `Bearer ${admin}` } })).text;
      expect(text).toMatch(/^rumbo_response_cache_hits 1$/m);
      expect(text).toMatch(/^rumbo_response_cache_misses 1$/m);
      expect(text).toMatch(/^rumbo_response_cache_entries 1$/m);
    } finally {
      await metricsApp.stop();
    }
  });
});
