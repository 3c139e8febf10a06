import { computeProductProgress } from '../../src/calculation/product-progress.calculator';
import { AnnualizationType, Periodicity } from '../../src/domain/enums';
import {
  GoalRecord,
  ObjectiveRecord,
  OrgEntityRecord,
  PolicyRecord,
  ProductRecord,
  ProgressReportRecord,
  SectorRecord,
} from '../../src/entities';
import { DASHBOARD_QUERY } from '../support/dashboard-query';
import { insertPolicyFixture } from '../support/fixtures';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.mock('../../src/calculation/product-progress.calculator', () => {
  const actual = jest.requireActual('../../src/calculation/product-progress.calculator');
  return { ...actual, computeProductProgress: jest.fn(actual.computeProductProgress) };
});

const DASHBOARD = DASHBOARD_QUERY;

/** calculation.md §8, stored in the database. */
async function insertWorkedExample(db: TestDatabase): Promise<void> {
  await db.ds.transaction(async (m) => {
    const sector = await m.save(m.create(SectorRecord, { name: 'Mujer' }));
    const entity = await m.save(m.create(OrgEntityRecord, { code: 'WE1', name: 'Secretaría de la Mujer', sectorId: sector.id }));
    const policy = await m.save(m.create(PolicyRecord, { code: 'WE', name: 'Ejemplo', startYear: 2024, vigencias: 2 }));
    const objective = await m.save(m.create(ObjectiveRecord, { policyId: policy.id, number: 1, text: 'Objetivo' }));
    const rows: [string, AnnualizationType, Periodicity, number | null, [number, number], [string, number][]][] = [
      ['A', AnnualizationType.SUMA, Periodicity.SEMESTRAL, null, [100, 100], [['S1', 70]]],
      [
        'B',
        AnnualizationType.SUMA,
        Periodicity.TRIMESTRAL,
        null,
        [40, 40],
        [
          ['T1', 5],
          ['T2', 10],
        ],
      ],
      ['C', AnnualizationType.SUMA, Periodicity.ANUAL, null, [10, 10], []],
      ['D', AnnualizationType.CONSTANTE, Periodicity.SEMESTRAL, null, [100, 100], [['S1', 45]]],
      [
        'E',
        AnnualizationType.CRECIENTE,
        Periodicity.TRIMESTRAL,
        10,
        [30, 50],
        [
          ['T1', 14],
          ['T2', 18],
        ],
      ],
    ];
    for (const [code, type, periodicity, baseline, goals, reports] of rows) {
      const p = await m.save(
        m.create(ProductRecord, {
          policyId: policy.id,
          objectiveId: objective.id,
          code,
          name: `Producto ${code}`,
          indicator: code,
          annualizationType: type,
          periodicity,
          baselineValue: baseline,
          weight: 0.2,
          responsibleEntityId: entity.id,
        }),
      );
      await m.save(GoalRecord, [
        m.create(GoalRecord, { productId: p.id, year: 2024, period: '', value: goals[0] }),
        m.create(GoalRecord, { productId: p.id, year: 2025, period: '', value: goals[1] }),
      ]);
      for (const [period, value] of reports) await m.save(m.create(ProgressReportRecord, { productId: p.id, year: 2024, period, value }));
    }
  });
}

describe('policy dashboard through GraphQL against the database', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  /** The computing path, with the process's figures cache off (PROGRESS_CACHE_MAX_ENTRIES=0). */
  let computing: Awaited<ReturnType<typeof createTestApi>>;

  beforeAll(async () => {
    db = await createTestDatabase('dashboard');
    api = await createTestApi(db);
    computing = await createTestApi(db, { PROGRESS_CACHE_MAX_ENTRIES: '0' });
    await insertWorkedExample(db);
    await insertPolicyFixture(db.ds, 'D10', 10);
    await insertPolicyFixture(db.ds, 'D1000', 1000);
  });
  afterAll(async () => {
    await api.stop();
    await computing.stop();
    await db.drop();
  });

  it('reproduces the worked example of calculation.md §8 to 1e-9', async () => {
    type Data = {
      policy: {
        progress: {
          total: {
            toDate: { progress: number; ideal: number; gap: number };
            cumulative: { progress: number; ideal: number; gap: number };
            lights: { alto: number; medio: number; bajo: number; notDue: number };
            shares: { green: number; yellow: number; red: number };
          };
        };
        products: {
          nodes: {
            code: string;
            progress: {
              trafficLight: string;
              ratio: number | null;
              toDate: { progress: number } | null;
              cumulative: { progress: number; ideal: number; gap: number };
            };
          }[];
        };
      };
    };
    const res = await api.query<Data>(DASHBOARD, { code: 'WE', cut: '2024-06-30' });
    expect(res.errors).toBeUndefined();
    const { total } = res.data!.policy.progress;
    expect(total.toDate.progress).toBeCloseTo(0.6, 9);
    expect(total.toDate.ideal).toBeCloseTo(0.8, 9);
    expect(total.toDate.gap).toBeCloseTo(-0.2, 9);
    expect(total.cumulative.progress).toBeCloseTo(0.2375, 9);
    expect(total.cumulative.ideal).toBeCloseTo(0.35, 9);
    expect(total.cumulative.gap).toBeCloseTo(-0.1125, 9);
    expect(total.lights).toEqual({ alto: 2, medio: 1, bajo: 1, notDue: 1 });
    expect(total.shares.green).toBeCloseTo(0.6, 9);
    expect(total.shares.yellow).toBeCloseTo(0.2, 9);
    expect(total.shares.red).toBeCloseTo(0.2, 9);
    const byCode = Object.fromEntries(res.data!.policy.products.nodes.map((n) => [n.code, n.progress]));
    const expected: Record<string, [string, number | null, number | null, number, number]> = {
      A: ['ALTO', 1.4, 1, 0.35, 0.25],
      B: ['MEDIO', 0.75, 0.75, 0.1875, 0.25],
      C: ['NOT_DUE', null, null, 0, 0],
      D: ['BAJO', 0.45, 0.45, 0.45, 1],
      E: ['ALTO', 0.8, 0.8, 0.2, 0.25],
    };
    for (const [code, [light, ratio, p, c, i]] of Object.entries(expected)) {
      const got = byCode[code]!;
      expect(got.trafficLight).toBe(light);
      if (ratio === null) expect(got.ratio).toBeNull();
      else expect(got.ratio).toBeCloseTo(ratio, 9);
      if (p === null) expect(got.toDate).toBeNull();
      else expect(got.toDate!.progress).toBeCloseTo(p, 9);
      expect(got.cumulative.progress).toBeCloseTo(c, 9);
      expect(got.cumulative.ideal).toBeCloseTo(i, 9);
      expect(got.cumulative.gap).toBeCloseTo(c - i, 9);
    }
  });

  it("filters a policy's products by computed traffic light and flags", async () => {
    const res = await api.query<{
      policy: { alto: { totalCount: number; nodes: { code: string }[] }; over: { nodes: { code: string }[] } };
    }>(
      `query { policy(code: "WE") {
          alto: products(filter: { trafficLight: ALTO }, cut: "2024-06-30") { totalCount nodes { code } }
          over: products(filter: { overExecution: true }, cut: "2024-06-30") { nodes { code } }
      } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.policy.alto.nodes.map((n) => n.code)).toEqual(['A', 'E']);
    expect(res.data!.policy.alto.totalCount).toBe(2);
    expect(res.data!.policy.over.nodes.map((n) => n.code)).toEqual(['A']);
  });

  it('runs the whole-policy dashboard in the same number of statements at 10 and 1000 products', async () => {
    const small = await db.counter.measure(() => computing.query(DASHBOARD, { code: 'D10', cut: '2024-12-31' }));
    const large = await db.counter.measure(() => computing.query(DASHBOARD, { code: 'D1000', cut: '2024-12-31' }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    const nodes = (large.result.data as { policy: { products: { nodes: unknown[] } } }).policy.products.nodes;
    expect(nodes).toHaveLength(1000);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(10);
  });

  it('computes each product once per request and cut', async () => {
    const spy = computeProductProgress as jest.Mock;
    spy.mockClear();
    // The dashboard asks for the policy's progress and for each product's progress at the same cut.
    const res = await computing.query(DASHBOARD, { code: 'D10', cut: '2024-12-31' });
    expect(res.errors).toBeUndefined();
    // 10 products and 1 result, each measured once by the same function
    expect(spy).toHaveBeenCalledTimes(10 + 1);
    spy.mockClear();
    const twoCuts = await computing.query(`query { policy(code: "D10") {
        a: progress(cut: "2024-12-31") { cut } b: progress(cut: "2025-06-30") { cut }
        products(first: 10) { nodes { progress(cut: "2025-06-30") { due } } } } }`);
    expect(twoCuts.errors).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(2 * (10 + 1));
  });

  it('with the figures cache, a current version is served without computing, in fewer statements at any size', async () => {
    const spy = computeProductProgress as jest.Mock;
    const vars = (code: string) => ({ code, cut: '2023-12-31' });
    // the first request of each policy at this cut computes and stores the figures
    for (const code of ['D10', 'D1000']) expect((await api.query(DASHBOARD, vars(code))).errors).toBeUndefined();
    spy.mockClear();
    const small = await db.counter.measure(() => api.query(DASHBOARD, vars('D10')));
    const large = await db.counter.measure(() => api.query(DASHBOARD, vars('D1000')));
    expect(spy).not.toHaveBeenCalled();
    expect(large.statements).toBe(small.statements);
    // policy by code, the data version, and the rows the query lists (products, results, objectives, sectors)
    expect(small.sql.filter((q) => q.includes('policy_data_versions'))).toHaveLength(1);
    const uncached = await db.counter.measure(() => computing.query(DASHBOARD, vars('D10')));
    expect(small.statements).toBeLessThan(uncached.statements);
    expect(JSON.stringify(small.result)).toBe(JSON.stringify(uncached.result));
  });
});
