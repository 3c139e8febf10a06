/**
 * 1. Import. A REPORTE of 100 000 rows (2 500 quarterly products × 10 years × 4 quarters) through the
 * real pipeline (its parsing thread included) in process, through `rumbo import` (the built CLI, its
 * own process) and through `rumbo worker` (the built CLI, idle, picking up the enqueued batch), next to
 * its floor (inflate + tokenize the worksheet XML, + raw multi-row INSERTs through mysql2) and a naive
 * importer (one ORM save() per row), every measurement in a fresh process; then one REPORTE of
 * 1 000 000 rows (25 000 products; 10 000 rows in quick mode) through `rumbo import` and the worker,
 * once each; then a 28-product plan and its reports as a small real case.
 *
 * Runnable alone: `npm run bench -- import` (the CLI measurement builds dist/ first with
 * `tsc -p tsconfig.build.json` unless BENCH_SKIP_BUILD=1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ImportChildArgs, ImportChildResult, ImportMode } from './import.child';
import { BenchDatabase, createBenchDatabase } from './support/bench-db';
import { runChild } from './support/child';
import { PlanShape, planWorkbook, reportObjects, reporteWorkbook, reportRows } from './support/data.generator';
import type { RowObject } from '../ingestion/test-support/workbook.builder';
import { BenchImporter, createImporter, OUT_DIR, productLimits, resetReports } from './support/pipeline';
import { writeReporteStreaming } from './support/reporte-stream.writer';
import { Check, RunOptions, SectionResult, Table } from './support/results';
import { fmt, max, mb, median, ms, ratio } from './support/stats';

const RSS_LIMIT_MB = 250;
const FLOOR_FACTOR = 2;
const NAIVE_FACTOR = 10;
const ROOT = path.resolve(__dirname, '..');

interface ProcessRun {
  ms: number;
  peakRssMb: number;
}

const timed = (cmd: string[]): string[] => (existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'maxrss_kb=%M', ...cmd] : cmd);

const maxRssOf = (stderr: string): number => {
  const kb = /maxrss_kb=(\d+)/.exec(stderr);
  return kb ? Number(kb[1]) / 1024 : Number.NaN;
};

/** `rumbo import FILE` of the built CLI in its own process: wall time, peak RSS (GNU time) and how it ended. */
async function runCliProcess(
  url: string,
  file: string,
  env: Record<string, string> = {},
): Promise<ProcessRun & { code: number | null; output: string }> {
  const args = timed([process.execPath, path.join(ROOT, 'bin', 'rumbo.js'), 'import', file]);
  const t = performance.now();
  const { code, stderr, stdout } = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = spawn(args[0]!, args.slice(1), {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', RUMBO_LANG: 'es', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (c) => resolve({ code: c, stderr: err, stdout: out }));
  });
  const ms = performance.now() - t;
  const output = `${stdout.slice(-600)} ${stderr
    .replace(/maxrss_kb=\d+\s*/, '')
    .replace(/Command (exited with non-zero status|terminated by signal) \d+\s*/, '')
    .slice(-600)}`.trim();
  return { ms, peakRssMb: maxRssOf(stderr), code, output };
}

/** `rumbo import FILE`; throws unless it exits 0. */
async function runCli(url: string, file: string): Promise<ProcessRun> {
  const r = await runCliProcess(url, file);
  if (r.code !== 0) throw new Error(`rumbo import exited ${r.code}: ${r.output}`);
  return { ms: r.ms, peakRssMb: r.peakRssMb };
}

export interface WorkerRun extends ProcessRun {
  /** VmRSS of the worker once started and idle, before the batch was enqueued. */
  idleRssMb: number;
  status: string;
  rows: number;
  phases: { parseMs: number | null; validateMs: number | null; importMs: number | null };
  /** Why the batch was not imported (first errors), or why the worker did not finish. */
  detail: string;
}

const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis));

function vmRssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** The node process itself: the child of GNU time when it wraps it. */
function nodePidOf(pid: number, wrapped: boolean): number {
  if (!wrapped) return pid;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    return children[0] || pid;
  } catch {
    return pid;
  }
}

/**
 * `rumbo worker` of the built CLI in its own process (under GNU time), started and left idle first; then
 * the file is enqueued as a PENDING batch (as an upload of the API does) and timed from there until the
 * batch is no longer pending or processing (import_batches polled every 20 ms); then SIGTERM and its peak RSS.
 */
async function runWorker(
  db: BenchDatabase,
  importer: BenchImporter,
  file: string,
  env: Record<string, string> = {},
  timeoutMs = 15 * 60_000,
): Promise<WorkerRun> {
  const dir = path.join(OUT_DIR, db.name, 'worker');
  mkdirSync(path.join(dir, 'inbox'), { recursive: true });
  const args = timed([process.execPath, path.join(ROOT, 'bin', 'rumbo.js'), 'worker']);
  const child = spawn(args[0]!, args.slice(1), {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      RUMBO_LANG: 'es',
      INBOX_DIR: path.join(dir, 'inbox'),
      STORAGE_DIR: path.join(dir, 'storage'),
      IMPORT_POLL_MS: '200',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const closed = new Promise<void>((resolve) =>
    child.on('close', () => {
      exited = true;
      resolve();
    }),
  );
  const fail = (detail: string): WorkerRun => ({ ...NO_WORKER_RUN, detail });
  try {
    // Ready: it prints its line ("… Ctrl+C lo detiene.") once connected and scheduled; then its first pass.
    const readyBy = performance.now() + 60_000;
    while (!/Ctrl\+C/.test(output) && !exited && performance.now() < readyBy) await sleep(50);
    if (!/Ctrl\+C/.test(output)) return fail(`rumbo worker did not start: ${output.slice(-600)}`);
    await sleep(1000);
    const nodePid = nodePidOf(child.pid!, args[0] === '/usr/bin/time');
    const idleRssMb = vmRssMb(nodePid);
    const id = await importer.enqueue(readFileSync(file), path.basename(file));
    const t = performance.now();
    let status = 'PENDING';
    while (!exited && performance.now() - t < timeoutMs) {
      const [row] = (await db.ds.query('SELECT status FROM import_batches WHERE id = ?', [id])) as { status: string }[];
      status = row?.status ?? 'GONE';
      if (status !== 'PENDING' && status !== 'PROCESSING') break;
      await sleep(20);
    }
    const ms = performance.now() - t;
    process.kill(nodePid, 'SIGTERM');
    await Promise.race([closed, sleep(30_000)]);
    if (!exited) child.kill('SIGKILL');
    await closed;
    const [b] = (await db.ds.query('SELECT rows_read, parse_ms, validate_ms, import_ms FROM import_batches WHERE id = ?', [id])) as {
      rows_read: number;
      parse_ms: number | null;
      validate_ms: number | null;
      import_ms: number | null;
    }[];
    let detail = '';
    if (status !== 'IMPORTED') {
      const issues = (await db.ds.query(
        `SELECT code, message FROM import_issues WHERE batch_id = ? AND severity = 'ERROR' ORDER BY id LIMIT 3`,
        [id],
      )) as { code: string; message: string }[];
      detail =
        status === 'PENDING' || status === 'PROCESSING'
          ? `still ${status} after ${ms.toFixed(0)} ms${exited ? ' (the worker exited)' : ''}: ${output.slice(-400)}`
          : issues.map((i) => `${i.code}: ${i.message}`).join('; ') || status;
    }
    return {
      ms,
      peakRssMb: maxRssOf(output),
      idleRssMb,
      status,
      rows: Number(b?.rows_read ?? 0),
      phases: { parseMs: b?.parse_ms ?? null, validateMs: b?.validate_ms ?? null, importMs: b?.import_ms ?? null },
      detail,
    };
  } finally {
    if (!exited) child.kill('SIGKILL');
  }
}

/** Builds dist/ (what bin/rumbo.js runs) unless told not to. */
function buildCli(log: (m: string) => void): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(path.join(ROOT, 'dist', 'ingestion', 'cli', 'rumbo.cli.js'))) return;
  log('building dist/ for `rumbo import` (tsc -p tsconfig.build.json)');
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('tsc -p tsconfig.build.json failed');
}

interface Sizes {
  products: number;
  runs: number;
  naiveRuns: number;
  /** Products of the smaller file used for the per-row-commit naive variant (it is slow). */
  autocommitProducts: number;
  smallRuns: number;
  /** Products of the large REPORTE (× 40 rows) imported once through `rumbo import` and once through the worker. */
  bigProducts: number;
}

const FULL: Sizes = { products: 2500, runs: 5, naiveRuns: 3, autocommitProducts: 250, smallRuns: 5, bigProducts: 25_000 };
const QUICK: Sizes = { products: 100, runs: 1, naiveRuns: 1, autocommitProducts: 10, smallRuns: 1, bigProducts: 250 };
const BIG_RSS_LIMIT_MB = 400;
/**
 * Products per plan of the large run. Chosen when a PLAN of 25 000 products (250 000 goals) overflowed
 * the call stack in deleteOthers (ingestion/import/row-upsert.writer.ts, since mended: the ids are pushed
 * one by one); kept so that the large run's setup stays the same from run to run.
 */
const BIG_PLAN_PRODUCTS = 5000;

interface BigRun {
  rows: number;
  fileBytes: number;
  inflatedBytes: number;
  env: Record<string, string>;
  cli: { ms: number; peakRssMb: number; ok: boolean; detail: string } | null;
  worker: WorkerRun | null;
  /** Why the run could not be set up (plan import, generation), if it could not. */
  error: string | null;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 600);

/**
 * One large REPORTE (products × 10 years × 4 quarters; 1 000 000 rows in full mode) through `rumbo
 * import` and through the worker, once each, with the row, upload and inflated-size limits raised for
 * the run (env of those processes only; the parse thread keeps its default time and memory bounds).
 * Never throws: whatever fails is reported.
 */
export async function bigRun(db: BenchDatabase, products: number, log: (m: string) => void): Promise<BigRun> {
  // The products are spread over plans of at most BIG_PLAN_PRODUCTS (50 000 goals each; see there).
  // One REPORTE covers them all.
  const plans = Math.ceil(products / BIG_PLAN_PRODUCTS);
  const shapes: PlanShape[] = Array.from({ length: plans }, (_, k) => ({
    code: `BIG${k + 1}`,
    products: Math.min(BIG_PLAN_PRODUCTS, products - k * BIG_PLAN_PRODUCTS),
    startYear: 2016,
    vigencias: 10,
    objectives: 10,
    entities: 20,
    sectors: 5,
  }));
  const rows = products * 40;
  const out: BigRun = { rows, fileBytes: 0, inflatedBytes: 0, env: {}, cli: null, worker: null, error: null };
  // The sheet holds the header row too; the config's ceiling is 1 048 576.
  const maxRows = Math.min(1_048_576, Math.max(1_000_000, rows + 1));
  for (const shape of shapes) {
    try {
      const t = performance.now();
      await createImporter(db, { ...productLimits(), maxRows }).importNow(planWorkbook(shape), `plan-${shape.code}.xlsx`);
      log(
        `plan ${shape.code} of ${fmt(shape.products)} products (${fmt(shape.products * 10)} goals) imported in ${ms(performance.now() - t)}`,
      );
    } catch (e) {
      out.error = `the plan ${shape.code} of ${fmt(shape.products)} products could not be imported: ${errorText(e)}`;
      return out;
    }
  }
  function* allRows(): Generator<RowObject> {
    for (const shape of shapes) yield* reportRows(shape);
  }
  const file = path.join(OUT_DIR, `reporte-${rows}.xlsx`);
  try {
    const t = performance.now();
    const w = await writeReporteStreaming(file, allRows(), rows);
    out.fileBytes = w.bytes;
    out.inflatedBytes = w.inflatedBytes;
    log(
      `REPORTE of ${fmt(rows)} rows streamed to disk in ${ms(performance.now() - t)}: ${fmt(w.bytes / 1e6, 1)} MB, inflated ${fmt(w.inflatedBytes / 1e6, 1)} MB`,
    );
  } catch (e) {
    out.error = `the REPORTE of ${fmt(rows)} rows could not be generated: ${errorText(e)}`;
    return out;
  }
  const margin = (n: number, floor: number, ceiling: number) =>
    String(Math.min(ceiling, Math.max(floor, Math.ceil((n * 1.25) / 1048576) * 1048576)));
  out.env = {
    IMPORT_MAX_ROWS: String(maxRows),
    UPLOAD_MAX_BYTES: margin(out.fileBytes, 20 * 1048576, 1024 * 1048576),
    IMPORT_MAX_INFLATED_BYTES: margin(out.inflatedBytes, 200 * 1048576, 4 * 1024 * 1048576 - 1),
  };
  const stored = async (): Promise<number> => {
    const [{ n }] = (await db.ds.query('SELECT COUNT(*) AS n FROM progress_reports')) as [{ n: number }];
    return Number(n);
  };
  try {
    await resetReports(db);
    const r = await runCliProcess(db.url, file, out.env);
    const n = await stored();
    const ok = r.code === 0 && n === rows;
    out.cli = { ms: r.ms, peakRssMb: r.peakRssMb, ok, detail: ok ? '' : `exit ${r.code}, ${fmt(n)} reports stored: ${r.output}` };
    log(
      `${'rumbo import'.padEnd(16)} ${fmt(rows)} rows: ${ok ? ms(r.ms) : 'FAILED'}  peak RSS ${mb(r.peakRssMb)}${ok ? '' : ` (${out.cli.detail.slice(0, 300)})`}`,
    );
  } catch (e) {
    out.cli = { ms: Number.NaN, peakRssMb: Number.NaN, ok: false, detail: errorText(e) };
  }
  try {
    await resetReports(db);
    const w = await runWorker(db, createImporter(db), file, out.env, 30 * 60_000);
    const n = await stored();
    if (w.status === 'IMPORTED' && n !== rows) w.detail = `IMPORTED but ${fmt(n)} reports stored`;
    out.worker = w;
    log(
      `${'worker'.padEnd(16)} ${fmt(rows)} rows: ${w.status} ${ms(w.ms)}  peak RSS ${mb(w.peakRssMb)}${w.detail ? ` (${w.detail.slice(0, 300)})` : ''}`,
    );
  } catch (e) {
    out.worker = { ...NO_WORKER_RUN, detail: errorText(e) };
  }
  await resetReports(db);
  return out;
}

const NO_WORKER_RUN: WorkerRun = {
  ms: Number.NaN,
  peakRssMb: Number.NaN,
  idleRssMb: Number.NaN,
  status: 'NOT RUN',
  rows: 0,
  phases: { parseMs: null, validateMs: null, importMs: null },
  detail: '',
};

const rate = (rows: number, millis: number): number => rows / (millis / 1000);

export async function importBench(o: RunOptions, log: (m: string) => void): Promise<SectionResult> {
  const started = performance.now();
  const s = o.quick ? QUICK : FULL;
  const shape: PlanShape = {
    code: 'BENCH',
    products: s.products,
    startYear: 2016,
    vigencias: 10,
    objectives: 10,
    entities: 20,
    sectors: 5,
  };
  const limits = productLimits();
  const db = await createBenchDatabase('import');
  try {
    const importer = createImporter(db, limits);
    await importer.importNow(planWorkbook(shape), 'plan.xlsx');
    const reportRows = reportObjects(shape);
    const file = path.join(OUT_DIR, `reporte-${reportRows.length}.xlsx`);
    writeFileSync(file, reporteWorkbook(reportRows));
    const acShape = { ...shape, products: s.autocommitProducts };
    const acFile = path.join(OUT_DIR, `reporte-${acShape.products * 40}.xlsx`);
    writeFileSync(acFile, reporteWorkbook(reportObjects(acShape)));
    log(`REPORTE of ${fmt(reportRows.length)} rows written (${fmt(readFileSync(file).length / 1e6, 1)} MB)`);

    buildCli(log);
    const results: Record<ImportMode, ImportChildResult[]> = {
      pipeline: [],
      scan: [],
      parse: [],
      raw: [],
      naive: [],
      'naive-autocommit': [],
    };
    const cliRuns: { ms: number; peakRssMb: number }[] = [];
    const workerRuns: WorkerRun[] = [];
    const runWorkerOnce = async (): Promise<void> => {
      await resetReports(db);
      const w = await runWorker(db, importer, file);
      const [{ n }] = (await db.ds.query('SELECT COUNT(*) AS n FROM progress_reports')) as [{ n: number }];
      if (w.status !== 'IMPORTED') throw new Error(`rumbo worker: batch ${w.status}: ${w.detail}`);
      if (Number(n) !== reportRows.length) throw new Error(`rumbo worker: ${n} reports stored, expected ${reportRows.length}`);
      workerRuns.push(w);
      log(`${'rumbo worker'.padEnd(16)} ${ms(w.ms).padStart(10)}  peak RSS ${mb(w.peakRssMb)} (idle ${mb(w.idleRssMb)})`);
    };
    const runCliOnce = async (): Promise<void> => {
      await resetReports(db);
      const r = await runCli(db.url, file);
      const [{ n }] = (await db.ds.query('SELECT COUNT(*) AS n FROM progress_reports')) as [{ n: number }];
      if (Number(n) !== reportRows.length) throw new Error(`rumbo import: ${n} reports stored, expected ${reportRows.length}`);
      cliRuns.push(r);
      log(`${'rumbo import'.padEnd(16)} ${ms(r.ms).padStart(10)}  peak RSS ${mb(r.peakRssMb)}`);
    };
    const run = async (mode: ImportMode, f = file, sh = shape): Promise<void> => {
      await resetReports(db);
      if (mode === 'pipeline') await importer.enqueue(readFileSync(f), path.basename(f));
      const args: ImportChildArgs = { mode, url: db.url, file: f, limits, shape: sh };
      const r = await runChild<ImportChildResult>('import.child.ts', args);
      const expected = sh.products * 40;
      if (r.rows !== expected) throw new Error(`${mode}: ${r.rows} rows, expected ${expected}`);
      if (mode !== 'parse' && mode !== 'scan') {
        const [{ n }] = (await db.ds.query('SELECT COUNT(*) AS n FROM progress_reports')) as [{ n: number }];
        if (Number(n) !== expected) throw new Error(`${mode}: ${n} reports stored, expected ${expected}`);
      }
      results[mode].push(r);
      log(`${mode.padEnd(16)} ${ms(r.ms).padStart(10)}  peak RSS ${mb(r.peakRssMb)}`);
    };
    // Interleaved, so drift of a noisy machine hits every mode alike.
    for (let i = 0; i < s.runs; i++) {
      for (const mode of ['pipeline', 'scan', 'parse', 'raw'] as const) await run(mode);
      await runCliOnce();
      await runWorkerOnce();
    }
    for (let i = 0; i < s.naiveRuns; i++) await run('naive');
    await run('naive-autocommit', acFile, acShape);
    await resetReports(db);

    // BENCH_IMPORT_BIG=0 leaves the large run out (e.g. while iterating on the 100 000-row figures).
    const big = process.env.BENCH_IMPORT_BIG === '0' ? null : await bigRun(db, s.bigProducts, log);
    const small = await smallCase(importer, s.smallRuns);
    return summarise(o, s, reportRows.length, results, cliRuns, workerRuns, big, small, (performance.now() - started) / 1000);
  } finally {
    await db.drop();
  }
}

interface SmallCase {
  planMs: number[];
  reportMs: number[];
  planRows: number;
  reportRows: number;
}

/** A 28-product plan (10 years) and its 1 120 quarterly reports, imported in this process; a new policy each run. */
async function smallCase(importer: ReturnType<typeof createImporter>, runs: number): Promise<SmallCase> {
  const out: SmallCase = { planMs: [], reportMs: [], planRows: 0, reportRows: 0 };
  for (let i = 0; i < runs; i++) {
    const shape: PlanShape = {
      code: `P28-${i + 1}`,
      products: 28,
      startYear: 2016,
      vigencias: 10,
      objectives: 4,
      entities: 20,
      sectors: 5,
    };
    const plan = await importer.importNow(planWorkbook(shape), `plan-${shape.code}.xlsx`);
    const rep = await importer.importNow(reporteWorkbook(reportObjects(shape)), `reporte-${shape.code}.xlsx`);
    out.planMs.push(plan.ms);
    out.reportMs.push(rep.ms);
    out.planRows = plan.counts.rowsRead;
    out.reportRows = rep.counts.rowsRead;
  }
  return out;
}

function summarise(
  o: RunOptions,
  s: Sizes,
  rows: number,
  r: Record<ImportMode, ImportChildResult[]>,
  cliRuns: readonly { ms: number; peakRssMb: number }[],
  workerRuns: readonly WorkerRun[],
  big: BigRun | null,
  small: SmallCase,
  seconds: number,
): SectionResult {
  const med = (mode: ImportMode) => median(r[mode].map((x) => x.ms));
  const e2e = med('pipeline');
  const parse = med('parse');
  const scan = med('scan');
  const raw = med('raw');
  const naive = med('naive');
  const floor = scan + raw;
  const cli = median(cliRuns.map((x) => x.ms));
  const cliPeak = max(cliRuns.map((x) => x.peakRssMb));
  const worker = median(workerRuns.map((x) => x.ms));
  const workerPeak = max(workerRuns.map((x) => x.peakRssMb));
  const workerIdle = median(workerRuns.map((x) => x.idleRssMb));
  const workerPhase = (k: 'parseMs' | 'validateMs' | 'importMs') => median(workerRuns.map((x) => x.phases[k] ?? Number.NaN));
  const ac = r['naive-autocommit'][0]!;
  const acRate = rate(ac.rows, ac.ms);
  const peak = max(r.pipeline.map((x) => x.peakRssMb));
  const pipelineIdle = median(r.pipeline.map((x) => x.idleRssMb));
  const parsePeak = max(r.parse.map((x) => x.peakRssMb));
  const phase = (k: 'parseMs' | 'validateMs' | 'importMs') => median(r.pipeline.map((x) => x.phases?.[k] ?? Number.NaN));

  const checks: Check[] = [
    {
      label: `Import ${fmt(rows)} rows: end to end (in-process pipeline under swc, parsing thread) ÷ floor (inflate + tokenize + raw insert)`,
      value: ratio(e2e / floor),
      target: `≤ ${ratio(FLOOR_FACTOR)}`,
      met: e2e / floor <= FLOOR_FACTOR,
    },
    {
      label: `Import ${fmt(rows)} rows: \`rumbo import\` (built CLI, own process) ÷ floor`,
      value: ratio(cli / floor),
      target: `≤ ${ratio(FLOOR_FACTOR)}`,
      met: cli / floor <= FLOOR_FACTOR,
    },
    {
      label: `Import ${fmt(rows)} rows: \`rumbo worker\` (built CLI, own process, batch enqueued → IMPORTED) ÷ floor`,
      value: ratio(worker / floor),
      target: `≤ ${ratio(FLOOR_FACTOR)}`,
      met: worker / floor <= FLOOR_FACTOR,
    },
    {
      label: 'Import: naive baseline (save() per row, one transaction) ÷ end to end',
      value: ratio(naive / e2e),
      target: `≥ ${ratio(NAIVE_FACTOR)}`,
      met: naive / e2e >= NAIVE_FACTOR,
    },
    {
      // The product's processes. The in-process child runs TypeScript through the swc compiler, which
      // is not the product and weighs about 100 MB by itself (its idle RSS): shown, not judged.
      label: `Import ${fmt(rows)} rows: peak RSS of the importing process (rumbo import; rumbo worker; [in-process pipeline under swc, idle ${mb(pipelineIdle)}])`,
      value: `${mb(cliPeak)}; ${mb(workerPeak)}; [${mb(peak)}]`,
      target: `< ${RSS_LIMIT_MB} MB (rumbo import, rumbo worker)`,
      met: cliPeak < RSS_LIMIT_MB && workerPeak < RSS_LIMIT_MB,
    },
  ];
  const bigTables: Table[] = [];
  if (big) {
    const okCli = big.cli?.ok === true;
    const okWorker = big.worker?.status === 'IMPORTED' && !big.worker.detail;
    const peaks = [big.cli?.peakRssMb ?? Number.NaN, big.worker?.peakRssMb ?? Number.NaN];
    checks.push({
      label: `Import ${fmt(big.rows)} rows: peak RSS (rumbo import; rumbo worker), limits raised by env for the run`,
      value: big.error
        ? 'not run'
        : `${okCli ? mb(peaks[0]!) : `failed (${mb(peaks[0]!)})`}; ${okWorker ? mb(peaks[1]!) : `${big.worker?.status ?? 'not run'} (${mb(peaks[1]!)})`}`,
      target: `< ${BIG_RSS_LIMIT_MB} MB, imported`,
      met: okCli && okWorker && peaks.every((p) => p < BIG_RSS_LIMIT_MB),
    });
    const w = big.worker;
    bigTables.push({
      title:
        `REPORTE of ${fmt(big.rows)} rows (${fmt(big.rows / 40)} products in plans of ≤ ${fmt(BIG_PLAN_PRODUCTS)} × 10 years × 4 quarters; file ${fmt(big.fileBytes / 1e6, 1)} MB, ` +
        `inflated ${fmt(big.inflatedBytes / 1e6, 1)} MB; generated by a streaming writer), once each, env ` +
        Object.entries(big.env)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      header: ['measurement', 'outcome', 'time', 'rows/s', 'peak RSS', 'phases (parse / validate / import)', 'detail'],
      rows: big.error
        ? [['(not run)', 'not run', '', '', '', '', big.error]]
        : [
            [
              'rumbo import',
              okCli ? 'IMPORTED' : 'failed',
              ms(big.cli?.ms ?? Number.NaN),
              okCli ? fmt(rate(big.rows, big.cli!.ms)) : '',
              mb(peaks[0]!),
              '',
              (big.cli?.detail ?? '').replace(/\s+/g, ' ').replace(/\|/g, '/').slice(0, 400),
            ],
            [
              'rumbo worker',
              w?.status ?? 'not run',
              ms(w?.ms ?? Number.NaN),
              okWorker ? fmt(rate(big.rows, w!.ms)) : '',
              mb(peaks[1]!),
              w ? [w.phases.parseMs, w.phases.validateMs, w.phases.importMs].map((x) => (x === null ? '–' : ms(x))).join(' / ') : '',
              (w?.detail ?? '').replace(/\s+/g, ' ').replace(/\|/g, '/').slice(0, 400),
            ],
          ],
    });
  }

  const line = (name: string, mode: ImportMode, note: string): (string | number)[] => {
    const m = med(mode);
    const x = r[mode];
    return [name, ms(m), fmt(rate(x[0]!.rows, m)), mb(max(x.map((y) => y.peakRssMb))), `${x.length}`, note];
  };
  const main: Table = {
    title: `REPORTE of ${fmt(rows)} rows (${fmt(s.products)} products × 10 years × 4 quarters), one child process per measurement`,
    header: ['measurement', 'median', 'rows/s', 'peak RSS', 'runs', 'what it does'],
    rows: [
      line(
        'end to end (in process)',
        'pipeline',
        'claimed batch → processBatch: read file, parse (parsing thread), validate, one import transaction; TypeScript under @swc-node/register (its RSS includes the compiler hook, not what production runs)',
      ),
      [
        'rumbo worker',
        ms(worker),
        fmt(rate(rows, worker)),
        mb(workerPeak),
        `${workerRuns.length}`,
        'the built CLI (`node bin/rumbo.js worker`), own process, started and idle first: batch enqueued → IMPORTED (IMPORT_POLL_MS 200, status polled every 20 ms)',
      ],
      [
        'rumbo import',
        ms(cli),
        fmt(rate(rows, cli)),
        mb(cliPeak),
        `${cliRuns.length}`,
        'the built CLI (`node bin/rumbo.js import FILE`), its own process: start, connect, parse thread, import',
      ],
      line('(a) inflate + tokenize', 'scan', 'read file, inflate the worksheet (node:zlib, 64 KB chunks), locate every tag: nothing kept'),
      line('(b) raw insert', 'raw', 'same rows, multi-row INSERT (1 000 rows) through mysql2, one transaction'),
      ['floor (a) + (b)', ms(floor), fmt(rate(rows, floor)), '', '', 'sum of the medians'],
      line('parse only', 'parse', 'read file + parseWorkbookStreaming (streaming reader + parser), in process'),
      line('naive', 'naive', 'read + parse, then one TypeORM save() per row in one transaction'),
      [
        'naive, per-row commit',
        ms(ac.ms),
        fmt(acRate),
        mb(ac.peakRssMb),
        '1',
        `${fmt(ac.rows)} rows: save() per row, each its own transaction (TypeORM's default)`,
      ],
    ],
  };
  const phases: Table = {
    title: 'By phase (medians, as recorded on the batch)',
    header: ['process', 'parse', 'validate (context + rules)', 'import transaction', 'idle RSS before the import'],
    rows: [
      ['rumbo worker (compiled)', ms(workerPhase('parseMs')), ms(workerPhase('validateMs')), ms(workerPhase('importMs')), mb(workerIdle)],
      [
        'in-process pipeline (swc)',
        ms(phase('parseMs')),
        ms(phase('validateMs')),
        ms(phase('importMs')),
        mb(median(r.pipeline.map((x) => x.idleRssMb))),
      ],
    ],
  };
  const smallTable: Table = {
    title: 'Small real case: a 28-product plan (10 years) and its reports, end to end in process',
    header: ['workbook', 'rows read', 'median', 'rows/s', 'runs'],
    rows: [
      [
        'PLAN (28 products, 280 goals, entities, objectives)',
        fmt(small.planRows),
        ms(median(small.planMs)),
        fmt(rate(small.planRows, median(small.planMs))),
        small.planMs.length,
      ],
      [
        'REPORTE (28 × 40 quarters)',
        fmt(small.reportRows),
        ms(median(small.reportMs)),
        fmt(rate(small.reportRows, median(small.reportMs))),
        small.reportMs.length,
      ],
    ],
  };

  const notes: string[] = [
    `Ratios: end to end ÷ floor ${ratio(e2e / floor)}; rumbo import ÷ floor ${ratio(cli / floor)}; rumbo worker ÷ floor ${ratio(worker / floor)}; parse only ÷ inflate + tokenize ${ratio(parse / scan)}; naive ÷ end to end ${ratio(naive / e2e)}; ` +
      `end-to-end rows/s ÷ per-row-commit naive rows/s ${ratio(rate(rows, e2e) / acRate)}.`,
  ];
  // In the import in parts, reading, validation and writes overlap: the parse phase is the wall time of the
  // reading, which waits while the main thread validates and writes each part; the phases do not add up.
  notes.push(
    `Phases overlap: the reading (${ms(phase('parseMs'))}) waits while the main thread validates (${ms(phase('validateMs'))} in all) ` +
      `and writes (${ms(phase('importMs'))} in all) each part, so end to end is close to the reading, not the sum.`,
  );
  if (!checks[3]!.met) {
    notes.push(
      `Naive factor: parsing (${ms(parse)}) is the same work in both importers, so even an import at the floor ` +
        `would be only ${ratio(naive / floor)} faster than this naive baseline. Against the per-row-commit variant ` +
        `(what \`repository.save(row)\` in a loop does) the factor is ${ratio(rate(rows, e2e) / acRate)}. See "What remains" below.`,
    );
  }
  if (!checks[4]!.met) {
    notes.push(
      `Peak RSS: parsing alone peaks at ${mb(parsePeak)} (parse-only child, the whole sheet in memory) against ${mb(peak)} end ` +
        'to end in parts. See "What remains" below.',
    );
  }
  return {
    id: 'import',
    title: '1. Import',
    method:
      'Generated PLAN and REPORTE workbooks (ingestion template definitions) go through the real pipeline: a stored, claimed batch ' +
      `run by processBatch with the product's limits (IMPORT_MAX_ROWS ${fmt(productLimits().maxRows ?? 0)}). Each measurement ` +
      'runs in a fresh child process that does only that import, so its peak RSS (`process.resourceUsage().maxRSS`) is the ' +
      'import’s own; report tables are emptied between runs. `rumbo import` and `rumbo worker` run the compiled dist/ ' +
      '(peak RSS from GNU time); the in-process pipeline child runs TypeScript under @swc-node/register. ' +
      `The large REPORTE (${fmt(s.bigProducts * 40)} rows) is imported once through each CLI with IMPORT_MAX_ROWS, UPLOAD_MAX_BYTES and ` +
      'IMPORT_MAX_INFLATED_BYTES raised for those processes (BENCH_IMPORT_BIG=0 leaves it out).' +
      (o.quick ? ' QUICK MODE: smaller sizes, one run each.' : ''),
    checks,
    tables: [main, phases, ...bigTables, smallTable],
    notes,
    seconds,
  };
}
