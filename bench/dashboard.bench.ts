/**
 * 2. Dashboard query. The whole-policy dashboard of docs/api-cifras.md through HTTP for policies of
 * 10, 100 and 1 000 products with 40 reports each: latency median and p95, SQL statements per
 * request, next to the hand-written baseline (support/dashboard.baseline.ts) in the same process —
 * both computing every request (the app with PROGRESS_CACHE_MAX_ENTRIES=0) — and the same requests
 * to the app with its default settings, figures and response caches warm (docs/scaling.md, «Caché de cifras», «Caché de
 * respuestas»).
 * Alone: `npm run bench -- dashboard` (`--quick` for small sizes).
 */
import { createBenchDatabase } from './support/bench-db';
import { BASELINE_STATEMENTS, startBaseline } from './support/dashboard.baseline';
import { PlanShape, planWorkbook, reportObjects, reporteWorkbook } from './support/data.generator';
import { DASHBOARD_QUERY, gql, NO_FIGURES_CACHE, startApi } from './support/http';
import { createImporter } from './support/pipeline';
import { Check, RunOptions, SectionResult, Table } from './support/results';
import { median, ms, p95, ratio } from './support/stats';

export const DASHBOARD_CUT = '2024-06-30';

interface SizeResult {
  products: number;
  gqlMs: number[];
  baseMs: number[];
  statements: number[];
  sameFigures: boolean;
  /** The app with the figures cache, warm: every request finds its figures computed. */
  cachedMs: number[];
  cachedStatements: number[];
  sameCached: boolean;
}

/** Policy `D<n>`: n quarterly products over 10 years from 2016, 40 reports each, imported through the pipeline. */
export function dashboardShape(products: number, code = `D${products}`): PlanShape {
  return { code, products, startYear: 2016, vigencias: 10, objectives: 5, entities: 12, sectors: 4 };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || json.errors) throw new Error(`${url}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json.data;
}

export async function dashboardBench(o: RunOptions, log: (m: string) => void): Promise<SectionResult> {
  const started = performance.now();
  const sizes = o.quick ? [10, 30, 100] : [10, 100, 1000];
  const runsOf = (n: number) => (o.quick ? 5 : n >= 1000 ? 60 : n >= 100 ? 150 : 300);
  const db = await createBenchDatabase('dashboard');
  // "GraphQL" computes every request (as before the figures cache), so it compares with the baseline's work.
  const api = await startApi(db, NO_FIGURES_CACHE);
  const cached = await startApi(db);
  const baseline = await startBaseline(db.url);
  try {
    const importer = createImporter(db);
    for (const n of sizes) {
      const shape = dashboardShape(n);
      await importer.importNow(planWorkbook(shape), `plan-${shape.code}.xlsx`);
      await importer.importNow(reporteWorkbook(reportObjects(shape)), `reporte-${shape.code}.xlsx`);
    }
    log(`policies of ${sizes.join(', ')} products imported`);
    const results: SizeResult[] = [];
    for (const n of sizes) {
      const vars = { code: `D${n}`, cut: DASHBOARD_CUT };
      const g = await gql(api.url, DASHBOARD_QUERY, vars);
      const b = await post(baseline.url, vars);
      const c = await gql(cached.url, DASHBOARD_QUERY, vars); // computes and stores: the cache is warm from here
      const r: SizeResult = {
        products: n,
        gqlMs: [],
        baseMs: [],
        statements: [],
        sameFigures: JSON.stringify(g) === JSON.stringify(b),
        cachedMs: [],
        cachedStatements: [],
        sameCached: JSON.stringify(c) === JSON.stringify(g),
      };
      for (let i = 0; i < 5; i++) {
        await gql(api.url, DASHBOARD_QUERY, vars);
        await post(baseline.url, vars);
        await gql(cached.url, DASHBOARD_QUERY, vars);
      }
      // Alternating, so both sides see the same machine.
      for (let i = 0; i < runsOf(n); i++) {
        let t = performance.now();
        const { statements } = await db.counter.measure(() => gql(api.url, DASHBOARD_QUERY, vars));
        r.gqlMs.push(performance.now() - t);
        r.statements.push(statements);
        t = performance.now();
        await post(baseline.url, vars);
        r.baseMs.push(performance.now() - t);
        t = performance.now();
        const warm = await db.counter.measure(() => gql(cached.url, DASHBOARD_QUERY, vars));
        r.cachedMs.push(performance.now() - t);
        r.cachedStatements.push(warm.statements);
      }
      log(
        `${String(n).padStart(5)} products: GraphQL ${ms(median(r.gqlMs))}, baseline ${ms(median(r.baseMs))}, ${r.statements[0]} statements; ` +
          `warm cache ${ms(median(r.cachedMs))}, ${r.cachedStatements[0]} statements`,
      );
      results.push(r);
    }
    return summarise(o, results, (performance.now() - started) / 1000);
  } finally {
    await baseline.stop();
    await api.stop();
    await cached.stop();
    await db.drop();
  }
}

function summarise(o: RunOptions, results: SizeResult[], seconds: number): SectionResult {
  const largest = results[results.length - 1]!;
  const middle = results[results.length - 2]!;
  const statementSet = [...new Set(results.flatMap((r) => r.statements))];
  const vsBase = median(largest.gqlMs) / median(largest.baseMs);
  const growth = median(largest.gqlMs) / median(middle.gqlMs);
  const warm = median(largest.cachedMs) / median(largest.gqlMs);
  const checks: Check[] = [
    {
      label: `Dashboard at ${largest.products} products: warm caches (figures and responses, default settings) ÷ computing every request (medians, same run)`,
      value: ratio(warm),
      target: '≤ 0.20×',
      met: warm <= 0.2 && results.every((r) => r.sameCached),
    },
    {
      label: `Dashboard at ${largest.products} products: GraphQL ÷ hand-written baseline (medians)`,
      value: ratio(vsBase),
      target: '≤ 1.50×',
      met: vsBase <= 1.5,
    },
    {
      label: `Dashboard: SQL statements per request at ${results.map((r) => r.products).join(', ')} products`,
      value: statementSet.join(', '),
      target: 'identical',
      met: statementSet.length === 1,
    },
    {
      label: `Dashboard: latency at ${largest.products} ÷ latency at ${middle.products} products (medians)`,
      value: ratio(growth),
      target: '≤ 12.00×',
      met: growth <= 12,
    },
  ];
  const cacheTable: Table = {
    title:
      'The same requests to the app with its default settings (figures cache and response cache), warm, against computing every request',
    header: ['products', 'warm cache median', 'warm cache p95', 'statements', 'computing median', 'warm ÷ computing', 'same JSON'],
    rows: results.map((r) => [
      r.products,
      ms(median(r.cachedMs)),
      ms(p95(r.cachedMs)),
      [...new Set(r.cachedStatements)].join(', '),
      ms(median(r.gqlMs)),
      ratio(median(r.cachedMs) / median(r.gqlMs)),
      r.sameCached ? 'yes' : '**no**',
    ]),
  };
  const table: Table = {
    title: `Policies with 40 quarterly reports per product, cut ${DASHBOARD_CUT}, sequential requests over loopback HTTP`,
    header: [
      'products',
      'GraphQL median',
      'GraphQL p95',
      'statements',
      'baseline median',
      'baseline p95',
      'statements',
      'GraphQL ÷ baseline',
      'runs',
      'same JSON',
    ],
    rows: results.map((r) => [
      r.products,
      ms(median(r.gqlMs)),
      ms(p95(r.gqlMs)),
      [...new Set(r.statements)].join(', '),
      ms(median(r.baseMs)),
      ms(p95(r.baseMs)),
      BASELINE_STATEMENTS,
      ratio(median(r.gqlMs) / median(r.baseMs)),
      r.gqlMs.length,
      r.sameFigures ? 'yes' : '**no**',
    ]),
  };
  const notes = [
    'GraphQL: the real app (createApp, production settings, default query limits, figures cache off: PROGRESS_CACHE_MAX_ENTRIES=0, ' +
      'so every request computes as before the cache) with an `authenticate` hook returning an ADMIN; ' +
      'statements counted by the TypeORM logger for each request. Baseline: seven SQL statements sent at once through a mysql2 pool ' +
      '(policy; products joined to objectives, entities and sectors; goals; reports; result indicators, their goals and reports), ' +
      '`computePolicyProgress`, and the same JSON as ' +
      'the GraphQL `data`, served by a bare node:http handler. "same JSON" compares both responses byte for byte.',
  ];
  notes.push(
    'Warm cache: a second app on the same database with the default settings, asked once before the timed rounds; each request reads ' +
      "the policy's id and data version (1 statement) and gets the whole answer stored for that version from the response cache " +
      '(docs/scaling.md, «Caché de respuestas»; without it, RESPONSE_CACHE_MAX_ENTRIES=0, the figures cache alone: 6 statements). ' +
      'Its timings alternate with the other two, so the ratio is from the same machine state.',
  );
  if (results.some((r) => !r.sameCached)) notes.push('**The cached app did not return the same JSON as the computing one.**');
  if (results.some((r) => !r.sameFigures))
    notes.push('**The baseline did not return the same JSON as GraphQL for some sizes: its timings are not comparable there.**');
  return {
    id: 'dashboard',
    title: '2. Dashboard query',
    method:
      'Policies imported through the pipeline (PLAN + REPORTE); each iteration sends the dashboard query of docs/api-cifras.md ' +
      '(verbatim) to GraphQL, then the same request to the baseline, then to the app with the figures cache, one at a time, after 5 ' +
      'warm-up rounds.' +
      (o.quick ? ' QUICK MODE: smaller policies, 5 runs.' : ''),
    checks,
    tables: [table, cacheTable],
    notes,
    seconds,
  };
}
