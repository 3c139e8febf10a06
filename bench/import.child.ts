/**
 * One import measurement in its own process (spawned by import.bench.ts), so the peak RSS printed is
 * this import's own. Modes:
 *   pipeline  claim the pending batch and run the real pipeline on it (read file, parse, validate,
 *             one import transaction): what a worker does
 *   scan      floor part a: inflate the worksheet part (node:zlib, streamed) and tokenize its XML (every
 *             tag and text located, nothing kept): the least any reader of the file must do
 *   parse     read the file and parse it, as the parsing thread does (parseWorkbookStreaming)
 *   raw       the same report rows as multi-row INSERTs through mysql2 in one transaction (floor part b)
 *   naive     read and parse the file, then one TypeORM save() per row, all in one transaction (the
 *             baseline, all or nothing like the product)
 *   naive-autocommit  the same, each save() in its own transaction (TypeORM's default for repo.save)
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { DataSource, EntityManager } from 'typeorm';
import { parseWorkbookStreaming, ReadLimits, reportValue } from '../ingestion';
import { dataStartOf, inflateInChunks, readZipDirectory } from '../ingestion/xlsx/zip.inspector';
import { processBatch } from '../ingestion/import/import.pipeline';
import { BatchStore } from '../ingestion/worker/batch.store';
import { applyImportHeapPolicy } from '../ingestion/worker/heap.policy';
import { ImportKind } from '../src/domain/enums';
import { ProgressReportRecord } from '../src/entities';
import { openBenchDatabase } from './support/bench-db';
import { childArgs, peakRssMb, reply } from './support/child';
import { productHeapGrowingPercent } from './support/pipeline';
import { PlanShape, reportObjects } from './support/data.generator';

export type ImportMode = 'pipeline' | 'scan' | 'parse' | 'raw' | 'naive' | 'naive-autocommit';

export interface ImportChildArgs {
  mode: ImportMode;
  url: string;
  file: string;
  limits: Partial<ReadLimits>;
  /** The plan the rows belong to (raw mode regenerates the same rows from it). */
  shape: PlanShape;
}

export interface ImportChildResult {
  mode: ImportMode;
  ms: number;
  rows: number;
  /** Peak RSS of the whole process (modules included). */
  peakRssMb: number;
  /** RSS once modules were loaded and the database opened, before the measured work. */
  idleRssMb: number;
  status?: string;
  phases?: { parseMs: number | null; validateMs: number | null; importMs: number | null };
}

const REPORT_COLUMNS = [
  'product_id',
  'year',
  'period',
  'value',
  'qualitative',
  'difficulties',
  'evidence',
  'reported_by',
  'import_batch_id',
];
const CHUNK = 1000;

async function productIds(ds: DataSource, policyCode: string): Promise<Map<string, { id: number; unit: string | null }>> {
  const rows = (await ds.query(
    'SELECT pr.id, pr.code, pr.unit FROM products pr INNER JOIN policies p ON p.id = pr.policy_id WHERE p.code = ?',
    [policyCode],
  )) as { id: number; code: string; unit: string | null }[];
  return new Map(rows.map((r) => [r.code, { id: Number(r.id), unit: r.unit }]));
}

async function pipeline(ds: DataSource, a: ImportChildArgs): Promise<Omit<ImportChildResult, 'idleRssMb' | 'peakRssMb' | 'mode'>> {
  applyImportHeapPolicy(productHeapGrowingPercent()); // as `rumbo worker` and `rumbo import` do
  const store = new BatchStore(ds, 10 * 60_000);
  const batch = await store.claim('bench');
  if (!batch) throw new Error('no pending batch to import');
  const t = performance.now();
  const outcome = await processBatch({ ds, store, limits: a.limits }, batch, 'bench');
  const ms = performance.now() - t;
  if (outcome.status !== 'IMPORTED') {
    throw new Error(`import ${outcome.status}: ${JSON.stringify(outcome.issues.slice(0, 5))}`);
  }
  const row = (await ds.query('SELECT parse_ms, validate_ms, import_ms FROM import_batches WHERE id = ?', [batch.id])) as {
    parse_ms: number | null;
    validate_ms: number | null;
    import_ms: number | null;
  }[];
  return {
    ms,
    rows: outcome.counts.rowsRead,
    status: outcome.status,
    phases: { parseMs: row[0]!.parse_ms, validateMs: row[0]!.validate_ms, importMs: row[0]!.import_ms },
  };
}

/**
 * Floor of reading: the worksheet part inflated in 64 KB chunks and its XML tokenized (each `<…>` tag
 * and the text between located, `<row>` tags counted); no cell is kept.
 */
async function scanOnly(a: ImportChildArgs): Promise<{ ms: number; rows: number }> {
  const t = performance.now();
  const bytes = readFileSync(a.file);
  const entries = readZipDirectory(bytes);
  if (!Array.isArray(entries)) throw new Error('not a zip');
  const sheet = entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/i.test(e.name));
  if (!sheet) throw new Error('no worksheet');
  const start = dataStartOf(bytes, sheet);
  if (typeof start !== 'number') throw new Error(start.detail);
  let rows = 0;
  let tags = 0;
  let tail: Buffer | null = null; // a tag cut by the chunk end, scanned again with the next chunk
  const result = await inflateInChunks(bytes.subarray(start), (inflated) => {
    const chunk = tail ? Buffer.concat([tail, inflated]) : inflated;
    tail = null;
    let at = chunk.indexOf(0x3c);
    while (at >= 0) {
      const end = chunk.indexOf(0x3e, at + 1);
      if (end < 0) {
        tail = Buffer.from(chunk.subarray(at));
        break;
      }
      tags++;
      // `<row ` / `<row>`: r o w after the bracket
      if (chunk[at + 1] === 0x72 && chunk[at + 2] === 0x6f && chunk[at + 3] === 0x77 && (chunk[at + 4] === 0x20 || chunk[at + 4] === 0x3e))
        rows++;
      at = chunk.indexOf(0x3c, end + 1);
    }
    return true;
  });
  if (result instanceof Error) throw result;
  if (tags === 0) throw new Error('no tags');
  return { ms: performance.now() - t, rows: rows - 1 }; // the header row is not a report
}

async function parseOnly(a: ImportChildArgs): Promise<{ ms: number; rows: number }> {
  const t = performance.now();
  const parsed = await parseWorkbookStreaming(readFileSync(a.file), { limits: a.limits });
  const ms = performance.now() - t;
  if (parsed.kind !== ImportKind.REPORTE) throw new Error(`not read as REPORTE: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return { ms, rows: parsed.data.reports.length };
}

async function rawInsert(ds: DataSource, a: ImportChildArgs): Promise<{ ms: number; rows: number }> {
  const ids = await productIds(ds, a.shape.code);
  const rows = reportObjects(a.shape).map((r) => [
    ids.get(String(r.productCode))!.id,
    r.year,
    r.period,
    r.value,
    r.qualitativeProgress,
    r.difficulties,
    r.evidence,
    r.reportedBy,
    null,
  ]);
  const conn = await createConnection({ uri: a.url });
  try {
    const tuple = `(${REPORT_COLUMNS.map(() => '?').join(', ')})`;
    const t = performance.now();
    await conn.query('START TRANSACTION');
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await conn.query(
        `INSERT INTO progress_reports (${REPORT_COLUMNS.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
        part.flat(),
      );
    }
    await conn.query('COMMIT');
    return { ms: performance.now() - t, rows: rows.length };
  } finally {
    await conn.end();
  }
}

async function naive(ds: DataSource, a: ImportChildArgs, autocommit: boolean): Promise<{ ms: number; rows: number }> {
  const t = performance.now();
  const parsed = await parseWorkbookStreaming(readFileSync(a.file), { limits: a.limits });
  if (parsed.kind !== ImportKind.REPORTE) throw new Error('not read as REPORTE');
  const ids = await productIds(ds, a.shape.code);
  const saveAll = async (m: EntityManager) => {
    for (const r of parsed.data.reports) {
      const p = ids.get(r.productCode)!;
      await m.save(
        m.create(ProgressReportRecord, {
          productId: p.id,
          year: r.year,
          period: r.period,
          value: reportValue(r, p.unit),
          qualitative: r.qualitativeProgress,
          difficulties: r.difficulties,
          evidence: r.evidence,
          reportedBy: r.reportedBy,
        }),
      );
    }
  };
  if (autocommit) await saveAll(ds.manager);
  else await ds.transaction(saveAll);
  return { ms: performance.now() - t, rows: parsed.data.reports.length };
}

async function main(): Promise<void> {
  const a = childArgs<ImportChildArgs>();
  const ds = a.mode === 'parse' || a.mode === 'scan' ? null : await openBenchDatabase(a.url, 4);
  const idleRssMb = process.memoryUsage.rss() / 1024 / 1024;
  try {
    let r: Omit<ImportChildResult, 'idleRssMb' | 'peakRssMb' | 'mode'>;
    if (a.mode === 'pipeline') r = await pipeline(ds!, a);
    else if (a.mode === 'parse') r = await parseOnly(a);
    else if (a.mode === 'scan') r = await scanOnly(a);
    else if (a.mode === 'raw') r = await rawInsert(ds!, a);
    else r = await naive(ds!, a, a.mode === 'naive-autocommit');
    reply({ mode: a.mode, ...r, idleRssMb, peakRssMb: peakRssMb() } satisfies ImportChildResult);
  } finally {
    await ds?.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
