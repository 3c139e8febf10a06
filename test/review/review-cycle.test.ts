/**
 * The whole review cycle through the real API over HTTP (docs/review.md): an entity uploads a
 * report, the office returns it with a comment, the entity reads it and sends it again, the office
 * approves it (two sessions at once: one wins), closes the period, a later workbook touching the
 * period is refused with nothing written, and a published cut stays frozen while the live figures move.
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord, ImportIssueRecord } from '../../src/entities';
import { createLogger } from '../../src/server/logger';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { RowObject, workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { inboxLayout } from '../../ingestion/worker/inbox.scanner';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

const P = 'PP-EJ';
const report = (productCode: string, year: number, period: string, value: number, extra: RowObject = {}): RowObject => ({
  policyCode: P,
  productCode,
  year,
  period,
  value,
  ...extra,
});

const PRODUCT_A = `query ($cut: Date!, $basis: ReportBasis!) {
  product(policyCode: "${P}", code: "A") {
    reports { id year period value approvedValue reviewStatus reviewComment reviewedBy reviewVersion }
    progress(cut: $cut, basis: $basis) { achieved missingReport pendingReview trafficLight }
  }
  policy(code: "${P}") { progress(cut: $cut, basis: $basis) { total { pendingReviewCount missingReportCount cumulative { progress } } } }
}`;

describe('review cycle over HTTP', () => {
  let db: TestDatabase;
  let harness: Harness;
  let http: Awaited<ReturnType<typeof startTestHttp>>;
  let worker: ImportWorker;
  const tokens: Record<'admin' | 'admin2' | 'entity' | 'viewer', string> = {} as never;
  const dirs = mkdtempSync(path.join(tmpdir(), 'rumbo-review-'));
  const env = { STORAGE_DIR: path.join(dirs, 'storage'), INBOX_DIR: path.join(dirs, 'inbox') };

  const gql = async (who: keyof typeof tokens, query: string, variables: Record<string, unknown> = {}) =>
    (await http.gql(query, { token: tokens[who], variables })).body as { data?: any; errors?: any[] };
  const ok = async (who: keyof typeof tokens, query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql(who, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  /** Uploads a REPORTE as the entity through POST /uploads and runs the worker once. */
  const entitySends = async (rows: RowObject[], who: keyof typeof tokens = 'entity') => {
    const form = new FormData();
    form.append('file', new Blob([workbookOf(ImportKind.REPORTE, { Reporte: rows })]), 'reporte.xlsx');
    const res = await http.request('/uploads', { method: 'POST', headers: { authorization: `Bearer ${tokens[who]}` }, body: form });
    expect(res.status).toBe(202);
    expect(await worker.runOnce()).toBe(1);
    return db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id: Number(res.body.batchId) });
  };
  const productA = (cut: string, basis: 'APPROVED' | 'SUBMITTED') => ok('viewer', PRODUCT_A, { cut, basis });

  beforeAll(async () => {
    db = await createTestDatabase('review_cycle');
    harness = createHarness(db);
    expect((await harness.importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(ImportStatus.IMPORTED);
    // the office's own reports (CLI-like import, no entity): approved on import
    const office = await harness.importBytes(
      workbookOf(ImportKind.REPORTE, { Reporte: REPORTS.filter((r) => r.productCode !== 'A') }),
      'r.xlsx',
    );
    expect(office.status).toBe(ImportStatus.IMPORTED);
    const { tokens: service } = createSecurityServices(db.ds);
    tokens.admin = (await service.create({ role: Role.ADMIN, name: 'oficina-1', createdBy: 'test' })).secret;
    tokens.admin2 = (await service.create({ role: Role.ADMIN, name: 'oficina-2', createdBy: 'test' })).secret;
    tokens.entity = (await service.create({ role: Role.ENTITY, entityCode: '02', name: 'entidad-02', createdBy: 'test' })).secret;
    tokens.viewer = (await service.create({ role: Role.VIEWER, name: 'tablero', createdBy: 'test' })).secret;
    http = await startTestHttp(db, env, { ingestion: true });
    worker = new ImportWorker({
      ds: db.ds,
      logger: createLogger({ logLevel: 'silent' }),
      layout: inboxLayout(env.INBOX_DIR, env.STORAGE_DIR),
      cron: '0 0 1 1 *',
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await http?.stop();
    await db.drop();
    await fs.rm(dirs, { recursive: true, force: true });
  });

  let reportId: string;
  let batchId: number;
  let reviewer: string | null = null;

  it('office reports are approved on import, by the import', async () => {
    const rows = (await db.ds.query('SELECT review_status, approved_value, value, reviewed_by FROM progress_reports')) as any[];
    expect(rows.length).toBe(5);
    for (const r of rows) {
      expect(r.review_status).toBe('APPROVED');
      expect(Number(r.approved_value)).toBe(Number(r.value));
      expect(r.reviewed_by).toMatch(/^importación \(lote \d+\)$/);
    }
  });

  it('an entity sends a report: PENDING, not counted on basis APPROVED, counted on SUBMITTED', async () => {
    const batch = await entitySends([report('A', 2024, 'S1', 70)]);
    expect(batch.status).toBe(ImportStatus.IMPORTED);
    const approved = await productA('2024-06-30', 'APPROVED');
    expect(approved.product.reports).toEqual([
      expect.objectContaining({ year: 2024, period: 'S1', value: 70, approvedValue: null, reviewStatus: 'PENDING', reviewVersion: 1 }),
    ]);
    reportId = approved.product.reports[0].id;
    expect(approved.product.progress).toEqual({ achieved: 0, missingReport: true, pendingReview: true, trafficLight: 'BAJO' });
    expect(approved.policy.progress.total.pendingReviewCount).toBe(1);
    const submitted = await productA('2024-06-30', 'SUBMITTED');
    expect(submitted.product.progress).toEqual({ achieved: 70, missingReport: false, pendingReview: true, trafficLight: 'ALTO' });
    expect(submitted.policy.progress.total.cumulative.progress).toBeGreaterThan(approved.policy.progress.total.cumulative.progress);
  });

  it('only ADMIN decides: ENTITY and VIEWER are refused and nothing changes', async () => {
    for (const who of ['entity', 'viewer'] as const) {
      const res = await gql(who, `mutation { approveReports(ids: ["${reportId}"]) { count } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const after = await productA('2024-06-30', 'APPROVED');
    expect(after.product.reports[0]).toMatchObject({ reviewStatus: 'PENDING', reviewVersion: 1 });
    expect(await db.ds.query("SELECT id FROM audit_events WHERE action LIKE 'REPORTS_%'")).toEqual([]);
  });

  it('returning needs a comment; the entity reads it', async () => {
    const empty = await gql('admin', `mutation { returnReports(ids: ["${reportId}"], comment: "  ") { count } }`);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    expect(empty.errors?.[0]?.message).toMatch(/comentario/);
    const returned = await ok(
      'admin',
      `mutation { returnReports(ids: ["${reportId}"], comment: "Falta la evidencia del semestre") { decision count reports { reviewStatus reviewComment reviewedBy } } }`,
    );
    expect(returned.returnReports).toEqual({
      decision: 'RETURNED',
      count: 1,
      reports: [{ reviewStatus: 'RETURNED', reviewComment: 'Falta la evidencia del semestre', reviewedBy: 'oficina-1' }],
    });
    const mine = await ok(
      'entity',
      `{ progressReports(filter: { policyCode: "${P}", productCode: "A" }) { nodes { period reviewStatus reviewComment } } }`,
    );
    expect(mine.progressReports.nodes).toEqual([
      { period: 'S1', reviewStatus: 'RETURNED', reviewComment: 'Falta la evidencia del semestre' },
    ]);
    // still not counted
    expect((await productA('2024-06-30', 'APPROVED')).product.progress.missingReport).toBe(true);
  });

  it('re-sent: PENDING again; two ADMIN sessions approve at once, one wins and the other gets CONFLICT', async () => {
    const batch = await entitySends([report('A', 2024, 'S1', 70, { evidence: 'https://example.gov.co/acta-s1.pdf' })]);
    expect(batch.status).toBe(ImportStatus.IMPORTED);
    const pending = await productA('2024-06-30', 'APPROVED');
    expect(pending.product.reports[0]).toMatchObject({ reviewStatus: 'PENDING', reviewVersion: 3 }); // sent, returned, sent

    // a stale version is refused
    const stale = await gql('admin', `mutation { approveReports(ids: ["${reportId}"], versions: [2]) { count } }`);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    const approve = (who: 'admin' | 'admin2') => gql(who, `mutation { approveReports(ids: ["${reportId}"], versions: [3]) { count } }`);
    const [one, two] = await Promise.all([approve('admin'), approve('admin2')]);
    const outcomes = [one, two].map((r) => (r.errors ? r.errors[0].extensions.code : 'ok')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const loser = [one, two].find((r) => r.errors)!;
    expect(loser.errors![0].message).toMatch(/Otra sesión ya decidió/);
    expect(Number((await db.ds.query("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'REPORTS_APPROVED'"))[0].n)).toBe(1);

    const counted = await productA('2024-06-30', 'APPROVED');
    expect(counted.product.reports[0]).toMatchObject({ reviewStatus: 'APPROVED', approvedValue: 70, reviewVersion: 4 });
    reviewer = ((await db.ds.query('SELECT reviewed_by FROM progress_reports WHERE id = ?', [reportId])) as any[])[0].reviewed_by;
    expect(reviewer).not.toMatch(/importación/);
    expect(counted.product.progress).toEqual({ achieved: 70, missingReport: false, pendingReview: false, trafficLight: 'ALTO' });
    expect(counted.policy.progress.total.pendingReviewCount).toBe(0);
  });

  it('a changed value waits for review and keeps the last approved one until decided', async () => {
    const batch = await entitySends([report('A', 2024, 'S1', 90, { evidence: 'https://example.gov.co/acta-s1.pdf' })]);
    batchId = batch.id;
    const approved = await productA('2024-06-30', 'APPROVED');
    expect(approved.product.reports[0]).toMatchObject({ value: 90, approvedValue: 70, reviewStatus: 'PENDING' });
    // the import's upsert keeps who approved the last value, and when (it stamps only reports approved on import)
    const [kept] = (await db.ds.query('SELECT reviewed_by, reviewed_at FROM progress_reports WHERE id = ?', [reportId])) as any[];
    expect(kept.reviewed_by).toBe(reviewer);
    expect(kept.reviewed_at).not.toBeNull();
    expect(approved.product.progress).toMatchObject({ achieved: 70, pendingReview: true, missingReport: false });
    expect((await productA('2024-06-30', 'SUBMITTED')).product.progress).toMatchObject({ achieved: 90, pendingReview: true });
  });

  it('closing a period needs every report in it decided, and closes the shorter periods inside it', async () => {
    const refused = await gql('admin', `mutation { closePeriod(policyCode: "${P}", year: 2024, period: "S1") { id } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'PENDING_REPORTS',
      pending: [{ kind: 'PRODUCT', reportId, code: 'A', year: 2024, period: 'S1' }],
    });
    expect(refused.errors?.[0]?.message).toMatch(/A 2024 S1/);
    expect(await db.ds.query('SELECT id FROM closed_periods')).toEqual([]);

    const batchApproved = await ok('admin', `mutation { approveBatch(batchId: "${batchId}") { count reports { approvedValue } } }`);
    expect(batchApproved.approveBatch).toEqual({ count: 1, reports: [{ approvedValue: 90 }] });
    const again = await gql('admin', `mutation { approveBatch(batchId: "${batchId}") { count } }`);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTHING_PENDING' });

    const closed = await ok('admin', `mutation { closePeriod(policyCode: "${P}", year: 2024, period: "s1") { year period closedBy } }`);
    expect(closed.closePeriod).toEqual({ year: 2024, period: 'S1', closedBy: 'oficina-1' });
    const inside = await gql('admin', `mutation { closePeriod(policyCode: "${P}", year: 2024, period: "T2") { id } }`);
    expect(inside.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CLOSED' });
    expect(inside.errors?.[0]?.message).toMatch(/lo contiene el periodo cerrado 2024 S1/);
    const bad = await gql('admin', `mutation { closePeriod(policyCode: "${P}", year: 2030, period: "S1") { id } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });

  it('a workbook touching a closed period is refused whole (PERIODO_CERRADO) with nothing written', async () => {
    const before = await harness.checksums();
    const batch = await entitySends([
      report('B', 2024, 'T2', 12), // inside the closed S1: a change
      report('B', 2024, 'T3', 20), // open period: would be fine alone
    ]);
    expect(batch.status).toBe(ImportStatus.REJECTED);
    const issues = await db.ds.getRepository(ImportIssueRecord).findBy({ batchId: batch.id });
    expect(issues.filter((i) => i.severity === 'ERROR').map((i) => [i.code, i.row, i.column])).toEqual([['PERIODO_CERRADO', 2, 'Periodo']]);
    expect(issues[0]!.message).toMatch(/periodo 2024 T2 de la política «PP-EJ» está cerrado \(está dentro del periodo cerrado 2024 S1\)/);
    expect(await harness.checksums()).toEqual(before);

    // the same rows as stored change nothing and pass (an entity re-sending its history)
    const resend = await entitySends([report('B', 2024, 'T2', 10), report('B', 2024, 'T3', 20)]);
    expect(resend.status).toBe(ImportStatus.IMPORTED);
  });

  it('reopening: exactly as closed; then the period takes changes again', async () => {
    const inside = await gql('admin', `mutation { reopenPeriod(policyCode: "${P}", year: 2024, period: "T2") { id } }`);
    expect(inside.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLOSED_BY_LONGER_PERIOD' });
    await ok('admin', `mutation { reopenPeriod(policyCode: "${P}", year: 2024, period: "S1") { period } }`);
    expect(await ok('viewer', `{ policy(code: "${P}") { closedPeriods { period } } }`)).toEqual({ policy: { closedPeriods: [] } });
    expect((await entitySends([report('B', 2024, 'T2', 12)])).status).toBe(ImportStatus.IMPORTED);
  });

  it('a published cut stays frozen while live figures move; the comparison lists what changed', async () => {
    const CUT_FIELDS =
      '{ id cut title publishedBy sourceChecksum progress { cut total { cumulative { progress } pendingReviewCount } byObjective { objective { number } progress { cumulative { progress } } } } }';
    const published = await ok(
      'admin',
      `mutation { publishCut(policyCode: "${P}", cut: "2024-12-31", title: "Informe de seguimiento 001") ${CUT_FIELDS} }`,
    );
    const cut = published.publishCut;
    expect(cut).toMatchObject({ cut: '2024-12-31', title: 'Informe de seguimiento 001', publishedBy: 'oficina-1' });
    expect(cut.sourceChecksum).toMatch(/^[0-9a-f]{64}$/);
    const live = await ok(
      'viewer',
      `{ policy(code: "${P}") { progress(cut: "2024-12-31") { cut total { cumulative { progress } pendingReviewCount } byObjective { objective { number } progress { cumulative { progress } } } } } }`,
    );
    expect(cut.progress).toEqual(live.policy.progress);
    // B 2024 T2 = 12 and T3 = 20 are still pending: published with T2's approved 10 and no T3
    expect(cut.progress.total.pendingReviewCount).toBe(1);

    const nothing = await ok('viewer', `{ publishedCut(id: "${cut.id}") { comparison { sameSource changes { productCode } } } }`);
    expect(nothing.publishedCut.comparison).toEqual({ sameSource: true, changes: [] });

    // later data: C reports 2024 and B's pending value is approved
    await entitySends([report('C', 2024, 'ANUAL', 8)]);
    const ids = (await db.ds.query("SELECT id FROM progress_reports WHERE review_status = 'PENDING' ORDER BY id")) as { id: number }[];
    expect(ids.length).toBe(3);
    await ok('admin', `mutation { approveReports(ids: ${JSON.stringify(ids.map((r) => String(r.id)))}, comment: "Revisado") { count } }`);

    const after = await ok(
      'viewer',
      `{ policy(code: "${P}") { progress(cut: "2024-12-31") { total { cumulative { progress } } } publishedCuts ${CUT_FIELDS} } }`,
    );
    expect(after.policy.publishedCuts).toEqual([cut]);
    expect(after.policy.progress.total.cumulative.progress).toBeGreaterThan(cut.progress.total.cumulative.progress);

    const compared = await ok(
      'viewer',
      `{ publishedCut(id: "${cut.id}") { comparison { cut sameSource published { cumulative { progress } } live { cumulative { progress } }
         changes { productCode kind fields product { code } published { achieved } live { achieved } } } } }`,
    );
    const c = compared.publishedCut.comparison;
    expect(c.sameSource).toBe(false);
    expect(c.published.cumulative.progress).toBe(cut.progress.total.cumulative.progress);
    expect(c.live.cumulative.progress).toBe(after.policy.progress.total.cumulative.progress);
    expect(c.changes.map((ch: any) => [ch.productCode, ch.kind, ch.published.achieved, ch.live.achieved])).toEqual([
      ['B', 'CHANGED', 15, 37],
      ['C', 'CHANGED', 0, 8],
    ]);
    expect(c.changes[1].fields).toEqual(expect.arrayContaining(['achieved', 'missingReport']));
    expect(c.changes[0].product).toEqual({ code: 'B' });
  });

  it('the audit log lists every decision for ADMIN only', async () => {
    const log = await ok('admin', '{ auditEvents(first: 50) { totalCount nodes { action actor subject details } } }');
    const actions = log.auditEvents.nodes.map((n: any) => n.action);
    for (const a of ['REPORTS_RETURNED', 'REPORTS_APPROVED', 'PERIOD_CLOSED', 'PERIOD_REOPENED', 'CUT_PUBLISHED'])
      expect(actions).toContain(a);
    const returned = log.auditEvents.nodes.find((n: any) => n.action === 'REPORTS_RETURNED');
    expect(returned.actor).toBe('oficina-1');
    expect(JSON.parse(returned.details)).toMatchObject({ reportIds: [Number(reportId)], comment: 'Falta la evidencia del semestre' });
    const filtered = await ok('admin', '{ auditEvents(filter: { action: "PERIOD_CLOSED" }) { nodes { subject details } } }');
    expect(filtered.auditEvents.nodes).toEqual([{ subject: `policy:${P}`, details: JSON.stringify({ year: 2024, period: 'S1' }) }]);
    expect((await gql('entity', '{ auditEvents { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
