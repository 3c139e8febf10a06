/**
 * 5. Web app. The policy page of a 1 000-product policy in Debian's Chromium: time from the moment the
 * GraphQL answer has arrived (performance mark `rumbo:data`) to the headline, filters and annex on screen
 * (`rumbo:policy-rendered`, next frame after the commit) and to the five charts drawn (`rumbo:chart` × 5),
 * and the bytes the first load of `/` transfers (compressed, as the server sends them).
 */
import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createBenchDatabase } from './support/bench-db';
import { planWorkbook, reportObjects, reporteWorkbook } from './support/data.generator';
import { dashboardShape, DASHBOARD_CUT } from './dashboard.bench';
import { startApi } from './support/http';
import { createImporter } from './support/pipeline';
import { Check, RunOptions, SectionResult } from './support/results';
/** FIRST_ROWS of web/src/components/data-table.tsx. */
const FIRST_ROWS = 150;
import { median, ms } from './support/stats';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Visit {
  /** Headline, filters, chart frames and the first rows of the annex on screen. */
  render: number;
  /** The five charts drawn. */
  charts: number;
  /** Every annex row in the page. */
  complete: number;
  rows: number;
}

async function policyRun(page: Page, url: string, products: number): Promise<Visit> {
  await page.goto(url);
  await page.waitForFunction(
    (n) =>
      performance.getEntriesByName('rumbo:policy-rendered').length > 0 &&
      performance.getEntriesByName('rumbo:chart').length >= 5 &&
      (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
        '[data-testid="anexo"] tbody tr',
      ).length >= n,
    products,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).map((e) => e.startTime);
    const data = at('rumbo:data').at(-1)!;
    const rendered = at('rumbo:policy-rendered')[0]!;
    const complete = at('rumbo:table-complete');
    return {
      render: rendered - data,
      charts: Math.max(...at('rumbo:chart')) - data,
      complete: (complete.length ? Math.max(...complete) : rendered) - data,
      rows: (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
        '[data-testid="anexo"] tbody tr',
      ).length,
    };
  });
}

export async function webBench(o: RunOptions, log: (m: string) => void): Promise<SectionResult> {
  const started = performance.now();
  const webDir = path.resolve(__dirname, '..', 'dist', 'web');
  if (!existsSync(path.join(webDir, 'index.html'))) {
    // A full `npm run bench` on a fresh checkout builds the web app itself (as the import section builds dist/).
    log('  building dist/web (npm run web:build)');
    execFileSync('npm', ['run', '-s', 'web:build'], { cwd: path.resolve(__dirname, '..'), stdio: 'inherit' });
  }
  const products = o.quick ? 100 : 1000;
  const runs = o.quick ? 2 : 7;
  const db = await createBenchDatabase('web');
  const api = await startApi(db);
  const base = api.url.replace(/\/graphql$/, '');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const shape = dashboardShape(products, `W${products}`);
    const importer = createImporter(db);
    await importer.importNow(planWorkbook(shape), `plan-${shape.code}.xlsx`);
    await importer.importNow(reporteWorkbook(reportObjects(shape)), `reporte-${shape.code}.xlsx`);
    log(`policy of ${products} products imported`);

    // First load of `/` in a fresh context: every response's encoded size (headers + body) until the network is idle.
    const context = await browser.newContext({ locale: 'es-CO' });
    const page = await context.newPage();
    const sizes: { url: string; bytes: number; api: boolean }[] = [];
    page.on('requestfinished', (request) => {
      void request
        .sizes()
        .then((s) =>
          sizes.push({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize, api: request.url().includes('/graphql') }),
        );
    });
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(200);
    const assetBytes = sizes.filter((s) => !s.api).reduce((a, s) => a + s.bytes, 0);
    const assetRequests = sizes.filter((s) => !s.api).length;
    log(`first load of /: ${(assetBytes / 1024).toFixed(1)} KB of app files (${assetRequests} requests)`);

    const url = `${base}/politicas/${shape.code}?corte=${DASHBOARD_CUT}`;
    const first = await policyRun(page, url, products); // warms the chart chunk and the server
    const results: Visit[] = [];
    for (let i = 0; i < runs; i++) results.push(await policyRun(page, url, products));
    const render = median(results.map((r) => r.render));
    const charts = median(results.map((r) => r.charts));
    const complete = median(results.map((r) => r.complete));
    log(
      `policy page, ${first.rows} annex rows: first screen ${ms(render)} after the data, charts ${ms(charts)}, all rows ${ms(complete)} ` +
        `(medians of ${runs}; first visit ${ms(first.render)} / ${ms(first.charts)} / ${ms(first.complete)})`,
    );
    await context.close();

    const checks: Check[] = [
      {
        label: `Policy page of ${products} products: headline, filters, chart frames and first ${FIRST_ROWS} annex rows on screen after the data arrives (median)`,
        value: ms(render),
        target: '< 1.5 s',
        met: render < 1500,
      },
      {
        label: `Policy page of ${products} products: all annex rows in the page after the data arrives (median)`,
        value: ms(complete),
        target: '< 1.5 s',
        met: complete < 1500,
      },
      {
        label: `Policy page of ${products} products: the five charts drawn after the data arrives (median)`,
        value: ms(charts),
        target: '< 1.5 s',
        met: charts < 1500,
      },
      {
        label: 'First load of / (app files, compressed as sent)',
        value: `${(assetBytes / 1024).toFixed(1)} KB`,
        target: '< 600 KB',
        met: assetBytes < 600 * 1024,
      },
    ];
    return {
      id: 'web',
      title: 'Web app (policy page in Chromium, first-load size)',
      method:
        `Debian Chromium headless against the real server (dist/web built by npm run build); policy W${products} (quarterly products, 10 years, 40 reports each) at cut ${DASHBOARD_CUT}; ` +
        `times from the performance mark set when the GraphQL answer arrives to the mark set on the next frame after React commits the page, and to the last of the five charts drawn by ECharts; ${runs} visits after one warm-up.`,
      checks,
      tables: [
        {
          title: 'First load of / (fresh browser context)',
          header: ['what', 'requests', 'bytes'],
          rows: [['app files (HTML, JS, CSS, icon)', assetRequests, `${(assetBytes / 1024).toFixed(1)} KB`]],
        },
      ],
      notes: [
        'ECharts (echarts/core with bar, line and pie, SVG renderer) and the spreadsheet writer are separate chunks loaded on demand; they are not part of the first load.',
      ],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await browser.close();
    await api.stop();
    await db.drop();
  }
}
