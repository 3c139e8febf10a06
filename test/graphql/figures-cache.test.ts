/**
 * The figures cache (docs/scaling.md, «Caché de cifras») across two API processes on one database: the
 * jest process's app and a child process's app, each with its own in-memory cache, plus a third app with
 * the cache off as the reference. Every write that changes the figures (imports, review decisions, an
 * entity's new sector) must show in both at once, and a cached answer must be exactly the computed one.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { instanciaObjects, INSTANCE_ENTITIES } from '../../ingestion/test-support/instancia.fixture';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { RowObject, workbookOf } from '../../ingestion/test-support/workbook.builder';
import { DASHBOARD_QUERY } from '../support/dashboard-query';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

const P = 'PP-EJ';
const MEASURE = '{ progress ideal gap }';
const AGGREGATE = `{ cut productCount weight missingReportCount overExecutionCount pendingReviewCount withdrawnCount
  toDate ${MEASURE} cumulative ${MEASURE} lights { alto medio bajo notDue } shares { green yellow red } }`;
const FIGURES = `query ($cut: Date!, $basis: ReportBasis!) {
  policy(code: "${P}") {
    progress(cut: $cut, basis: $basis) {
      cut
      total ${AGGREGATE}
      results ${AGGREGATE}
      byObjective { objective { number } progress ${AGGREGATE} }
      bySector { sector { name } progress ${AGGREGATE} }
      byEntity { entity { code } progress ${AGGREGATE} }
    }
    objectives { number progress(cut: $cut, basis: $basis) ${AGGREGATE} }
    alto: products(filter: { trafficLight: ALTO }, cut: $cut) { totalCount nodes { code } }
    products(first: 100) {
      nodes {
        code
        progress(cut: $cut, basis: $basis) {
          cut achieved due finalGoal goalToDate missingReport overExecution pendingReview ratio trafficLight
          toDate ${MEASURE} cumulative ${MEASURE}
        }
      }
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

describe('figures cache across two API processes', () => {
  let db: TestDatabase;
  let harness: Harness;
  let local: Awaited<ReturnType<typeof startTestHttp>>;
  let uncached: Awaited<ReturnType<typeof startTestHttp>>;
  let remote: { child: ChildProcess; base: string };
  let admin: string;
  let entityId: number;

  const version = async (): Promise<number> =>
    Number(
      (
        (await db.ds.query('SELECT v.version FROM policy_data_versions v INNER JOIN policies p ON p.id = v.policy_id WHERE p.code = ?', [
          P,
        ])) as { version: string }[]
      )[0]?.version ?? 0,
    );
  const remoteStats = async () => (await (await fetch(`${remote.base}/test/figures-stats`)).json()) as { hits: number; misses: number };
  const figures = (api: Api, cut: string, basis = 'APPROVED') => post(api, FIGURES, { cut, basis });
  /** The same figures from both caching processes, each equal byte for byte to the uncached app's. */
  async function agreed(cut: string, basis = 'APPROVED'): Promise<any> {
    const reference = JSON.stringify(await figures(uncached, cut, basis));
    for (const api of [local, remote]) expect(JSON.stringify(await figures(api, cut, basis))).toBe(reference);
    return JSON.parse(reference).data.policy;
  }
  const reportsOf = async (code: string) =>
    (await post(local, `{ product(policyCode: "${P}", code: "${code}") { reports { id period value reviewStatus } } }`)).data.product
      .reports as { id: string; period: string; value: number; reviewStatus: string }[];
  const entitySends = async (rows: RowObject[]) => {
    const outcome = await harness.importBytes(workbookOf(ImportKind.REPORTE, { Reporte: rows }), 'reporte-entidad.xlsx', {
      name: 'entidad-02',
      entityId,
    });
    expect(outcome.status).toBe(ImportStatus.IMPORTED);
  };

  beforeAll(async () => {
    db = await createTestDatabase('figures_cache');
    harness = createHarness(db);
    expect((await harness.importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(ImportStatus.IMPORTED);
    expect((await harness.importBytes(workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }), 'r.xlsx')).status).toBe(ImportStatus.IMPORTED);
    entityId = Number(((await db.ds.query("SELECT id FROM entities WHERE code = '02'")) as { id: number }[])[0]!.id);
    admin = (await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, name: 'oficina', createdBy: 'test' })).secret;
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

  it('imports, reads in both processes, imports again, and both read the new figures', async () => {
    const v0 = await version();
    expect(v0).toBeGreaterThan(0); // the plan and the reports bumped it
    const before = await agreed('2024-12-31');
    // read again: both answer from their cache
    const localHits = local.services.figures.stats().hits;
    const remoteHits = (await remoteStats()).hits;
    expect(JSON.stringify((await figures(local, '2024-12-31')).data.policy)).toBe(JSON.stringify(before));
    expect(JSON.stringify((await figures(remote, '2024-12-31')).data.policy)).toBe(JSON.stringify(before));
    expect(local.services.figures.stats().hits).toBeGreaterThan(localHits);
    expect((await remoteStats()).hits).toBeGreaterThan(remoteHits);

    // the office sends a new value for B 2024 T2 and a new report of E
    const again = [
      ...REPORTS.map((r) => (r.productCode === 'B' && r.period === 'T2' ? { ...r, value: 30 } : r)),
      { policyCode: P, productCode: 'E', year: 2024, period: 'T3', value: 25 },
    ];
    expect((await harness.importBytes(workbookOf(ImportKind.REPORTE, { Reporte: again }), 'r2.xlsx')).status).toBe(ImportStatus.IMPORTED);
    expect(await version()).toBe(v0 + 1);
    const after = await agreed('2024-12-31');
    expect(after).not.toEqual(before);
    const b = (p: any) => p.products.nodes.find((n: any) => n.code === 'B').progress;
    expect(b(after).achieved).toBe(b(before).achieved + 20);

    // the same content again (DUPLICATE) changes nothing and bumps nothing
    expect((await harness.importBytes(workbookOf(ImportKind.REPORTE, { Reporte: again }), 'r2.xlsx')).status).toBe(ImportStatus.DUPLICATE);
    expect(await version()).toBe(v0 + 1);
  });

  it('a cached answer is exactly the computed one, for every cut and basis, and each cut is its own entry', async () => {
    for (const cut of ['2024-03-31', '2024-06-30', '2024-12-31', '2025-06-30', '2025-12-31']) {
      for (const basis of ['APPROVED', 'SUBMITTED']) {
        const first = await agreed(cut, basis);
        const second = await agreed(cut, basis); // from the caches
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        expect(first.progress.cut).toBe(cut);
      }
      const reference = JSON.stringify(await post(uncached, DASHBOARD_QUERY, { code: P, cut }));
      expect(JSON.stringify(await post(local, DASHBOARD_QUERY, { code: P, cut }))).toBe(reference);
      expect(JSON.stringify(await post(remote, DASHBOARD_QUERY, { code: P, cut }))).toBe(reference);
    }
    const stats = local.services.figures.stats();
    expect(stats.entries).toBeGreaterThanOrEqual(10);
    expect(stats.hits).toBeGreaterThan(stats.misses);
  });

  it('approving and returning reports, in one process, changes the figures read in the other', async () => {
    await entitySends([{ policyCode: P, productCode: 'C', year: 2024, period: 'ANUAL', value: 8 }]);
    const pending = await agreed('2024-12-31', 'APPROVED');
    const submitted = await agreed('2024-12-31', 'SUBMITTED');
    const c = (p: any) => p.products.nodes.find((n: any) => n.code === 'C').progress;
    expect(c(pending)).toMatchObject({ pendingReview: true, missingReport: true, achieved: 0 });
    expect(c(submitted)).toMatchObject({ pendingReview: true, achieved: 8 });
    expect(pending.progress.total.pendingReviewCount).toBe(1);

    const v = await version();
    const id = (await reportsOf('C'))[0]!.id;
    await post(local, `mutation { approveReports(ids: ["${id}"]) { count } }`, {}, admin);
    expect(await version()).toBe(v + 1);
    const approved = await agreed('2024-12-31', 'APPROVED');
    expect(c(approved)).toMatchObject({ pendingReview: false, missingReport: false, achieved: 8 });
    expect(approved.progress.total.pendingReviewCount).toBe(0);

    // a new value, returned from the other process: not pending any more, the approved value stays
    await entitySends([{ policyCode: P, productCode: 'C', year: 2024, period: 'ANUAL', value: 12 }]);
    expect(c(await agreed('2024-12-31', 'SUBMITTED'))).toMatchObject({ pendingReview: true, achieved: 12 });
    expect(c(await agreed('2024-12-31', 'APPROVED'))).toMatchObject({ pendingReview: true, achieved: 8 });
    await post(remote, `mutation { returnReports(ids: ["${id}"], comment: "Falta la evidencia") { count } }`, {}, admin);
    expect(c(await agreed('2024-12-31', 'APPROVED'))).toMatchObject({ pendingReview: false, achieved: 8 });
    const returned = await agreed('2024-12-31', 'SUBMITTED');
    expect(c(returned)).toMatchObject({ pendingReview: false, achieved: 12 });
    expect(returned.progress.total.pendingReviewCount).toBe(0);
  });

  it('closing and reopening a period and publishing a cut bump the version; live figures stay the computed ones', async () => {
    const v = await version();
    await post(local, `mutation { closePeriod(policyCode: "${P}", year: 2025, period: "S2") { id } }`, {}, admin);
    expect(await version()).toBe(v + 1);
    await post(remote, `mutation { reopenPeriod(policyCode: "${P}", year: 2025, period: "S2") { id } }`, {}, admin);
    expect(await version()).toBe(v + 2);
    await agreed('2024-12-31');
    await post(local, `mutation { publishCut(policyCode: "${P}", cut: "2024-12-31", title: "Informe 001") { id } }`, {}, admin);
    expect(await version()).toBe(v + 3);
    await agreed('2024-12-31');
  });

  it("an entity's new sector (from an INSTANCIA workbook) moves the policy's breakdown by sector in both processes", async () => {
    const before = await agreed('2024-12-31');
    expect(before.progress.bySector.map((s: any) => s.sector.name)).toContain('Gobierno');
    const v = await version();
    const entities = INSTANCE_ENTITIES.map((e) => (e.code === '02' ? { ...e, sector: 'Seguridad' } : e));
    const outcome = await harness.importBytes(workbookOf(ImportKind.INSTANCIA, instanciaObjects({ Entidades: entities })), 'i.xlsx');
    expect(outcome.status).toBe(ImportStatus.IMPORTED);
    expect(await version()).toBe(v + 1);
    const after = await agreed('2024-12-31');
    expect(after.progress.bySector.map((s: any) => s.sector.name)).toEqual(['Seguridad']);
  });
});
