/**
 * What refusing a 1 000 000-row sheet costs (issue 14, item 7), each measurement in its own process so
 * the peak RSS is its own:
 *
 *   node -r @swc-node/register bench/refusal-memory.bench.ts
 *
 * Modes (child processes): `sandbox` — what a worker or the API does now: the parsing thread refuses
 * the file with the streaming zip check; `in-memory` — the previous way: the whole zip check with
 * every part inflated into memory (`inspectZip`, as `readWorkbook` still does for files that pass).
 * Files: the hostile corpus's `million-rows.xlsx` (200 KB, 1 000 000 one-cell rows, 33 MB of XML)
 * and a wider one written to bench/out/ (1 000 000 rows of three numbers, about 60 MB of XML, within
 * the default 200 MB inflated limit). Limits are the server's defaults (src/config). Prints the peak
 * RSS above the process's RSS just before the refusal, and the time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ParseSandbox } from '../ingestion/import/parse.sandbox';
import { inspectZip } from '../ingestion/xlsx/zip.inspector';
import { minimalXlsx } from '../scripts/hostile/raw-zip';
import { loadConfig } from '../src/config/config';

const FILES = {
  'million-rows.xlsx': path.join(__dirname, '..', 'test', 'fixtures', 'hostile', 'million-rows.xlsx'),
  'million-rows-wide.xlsx': path.join(__dirname, 'out', 'million-rows-wide.xlsx'),
};
const LIMITS = loadConfig({}).importLimits;
type Mode = 'sandbox' | 'in-memory';

function writeWide(file: string): void {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const rows: string[] = [];
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) % 1000;
  for (let i = 1; i <= 1_000_000; i++) {
    rows.push(`<row r="${i}"><c><v>${next()}</v></c><c><v>${next()}</v></c><c><v>${next()}</v></c></row>`);
  }
  writeFileSync(file, minimalXlsx('Reporte', rows.join('')));
}

async function child(mode: Mode, file: string): Promise<void> {
  const bytes = readFileSync(file);
  const sandbox = new ParseSandbox();
  await sandbox.parse(Buffer.from('a,b\n1,2\n'), LIMITS); // the thread started and warm, not counted
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = performance.now();
  let detail: string;
  if (mode === 'sandbox') {
    detail = (await sandbox.parse(bytes, LIMITS)).issues[0]?.message ?? 'accepted';
  } else {
    await new Promise((r) => setTimeout(r, 20));
    const r = inspectZip(bytes, {
      maxEntries: LIMITS.maxZipEntries,
      maxUncompressedBytes: LIMITS.maxUncompressedBytes,
      maxCompressionRatio: LIMITS.maxCompressionRatio,
      maxRows: LIMITS.maxRows,
    });
    detail = r.ok ? 'accepted' : r.detail;
  }
  const ms = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  // maxRSS covers what the 5 ms sampler may miss (a synchronous inflate blocks it).
  const maxRss = process.resourceUsage().maxRSS * 1024;
  await sandbox.close();
  process.stdout.write(JSON.stringify({ mode, mb: Math.max(peak, maxRss) - before, ms, detail }) + '\n');
}

function main(): void {
  writeWide(FILES['million-rows-wide.xlsx']);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [name, file] of Object.entries(FILES)) {
    process.stdout.write(`${name} (${(readFileSync(file).length / 1024 / 1024).toFixed(1)} MB)\n`);
    for (const mode of ['sandbox', 'in-memory'] as Mode[]) {
      const runs: { mb: number; ms: number; detail: string }[] = [];
      for (let run = 0; run < 3; run++) {
        const out = spawnSync(process.execPath, ['--expose-gc', '-r', '@swc-node/register', __filename, mode, file], { encoding: 'utf8' });
        if (out.status !== 0) throw new Error(out.stderr);
        runs.push(JSON.parse(out.stdout.trim().split('\n').pop()!) as (typeof runs)[number]);
      }
      process.stdout.write(
        `  ${mode.padEnd(10)} peak RSS above baseline ${(median(runs.map((r) => r.mb)) / 1024 / 1024).toFixed(1)} MB, ` +
          `${median(runs.map((r) => r.ms)).toFixed(0)} ms (median of 3) — ${runs[0]!.detail}\n`,
      );
    }
  }
}

const mode = process.argv[2] as Mode | undefined;
if (mode) void child(mode, process.argv[3]!);
else main();
