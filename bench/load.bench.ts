/**
 * 3. Load. autocannon (in a child process) for 20 s at 20 connections against the dashboard query of a
 * 28-product policy and against a paginated product list, on the real app over loopback HTTP. The
 * dashboard runs twice: on the app computing every request (PROGRESS_CACHE_MAX_ENTRIES=0, as before the
 * figures cache) and on the app with its default settings, figures and response caches on (docs/scaling.md,
 * «Caché de cifras» and «Caché de respuestas»), in the same run.
 * Alone: `npm run bench -- load` (`--quick` for 3 s per scenario).
 */
import { dashboardShape, DASHBOARD_CUT } from './dashboard.bench';
import { LoadChildArgs, LoadChildResult } from './load.child';
import { createBenchDatabase } from './support/bench-db';
import { runChild } from './support/child';
import { planWorkbook, reportObjects, reporteWorkbook } from './support/data.generator';
import { BenchApi, DASHBOARD_QUERY, gql, NO_FIGURES_CACHE, startApi } from './support/http';
import { createImporter } from './support/pipeline';
import { Check, RunOptions, SectionResult, Table } from './support/results';
import { fmt, ms, ratio } from './support/stats';

export const PRODUCT_LIST_QUERY = /* GraphQL */ `
  query Products($first: Int!) {
    products(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        name
        indicator
        periodicity
        policy {
          code
        }
        objective {
          number
        }
        responsibleEntity {
          code
          sector {
            name
          }
        }
      }
    }
  }
`;

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The app without the figures cache (the "today" of the cache's target). */
  computing?: boolean;
}

export async function loadBench(o: RunOptions, log: (m: string) => void): Promise<SectionResult> {
  const started = performance.now();
  const seconds = o.quick ? 3 : 20;
  const connections = 20;
  const others = o.quick ? 2 : 10;
  const db = await createBenchDatabase('load');
  const api = await startApi(db);
  const computing = await startApi(db, NO_FIGURES_CACHE);
  try {
    const importer = createImporter(db);
    // The 28-product policy of the dashboard, plus other 100-product policies so the list has pages.
    const shapes = [dashboardShape(28, 'L28'), ...Array.from({ length: others }, (_, i) => dashboardShape(100, `L100-${i + 1}`))];
    for (const shape of shapes) {
      await importer.importNow(planWorkbook(shape), `plan-${shape.code}.xlsx`);
      await importer.importNow(reporteWorkbook(reportObjects(shape)), `reporte-${shape.code}.xlsx`);
    }
    const products = 28 + 100 * others;
    log(`${shapes.length} policies, ${fmt(products)} products imported`);
    const dashboard = { query: DASHBOARD_QUERY, variables: { code: 'L28', cut: DASHBOARD_CUT } };
    const scenarios: Scenario[] = [
      { name: 'dashboard query, 28-product policy, computing every request (no figures cache)', ...dashboard, computing: true },
      { name: 'dashboard query, 28-product policy, figures and response caches (default settings)', ...dashboard },
      { name: `product list, first page of 50 (of ${fmt(products)})`, query: PRODUCT_LIST_QUERY, variables: { first: 50 } },
    ];
    const results: [Scenario, LoadChildResult][] = [];
    for (const sc of scenarios) {
      const target: BenchApi = sc.computing ? computing : api;
      await gql(target.url, sc.query, sc.variables); // fails loudly if the operation itself is wrong
      const args: LoadChildArgs = { url: target.url, query: sc.query, variables: sc.variables, connections, seconds };
      const r = await runChild<LoadChildResult>('load.child.ts', args);
      log(
        `${sc.name}: ${fmt(r.requestsPerSecond)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, errors ${r.errors + r.timeouts + r.graphqlErrors}`,
      );
      results.push([sc, r]);
    }
    const rps = (computingToo: boolean) => results.find(([sc]) => sc.query === DASHBOARD_QUERY && !!sc.computing === computingToo)![1];
    const speedup = rps(false).requestsPerSecond / rps(true).requestsPerSecond;
    const cachedErrors = ((r) => r.errors + r.timeouts + r.graphqlErrors + r.non2xx + r.status5xx)(rps(false));
    const checks: Check[] = results.map(([sc, r]) => {
      const errors = r.errors + r.timeouts + r.graphqlErrors + r.non2xx;
      return {
        label: `Load, ${sc.name}: errors and 5xx in ${seconds} s at ${connections} connections`,
        value: `${errors} errors, ${r.status5xx} 5xx`,
        target: '0 errors, 0 5xx',
        met: errors === 0 && r.status5xx === 0,
      };
    });
    checks.unshift({
      label: `Load, dashboard query, 28-product policy: requests/s with the figures and response caches ÷ computing every request (same run, ${connections} connections)`,
      value: `${ratio(speedup)} (${fmt(rps(false).requestsPerSecond)} ÷ ${fmt(rps(true).requestsPerSecond)}), ${cachedErrors} errors`,
      target: '≥ 5.00×, 0 errors',
      met: speedup >= 5 && cachedErrors === 0,
    });
    const table: Table = {
      title: `autocannon ${seconds} s, ${connections} connections, POST /graphql over loopback (load generator in its own process)`,
      header: ['scenario', 'requests', 'requests/s', 'p50', 'p99', 'max', 'errors', 'timeouts', 'non-2xx', '5xx', 'GraphQL errors'],
      rows: results.map(([sc, r]) => [
        sc.name,
        fmt(r.requests),
        fmt(r.requestsPerSecond),
        ms(r.p50),
        ms(r.p99),
        ms(r.max),
        r.errors,
        r.timeouts,
        r.non2xx,
        r.status5xx,
        r.graphqlErrors,
      ]),
    };
    return {
      id: 'load',
      title: '3. Load',
      method:
        'The real app (createApp, production settings) in the benchmark process, autocannon in a child process; a response counts as a ' +
        'GraphQL error when its body is not `{"data":…}` or carries `errors`. Server, load generator and MariaDB share the 2 cores. ' +
        'The dashboard runs first on an app with PROGRESS_CACHE_MAX_ENTRIES=0 (every request computes, as before the figures cache), ' +
        'then on the app with its default settings (figures cache and response cache, docs/scaling.md); the product list ' +
        '(no computed figures, not answerable from the response cache) on the latter.' +
        (o.quick ? ' QUICK MODE: 3 s per scenario.' : ''),
      checks,
      tables: [table],
      notes: [],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await api.stop();
    await computing.stop();
    await db.drop();
  }
}
