/**
 * Hand-written baseline of the dashboard query: the fewest SQL statements that fetch the same rows
 * (seven, sent at once on a mysql2 pool: the products and the result indicators with their goals and
 * reports), the same pure calculation functions (src/calculation), and
 * the same JSON as the GraphQL response's `data`, served by a bare node:http handler so both sides
 * pay for HTTP and JSON alike.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createPool, Pool, RowDataPacket } from 'mysql2/promise';
import { computePolicyProgress, PolicyProductInput, ResultCalcInput } from '../../src/calculation';
import { AnnualizationType, Periodicity } from '../../src/domain/enums';

interface ProductRow extends RowDataPacket {
  id: number;
  code: string;
  objective_id: number;
  objective_number: number;
  responsible_entity_id: number;
  sector_id: number | null;
  sector_name: string | null;
  annualization_type: AnnualizationType;
  periodicity: Periodicity;
  baseline_value: number | null;
  final_goal: number | null;
  weight: number | null;
  priority: number | null;
}

interface ValueRow extends RowDataPacket {
  product_id: number;
  year: number;
  period: string;
  value: number;
}

const POLICY_SQL = 'SELECT id, code, name, start_year, vigencias, high_threshold, medium_threshold FROM policies WHERE code = ?';
const PRODUCTS_SQL = `SELECT pr.id, pr.code, pr.objective_id, o.number AS objective_number, pr.responsible_entity_id, e.sector_id,
       s.name AS sector_name, pr.annualization_type, pr.periodicity, pr.baseline_value, pr.final_goal, pr.weight, pr.priority
  FROM products pr
  JOIN policies p ON p.id = pr.policy_id
  JOIN objectives o ON o.id = pr.objective_id
  JOIN entities e ON e.id = pr.responsible_entity_id
  LEFT JOIN sectors s ON s.id = e.sector_id
 WHERE p.code = ?`;
const valuesSql = (table: string) => `SELECT t.product_id, t.year, t.period, t.value
  FROM ${table} t JOIN products pr ON pr.id = t.product_id JOIN policies p ON p.id = pr.policy_id
 WHERE p.code = ? ORDER BY t.product_id, t.year, t.period`;
const GOALS_SQL = valuesSql('goals');
const REPORTS_SQL = valuesSql('progress_reports');
const RESULTS_SQL = `SELECT x.id, x.code, x.objective_id, x.annualization_type, x.periodicity, x.baseline_value, x.final_goal, x.weight
  FROM results x JOIN policies p ON p.id = x.policy_id
 WHERE p.code = ?`;
const resultValuesSql = (table: string) => `SELECT t.result_id AS product_id, t.year, t.period, t.value
  FROM ${table} t JOIN results x ON x.id = t.result_id JOIN policies p ON p.id = x.policy_id
 WHERE p.code = ? ORDER BY t.result_id, t.year, t.period`;
const RESULT_GOALS_SQL = resultValuesSql('result_goals');
const RESULT_REPORTS_SQL = resultValuesSql('result_reports');

/** SQL statements one dashboard costs here. */
export const BASELINE_STATEMENTS = 7;

const collator = new Intl.Collator('es', { numeric: true });

function group(rows: readonly ValueRow[]): Map<number, ValueRow[]> {
  const out = new Map<number, ValueRow[]>();
  for (const r of rows) {
    let g = out.get(r.product_id);
    if (!g) out.set(r.product_id, (g = []));
    g.push(r);
  }
  return out;
}

/** The `data` of the dashboard query for one policy and cut. */
export async function baselineDashboard(pool: Pool, code: string, cut: string): Promise<unknown> {
  const [[policies], [products], [goals], [reports], [results], [resultGoals], [resultReports]] = await Promise.all([
    pool.query<RowDataPacket[]>(POLICY_SQL, [code]),
    pool.query<ProductRow[]>(PRODUCTS_SQL, [code]),
    pool.query<ValueRow[]>(GOALS_SQL, [code]),
    pool.query<ValueRow[]>(REPORTS_SQL, [code]),
    pool.query<RowDataPacket[]>(RESULTS_SQL, [code]),
    pool.query<ValueRow[]>(RESULT_GOALS_SQL, [code]),
    pool.query<ValueRow[]>(RESULT_REPORTS_SQL, [code]),
  ]);
  const policy = policies[0];
  if (!policy) return { policy: null };
  const goalsBy = group(goals);
  const reportsBy = group(reports);
  const inputs: PolicyProductInput[] = products.map((p) => ({
    id: p.id,
    annualizationType: p.annualization_type,
    periodicity: p.periodicity,
    baseline: p.baseline_value,
    finalGoal: p.final_goal,
    weight: p.weight,
    priority: p.priority,
    goals: (goalsBy.get(p.id) ?? []).map((g) => ({ year: g.year, period: g.period === '' ? null : g.period, value: g.value })),
    reports: (reportsBy.get(p.id) ?? []).map((r) => ({ year: r.year, period: r.period, value: r.value })),
    objectiveId: p.objective_id,
    sectorId: p.sector_id,
    entityId: p.responsible_entity_id,
  }));
  inputs.sort((a, b) => a.id - b.id);
  const resultGoalsBy = group(resultGoals);
  const resultReportsBy = group(resultReports);
  const resultInputs: ResultCalcInput[] = results
    .map((x) => ({
      id: Number(x.id),
      annualizationType: x.annualization_type,
      periodicity: x.periodicity,
      baseline: x.baseline_value,
      finalGoal: x.final_goal,
      weight: x.weight,
      priority: null,
      goals: (resultGoalsBy.get(x.id) ?? []).map((g) => ({ year: g.year, period: g.period === '' ? null : g.period, value: g.value })),
      reports: (resultReportsBy.get(x.id) ?? []).map((r) => ({ year: r.year, period: r.period, value: r.value })),
      objectiveId: Number(x.objective_id),
    }))
    .sort((a, b) => a.id - b.id);
  const result = computePolicyProgress(
    {
      startYear: policy.start_year,
      vigencias: policy.vigencias,
      highThreshold: policy.high_threshold,
      mediumThreshold: policy.medium_threshold,
    },
    inputs,
    cut,
    resultInputs,
  );
  const objectiveNumber = new Map(products.map((p) => [p.objective_id, p.objective_number]));
  const sectorName = new Map(products.map((p) => [p.sector_id, p.sector_name]));
  const m3 = (x: { progress: number; ideal: number; gap: number }) => ({ progress: x.progress, ideal: x.ideal, gap: x.gap });
  const lights = (l: { alto: number; medio: number; bajo: number; notDue: number }) => ({
    alto: l.alto,
    medio: l.medio,
    bajo: l.bajo,
    notDue: l.notDue,
  });
  const sorted = [...products].sort((a, b) => collator.compare(a.code, b.code) || a.id - b.id).slice(0, 1000);
  return {
    policy: {
      code: policy.code,
      name: policy.name,
      progress: {
        total: {
          toDate: m3(result.total.toDate),
          cumulative: m3(result.total.cumulative),
          lights: lights(result.total.lights),
          shares: { green: result.total.shares.green, yellow: result.total.shares.yellow, red: result.total.shares.red },
        },
        byObjective: result.byObjective.map((o) => ({
          objective: { number: objectiveNumber.get(o.objectiveId) },
          progress: { toDate: m3(o.progress.toDate) },
        })),
        results: {
          productCount: result.results.productCount,
          toDate: m3(result.results.toDate),
          lights: lights(result.results.lights),
        },
        bySector: result.bySector.map((s) => ({
          sector: { name: sectorName.get(s.sectorId) },
          progress: {
            productCount: s.progress.productCount,
            toDate: { progress: s.progress.toDate.progress },
            lights: lights(s.progress.lights),
          },
        })),
      },
      results: {
        nodes: [...results]
          .sort((a, b) => collator.compare(String(a.code), String(b.code)) || Number(a.id) - Number(b.id))
          .slice(0, 100)
          .map((x) => {
            const pr = result.resultsById.get(Number(x.id))!.progress;
            return {
              code: x.code,
              progress: { trafficLight: pr.trafficLight, ratio: pr.ratio, toDate: pr.toDate ? { progress: pr.toDate.progress } : null },
            };
          }),
      },
      products: {
        nodes: sorted.map((p) => {
          const pr = result.products.get(p.id)!.progress;
          return {
            code: p.code,
            progress: {
              trafficLight: pr.trafficLight,
              ratio: pr.ratio,
              toDate: pr.toDate ? { progress: pr.toDate.progress } : null,
              cumulative: m3(pr.cumulative),
            },
          };
        }),
      },
    },
  };
}

export interface BaselineServer {
  /** POST {code, cut} → {data}. */
  url: string;
  pool: Pool;
  stop: () => Promise<void>;
}

export async function startBaseline(databaseUrl: string): Promise<BaselineServer> {
  const pool = createPool({ uri: databaseUrl, connectionLimit: 10, decimalNumbers: true, supportBigNumbers: true, dateStrings: ['DATE'] });
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const { code, cut } = JSON.parse(body) as { code: string; cut: string };
      baselineDashboard(pool, code, cut).then(
        (data) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data }));
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(err) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/dashboard`,
    pool,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
