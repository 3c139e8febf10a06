import { ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { createLogger } from '../../src/server/logger';
import { enqueueSamples } from '../../ingestion/cli/demo-data';
import { BOGOTA_TRATA_CODE } from '../../ingestion/samples/data/bogota-trata.sample';
import { CARTAGENA_POLICY_CODE } from '../../ingestion/samples/data/cartagena-plan.sample';
import { ZESAI_CODE } from '../../ingestion/samples/data/zesai.sample';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { createHarness } from '../support/ingestion-harness';

/** The demo data of `npm start`, through the real worker path, and the figures it yields. */
describe('demo workbooks built from the seeds', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    db = await createTestDatabase('samples');
    api = await createTestApi(db);
    const h = createHarness(db);
    const worker = new ImportWorker({ ds: db.ds, logger: createLogger({ logLevel: 'silent' }), layout: h.layout, cron: '* * * * *' });
    expect(await enqueueSamples(worker.store, h.layout)).toBe(6);
    expect(await worker.runOnce()).toBe(6);
    expect(await enqueueSamples(worker.store, h.layout)).toBe(0); // queued once, by content
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('imports every sample', async () => {
    const batches = await db.ds.getRepository(ImportBatchRecord).find({ order: { id: 'ASC' } });
    expect(batches.map((b) => [b.fileName, b.status, b.errorCount])).toEqual(batches.map((b) => [b.fileName, ImportStatus.IMPORTED, 0]));
  });

  it('shows the Cartagena policy at the end of 2024 (seed 004 and its reports)', async () => {
    const res = await api.query<{ policy: { progress: { total: { productCount: number; lights: unknown; missingReportCount: number } } } }>(
      `query($code: String!) { policy(code: $code) { progress(cut: "2024-12-31") { total { productCount lights { alto medio bajo notDue } missingReportCount } } } }`,
      { code: CARTAGENA_POLICY_CODE },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.policy.progress.total).toEqual({
      productCount: 7,
      lights: { alto: 4, medio: 1, bajo: 2, notDue: 0 },
      missingReportCount: 1,
    });
  });

  it('gives the ZESAI table its held vs programmed sessions of January–June 2020 (seed 002)', async () => {
    const res = await api.query<{ instance: { stats: { sessions: unknown[]; functionCoverage: number | null } } }>(
      `query($code: String!) { instance(code: $code) { stats(from: "2020-01-01", to: "2020-06-30") { sessions { type held programmed compliance } functionCoverage } } }`,
      { code: ZESAI_CODE },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.instance.stats.sessions).toEqual([
      { type: 'ORDINARIA', held: 6, programmed: 5, compliance: 1.2 },
      { type: 'EXTRAORDINARIA', held: 1, programmed: 2, compliance: 0.5 },
    ]);
    expect(res.data!.instance.stats.functionCoverage).toBeGreaterThan(0);
  });

  it('checks the quorum of acta No. 4 de 2020 of the Bogotá committee (seed 000)', async () => {
    const res = await api.query<{
      session: {
        date: string;
        type: string;
        quorum: { voting: number; present: number; required: number; met: boolean };
        attendance: unknown[];
        commitments: unknown[];
      };
    }>(
      `query($code: String!) { session(instanceCode: $code, year: 2020, number: 4) { date type quorum { voting present required met } attendance { attended } commitments { text } } }`,
      { code: BOGOTA_TRATA_CODE },
    );
    expect(res.errors).toBeUndefined();
    const s = res.data!.session;
    expect(s).toMatchObject({ date: '2020-12-18', type: 'ORDINARIA' });
    expect(s.quorum.met).toBe(true);
    expect(s.quorum.present).toBeGreaterThanOrEqual(s.quorum.required);
    expect(s.attendance.length).toBeGreaterThan(30);
    expect(s.commitments.length).toBeGreaterThan(0);
  });
});
