/**
 * Issue 9, done when: a 99-product plan shaped like the real ones imports with warnings and no error
 * (every warning naming sheet, row and column), and the API's percentages equal an independent
 * computation from docs/calculation.md to 1e-9 at several cuts; a re-sent plan withdraws what it
 * omits; numbers round-trip as the cells had them.
 */
import { AnnualizationType, ImportKind, ImportStatus, Periodicity } from '../../src/domain/enums';
import { GOALS, planObjects, PRODUCTS } from '../../ingestion/test-support/plan.fixture';
import {
  fixturePeriods,
  FRACTION_GOAL,
  HUNDRED_FOLD,
  NO_BASELINE,
  NO_WEIGHT,
  REAL_PLAN_SPEC,
  REAL_POLICY_CODE,
  REAL_RESULTS,
  REAL_YEARS,
  realPlanObjects,
  realReportRows,
  SpecProduct,
  WITHDRAWN,
  ZERO_GOALS,
} from '../../ingestion/test-support/real-plan.fixture';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const { SUMA, CONSTANTE, CRECIENTE, DECRECIENTE } = AnnualizationType;
const clamp = (x: number) => Math.min(1, Math.max(0, x));

interface Hand {
  due: boolean;
  ratio: number | null;
  p: number | null;
  c: number;
  i: number;
}

/**
 * The method by hand (docs/calculation.md §1-5, §2 zero goals, §3 missing level reports), written
 * apart from src/calculation for the shapes the fixture uses: whole-year goals, every periodicity.
 */
function byHand(x: Pick<SpecProduct, 'type' | 'periodicity' | 'baseline' | 'goals' | 'finalGoal' | 'reports'>, cut: string): Hand {
  if (x.type === DECRECIENTE && x.baseline === null) return { due: false, ratio: null, p: null, c: 0, i: 0 };
  const level = x.type !== SUMA;
  const g: Record<number, number> = {};
  let last: number | undefined;
  for (const y of REAL_YEARS) {
    const v = x.goals[y];
    if (v === undefined) continue;
    if (level && v === 0) {
      if (last !== undefined) g[y] = last;
    } else g[y] = last = v;
  }
  const B = x.baseline ?? 0;
  const origin = x.type === CRECIENTE || x.type === DECRECIENTE ? B : 0;
  const mp = (y: number, end: string, months: number): number => {
    if (months === 24) return x.type === SUMA ? g[y - 1]! + g[y]! : g[y]!;
    if (x.type === SUMA) return (g[y]! * months) / 12;
    const prev = g[y - 1] ?? (x.type === CONSTANTE ? g[y]! : B);
    return prev + ((g[y]! - prev) * Number(end.slice(5, 7))) / 12;
  };
  const reports = new Map(x.reports.map(([y, code, v]) => [`${y}:${code}`, v]));
  const closed = fixturePeriods(x.periodicity).filter(([, , end]) => end <= cut);
  if (closed.length === 0) return { due: false, ratio: null, p: null, c: 0, i: 0 };
  let D = 0;
  let A = 0;
  if (!level) {
    for (const [code, y, end, months] of closed) {
      D += mp(y, end, months);
      A += reports.get(`${y}:${code}`) ?? 0;
    }
  } else {
    const [, y, end, months] = closed[closed.length - 1]!;
    D = mp(y, end, months);
    A = origin;
    for (let k = closed.length - 1; k >= 0; k--) {
      const v = reports.get(`${closed[k]![1]}:${closed[k]![0]}`);
      if (v !== undefined) {
        A = v;
        break;
      }
    }
  }
  const G = x.type === SUMA ? (x.finalGoal ?? REAL_YEARS.reduce((s, y) => s + g[y]!, 0)) : g[REAL_YEARS[REAL_YEARS.length - 1]!]!;
  const ratio = (A - origin) / (D - origin);
  return { due: true, ratio, p: clamp(ratio), c: clamp((A - origin) / (G - origin)), i: clamp((D - origin) / (G - origin)) };
}

interface ProductNode {
  code: string;
  status: string;
  weight: number | null;
  qualityFlags: string[];
  result: { code: string } | null;
  progress: {
    ratio: number | null;
    toDate: { progress: number } | null;
    cumulative: { progress: number; ideal: number };
    unmeasuredReason: string | null;
  };
}
interface Aggregate {
  weight: number;
  productCount: number;
  withdrawnCount: number;
  toDate: { progress: number; ideal: number };
  cumulative: { progress: number; ideal: number };
}
interface Answer {
  policy: {
    progress: { total: Aggregate; results: Aggregate };
    products: { nodes: ProductNode[] };
    results: {
      nodes: { code: string; progress: { ratio: number | null; cumulative: { progress: number } }; products: { code: string }[] }[];
    };
  };
}

const QUERY = /* GraphQL */ `
  query Real($code: String!, $cut: Date) {
    policy(code: $code) {
      progress(cut: $cut) {
        total {
          weight
          productCount
          withdrawnCount
          toDate {
            progress
            ideal
          }
          cumulative {
            progress
            ideal
          }
        }
        results {
          weight
          productCount
          withdrawnCount
          toDate {
            progress
            ideal
          }
          cumulative {
            progress
            ideal
          }
        }
      }
      products(first: 1000) {
        nodes {
          code
          status
          weight
          qualityFlags
          result {
            code
          }
          progress(cut: $cut) {
            ratio
            toDate {
              progress
            }
            cumulative {
              progress
              ideal
            }
            unmeasuredReason
          }
        }
      }
      results(first: 100) {
        nodes {
          code
          progress(cut: $cut) {
            ratio
            cumulative {
              progress
            }
          }
          products {
            code
          }
        }
      }
    }
  }
`;

describe('a real plan (issue 9)', () => {
  let db: TestDatabase;
  let h: Harness;
  let api: Awaited<ReturnType<typeof createTestApi>>;

  beforeAll(async () => {
    db = await createTestDatabase('real_plan');
    h = createHarness(db);
    api = await createTestApi(db);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('the 99-product plan with results imports with warnings and no error, each naming sheet, row and column', async () => {
    const plan = await h.importBytes(workbookOf(ImportKind.PLAN, realPlanObjects()), 'plan-juventud.xlsx');
    expect(plan.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(plan.status).toBe(ImportStatus.IMPORTED);
    const warnings = plan.issues.filter((i) => i.severity === 'WARNING');
    for (const w of warnings) expect([w.code, w.sheet, w.row, w.column].every((v) => v !== null && v !== undefined)).toBe(true);
    const count = (code: string) => warnings.filter((w) => w.code === code).length;
    expect(count('PONDERADOR_FALTANTE')).toBe(1);
    expect(count('PONDERADORES_NO_ANIDAN')).toBe(5);
    expect(count('PONDERADORES_RESULTADOS_NO_SUMAN_UNO')).toBe(1);
    expect(count('PONDERADORES_NO_SUMAN_UNO')).toBe(1);
    expect(count('LINEA_BASE_REQUERIDA')).toBe(1);
    expect(count('ESCALA_MEZCLADA')).toBe(1); // goals 0.8 next to 80: once for the product, not per cell
    expect(warnings.find((w) => w.code === 'ESCALA_MEZCLADA')).toMatchObject({ sheet: 'Metas', column: 'Meta', value: '0,8' });
    expect(warnings.find((w) => w.code === 'PONDERADOR_FALTANTE')).toMatchObject({
      sheet: 'Productos',
      row: NO_WEIGHT + 2,
      column: 'Ponderador',
    });

    const rep = await h.importBytes(workbookOf(ImportKind.REPORTE, { Reporte: realReportRows() }), 'reporte-juventud.xlsx');
    expect(rep.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(rep.status).toBe(ImportStatus.IMPORTED);
    // goal 34.6, reports 0.3005 (343 095 % of nothing, or 0.87 % of the goal): one warning for the product
    const scale = rep.issues.filter((i) => i.code === 'ESCALA_MEZCLADA');
    expect(scale).toHaveLength(1);
    expect(scale[0]).toMatchObject({ sheet: 'Reporte', column: 'Valor', value: '0,3005' });
    expect(scale[0]!.message).toContain(REAL_PLAN_SPEC[HUNDRED_FOLD]!.code);
    for (const w of rep.issues) expect([w.sheet, w.row, w.column].every((v) => v !== null)).toBe(true);
  });

  it.each(['2024-04-30', '2024-12-31', '2025-06-30', '2025-08-31', '2025-12-31'])(
    'product, result and policy percentages equal the method by hand to 1e-9 at %s',
    async (cut) => {
      const res = await api.query<Answer>(QUERY, { code: REAL_POLICY_CODE, cut });
      expect(res.errors).toBeUndefined();
      const { products, progress, results } = res.data!.policy;
      expect(products.nodes).toHaveLength(99);
      const byCode = new Map(products.nodes.map((n) => [n.code, n]));
      let toDate = 0;
      let ideal = 0;
      let cumulative = 0;
      let counted = 0;
      for (const spec of REAL_PLAN_SPEC) {
        const node = byCode.get(spec.code)!;
        const hand = byHand(spec, cut);
        const got = node.progress;
        expect([spec.code, got.ratio === null]).toEqual([spec.code, hand.ratio === null]);
        if (hand.ratio !== null) expect(Math.abs(got.ratio! - hand.ratio)).toBeLessThan(1e-9);
        if (hand.p !== null) expect(Math.abs(got.toDate!.progress - hand.p)).toBeLessThan(1e-9);
        expect(Math.abs(got.cumulative.progress - hand.c)).toBeLessThan(1e-9);
        expect(Math.abs(got.cumulative.ideal - hand.i)).toBeLessThan(1e-9);
        const withdrawn = spec.withdrawnFrom !== null && spec.withdrawnFrom <= cut;
        if (withdrawn) continue;
        counted++;
        if (hand.p !== null) {
          toDate += spec.weight * hand.p;
          ideal += spec.weight;
        }
        cumulative += spec.weight * hand.c;
      }
      expect(progress.total.productCount).toBe(counted);
      expect(progress.total.withdrawnCount).toBe(99 - counted);
      expect(Math.abs(progress.total.toDate.progress - toDate)).toBeLessThan(1e-9);
      expect(Math.abs(progress.total.toDate.ideal - ideal)).toBeLessThan(1e-9);
      expect(Math.abs(progress.total.cumulative.progress - cumulative)).toBeLessThan(1e-9);

      const resultNodes = new Map(results.nodes.map((n) => [n.code, n]));
      for (const r of REAL_RESULTS) {
        const hand = byHand(
          { type: CRECIENTE, periodicity: Periodicity.ANUAL, baseline: 20, goals: r.goals, finalGoal: null, reports: r.reports },
          cut,
        );
        const got = resultNodes.get(r.code)!.progress;
        if (hand.ratio === null) expect(got.ratio).toBeNull();
        else expect(Math.abs(got.ratio! - hand.ratio)).toBeLessThan(1e-9);
        expect(Math.abs(got.cumulative.progress - hand.c)).toBeLessThan(1e-9);
      }
      expect(progress.results.productCount).toBe(12);
    },
  );

  it('stores the results level, withdrawn products, flags and weights as the plan says', async () => {
    const res = await api.query<Answer>(QUERY, { code: REAL_POLICY_CODE, cut: '2025-12-31' });
    const byCode = new Map(res.data!.policy.products.nodes.map((n) => [n.code, n]));
    const code = (i: number) => REAL_PLAN_SPEC[i]!.code;
    expect(byCode.get(code(NO_WEIGHT))).toMatchObject({ weight: 0, qualityFlags: ['PONDERADOR_FALTANTE'] });
    expect(byCode.get(code(NO_BASELINE))).toMatchObject({
      qualityFlags: ['LINEA_BASE_FALTANTE'],
      progress: { unmeasuredReason: 'LINEA_BASE_FALTANTE', ratio: null },
    });
    expect(byCode.get(code(FRACTION_GOAL))!.qualityFlags).toEqual(['ESCALA_MEZCLADA']);
    for (const i of WITHDRAWN) expect(byCode.get(code(i))!.status).toBe('NO_VIGENTE');
    expect(byCode.get(code(0))!.result).toEqual({ code: 'R1' });
    expect(byCode.get(code(98))!.result).toBeNull();
    expect(res.data!.policy.results.nodes.find((r) => r.code === 'R2')!.products).toHaveLength(8);
    // a CRECIENTE with goals 14, 18, 0, 0, 0, 0 holds 18 (was: goal to date 0, ALTO whatever is reported)
    expect(byHand(REAL_PLAN_SPEC[ZERO_GOALS]!, '2029-12-31').i).toBeGreaterThan(0);
    // weights: 1/99 each as stored (DOUBLE), the vigente ones (94) add up to 94/99 to 1e-12
    const weights = (await db.ds.query(
      `SELECT pr.weight, pr.status FROM products pr JOIN policies p ON p.id = pr.policy_id WHERE p.code = ?`,
      [REAL_POLICY_CODE],
    )) as { weight: number; status: string }[];
    expect(typeof weights[0]!.weight).toBe('number');
    const vigente = weights.filter((w) => w.status === 'VIGENTE').reduce((s, w) => s + w.weight, 0);
    expect(Math.abs(vigente - 94 / 99)).toBeLessThan(1e-12);
  });

  it('a PLAN re-sent without a product withdraws it from the date received, warns, keeps it and its reports', async () => {
    const first = await h.importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan-ej.xlsx');
    expect(first.status).toBe(ImportStatus.IMPORTED);
    await db.ds.query(
      `INSERT INTO progress_reports (product_id, year, period, value) SELECT pr.id, 2024, 'ANUAL', 5 FROM products pr JOIN policies p ON p.id = pr.policy_id WHERE p.code = 'PP-EJ' AND pr.code = 'C'`,
    );
    const resent = await h.importBytes(
      workbookOf(
        ImportKind.PLAN,
        planObjects({ Productos: PRODUCTS.filter((p) => p.code !== 'C'), Metas: GOALS.filter((g) => g.productCode !== 'C') }),
      ),
      'plan-ej-sin-c.xlsx',
    );
    expect(resent.status).toBe(ImportStatus.IMPORTED);
    const withdrawn = resent.issues.find((i) => i.code === 'PRODUCTO_RETIRADO');
    expect(withdrawn).toMatchObject({ severity: 'WARNING', sheet: 'Productos', column: 'Código producto', value: 'C' });
    // the re-sent plan's weights (4 × 0.2) no longer silently add to 1.2 with the old one: they are checked over the vigentes
    expect(resent.issues.find((i) => i.code === 'PONDERADORES_NO_SUMAN_UNO')).toMatchObject({ value: '0,8' });
    const rows = (await db.ds.query(
      `SELECT pr.status, pr.withdrawn_from, (SELECT COUNT(*) FROM progress_reports r WHERE r.product_id = pr.id) AS reports
         FROM products pr JOIN policies p ON p.id = pr.policy_id WHERE p.code = 'PP-EJ' AND pr.code = 'C'`,
    )) as { status: string; withdrawn_from: string | Date; reports: number }[];
    expect(rows[0]!.status).toBe('NO_VIGENTE');
    expect(rows[0]!.withdrawn_from).not.toBeNull();
    expect(Number(rows[0]!.reports)).toBe(1);
    const res = await api.query<{ policy: { progress: { total: Aggregate } } }>(
      `{ policy(code: "PP-EJ") { progress(cut: "2099-12-31") { total { weight productCount withdrawnCount toDate { progress ideal } cumulative { progress ideal } } } } }`,
    );
    expect(res.data!.policy.progress.total).toMatchObject({ productCount: 4, withdrawnCount: 1 });
    expect(res.data!.policy.progress.total.weight).toBeCloseTo(0.8, 12);
  });

  it('numbers round-trip exactly: 28 weights of 1/28 add up to 1 within 1e-12, a baseline keeps every digit', async () => {
    const products = Array.from({ length: 28 }, (_, k) => ({
      ...PRODUCTS[0]!,
      code: `W${k + 1}`,
      weight: 1 / 28,
      baseline: k === 0 ? 0.1 + 0.2 : 123456.78901234567,
      annualizationType: 'CRECIENTE',
      finalGoal: 1e9 / 7,
    }));
    const goals = products.flatMap((p) => [2024, 2025].map((year) => ({ productCode: p.code, year, value: 1e9 / 7 })));
    const out = await h.importBytes(
      workbookOf(
        ImportKind.PLAN,
        planObjects({ Politica: [{ ...planObjects().Politica![0]!, code: 'PP-W' }], Productos: products, Metas: goals }),
      ),
      'plan-pesos.xlsx',
    );
    expect(out.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    const rows = (await db.ds.query(
      `SELECT pr.code, pr.weight, pr.baseline_value, pr.final_goal FROM products pr JOIN policies p ON p.id = pr.policy_id WHERE p.code = 'PP-W' ORDER BY pr.id`,
    )) as { code: string; weight: number; baseline_value: number; final_goal: number }[];
    expect(rows).toHaveLength(28);
    expect(Math.abs(rows.reduce((s, r) => s + r.weight, 0) - 1)).toBeLessThan(1e-12);
    expect(rows.every((r) => r.weight === 1 / 28 && r.final_goal === 1e9 / 7)).toBe(true);
    expect(rows[0]!.baseline_value).toBe(0.1 + 0.2);
    expect(rows[1]!.baseline_value).toBe(123456.78901234567);
    expect(out.issues.some((i) => i.code === 'PONDERADORES_NO_SUMAN_UNO')).toBe(false);
  });
});
