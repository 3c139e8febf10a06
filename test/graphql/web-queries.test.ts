import { createLogger } from '../../src/server/logger';
import { ANONYMOUS, Role, SYSTEM_ADMIN } from '../../src/services/viewer';
import { enqueueSamples } from '../../ingestion/cli/demo-data';
import { CARTAGENA_POLICY_CODE } from '../../ingestion/samples/data/cartagena-plan.sample';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { createHarness } from '../support/ingestion-harness';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The two fields the web app added: `viewer` (what the page may show) and `Product.trajectory` (light history). */
describe('viewer and Product.trajectory', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    db = await createTestDatabase('web_queries');
    api = await createTestApi(db);
    const h = createHarness(db);
    const worker = new ImportWorker({ ds: db.ds, logger: createLogger({ logLevel: 'silent' }), layout: h.layout, cron: '* * * * *' });
    await enqueueSamples(worker.store, h.layout);
    await worker.runOnce();
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it.each([
    [SYSTEM_ADMIN, { role: 'ADMIN', name: 'system', entity: null }],
    [ANONYMOUS, { role: null, name: 'anonymous', entity: null }],
    [
      { role: Role.VIEWER, entityId: null, name: 'tablero', tokenId: 7 },
      { role: 'VIEWER', name: 'tablero', entity: null },
    ],
  ])('viewer of %p', async (viewer, expected) => {
    const res = await api.query('{ viewer { role name entity { code } } }', {}, viewer);
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer).toEqual(expected);
  });

  it('names the entity of an ENTITY token', async () => {
    const [entity] = (await db.ds.query('SELECT id, code FROM entities ORDER BY id LIMIT 1')) as { id: number; code: string }[];
    const res = await api.query(
      '{ viewer { role entity { code } } }',
      {},
      { role: Role.ENTITY, entityId: entity!.id, name: 'e', tokenId: 1 },
    );
    expect(res.data!.viewer).toEqual({ role: 'ENTITY', entity: { code: entity!.code } });
  });

  const TRAJECTORY = `query($cut: Date) { policy(code: "${CARTAGENA_POLICY_CODE}") { products(first: 100) { nodes { code periodicity
    trajectory(cut: $cut) { year period periodEnd progress { cut achieved goalToDate trafficLight } } } } } }`;

  it.each([
    ['2023-12-31', 0], // the plan starts in 2024: nothing closed yet
    ['2024-12-31', 1],
    ['2025-06-30', 1],
  ])('at cut %s an annual product has %i period ends, each computed at its end', async (cut, count) => {
    const res = await api.query<any>(TRAJECTORY, { cut });
    expect(res.errors).toBeUndefined();
    const annual = res.data!.policy.products.nodes.filter((p: any) => p.periodicity === 'ANUAL');
    expect(annual.length).toBeGreaterThan(0);
    for (const p of annual) {
      expect(p.trajectory).toHaveLength(count);
      for (const t of p.trajectory) {
        expect(t.period).toBe('ANUAL');
        expect(t.periodEnd).toBe(`${t.year}-12-31`);
        expect(t.progress.cut).toBe(t.periodEnd);
      }
    }
  });

  it('each point equals Product.progress at that period end', async () => {
    const res = await api.query<any>(TRAJECTORY, { cut: '2024-12-31' });
    const product = res.data!.policy.products.nodes[0];
    const point = product.trajectory[0];
    const direct = await api.query<any>(
      `{ product(policyCode: "${CARTAGENA_POLICY_CODE}", code: "${product.code}") { progress(cut: "${point.periodEnd}") { cut achieved goalToDate trafficLight } } }`,
    );
    expect(point.progress).toEqual(direct.data!.product.progress);
  });
});
