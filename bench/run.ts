/**
 * `npm run bench` — every benchmark against the real database, results in bench/RESULTS.md.
 *
 *   npm run bench                         all sections, the sizes of the issue (about 5 min on 2 cores)
 *   npm run bench -- --quick              all sections, small sizes, one run each (< 1 min): checks the code works
 *   npm run bench -- import dashboard     only these sections (import, dashboard, load, size, report, web, queue)
 *   npm run bench -- --out FILE           write the results there
 *   BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/out/prof" npm run bench -- import
 *                                         profile the measured child processes
 *
 * Only a full run of every section writes bench/RESULTS.md by default; quick or partial runs write
 * bench/out/RESULTS.<sections>[.quick].md so the committed figures are never replaced by partial ones.
 * Each section creates and drops its own database on the server `scripts/db-bootstrap.js` finds.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dashboardBench } from './dashboard.bench';
import { dataSizeBench } from './data-size.bench';
import { importBench } from './import.bench';
import { loadBench } from './load.bench';
import { queueBench } from './queue.bench';
import { reportBench } from './report.bench';
import { writeResults } from './results.writer';
import { webBench } from './web.bench';
import { machineInfo } from './support/machine';
import { OUT_DIR } from './support/pipeline';
import { RunOptions, SectionId, SectionResult } from './support/results';

const SECTIONS: Record<SectionId, (o: RunOptions, log: (m: string) => void) => Promise<SectionResult>> = {
  import: importBench,
  dashboard: dashboardBench,
  load: loadBench,
  size: dataSizeBench,
  report: reportBench,
  web: webBench,
  queue: queueBench,
};
const ORDER: SectionId[] = ['import', 'dashboard', 'load', 'size', 'report', 'web', 'queue'];

interface Cli {
  quick: boolean;
  sections: SectionId[];
  out: string | null;
}

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { quick: false, sections: [], out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') cli.quick = true;
    else if (a === '--out') cli.out = argv[++i] ?? null;
    else if (a.startsWith('--only=')) cli.sections.push(...(a.slice(7).split(',') as SectionId[]));
    else if ((ORDER as string[]).includes(a)) cli.sections.push(a as SectionId);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${readFileSync(__filename, 'utf8').split('*/')[0]}*/\n`);
      process.exit(0);
    } else throw new Error(`unknown argument "${a}" (sections: ${ORDER.join(', ')}; flags: --quick, --only=a,b, --out FILE)`);
  }
  for (const s of cli.sections) if (!ORDER.includes(s)) throw new Error(`unknown section "${s}"`);
  cli.sections = ORDER.filter((s) => cli.sections.length === 0 || cli.sections.includes(s));
  return cli;
}

function defaultOut(cli: Cli): string {
  if (!cli.quick && cli.sections.length === ORDER.length) return path.join(__dirname, 'RESULTS.md');
  return path.join(OUT_DIR, `RESULTS.${cli.sections.join('-')}${cli.quick ? '.quick' : ''}.md`);
}

async function main(): Promise<void> {
  const cli = parseArgs(process.argv.slice(2));
  mkdirSync(OUT_DIR, { recursive: true });
  process.env.LOG_LEVEL ??= 'silent';
  const started = performance.now();
  const machine = await machineInfo();
  const say = (m: string) => process.stderr.write(`${m}\n`);
  say(`bench: ${cli.sections.join(', ')}${cli.quick ? ' (quick)' : ''} on ${machine.cpu}, ${machine.cores} cores, ${machine.database}`);
  const sections: SectionResult[] = [];
  for (const id of cli.sections) {
    say(`\n== ${id}`);
    const result = await SECTIONS[id](cli, (m) => say(`  ${m}`));
    for (const c of result.checks) say(`  ${c.met ? 'ok  ' : 'MISS'} ${c.label}: ${c.value} (target ${c.target})`);
    sections.push(result);
  }
  const file = cli.out ?? defaultOut(cli);
  const args = process.argv.slice(2).join(' ');
  const run = {
    command: `npm run bench${args ? ` -- ${args}` : ''}`,
    date: new Date(),
    machine,
    quick: cli.quick,
    totalSeconds: (performance.now() - started) / 1000,
    sections,
    epilogue: readFileSync(path.join(__dirname, 'support', 'remaining.md'), 'utf8'),
  };
  await writeResults(file, run);
  // The raw figures too, next to the transient files (bench/out/RESULTS….json).
  writeFileSync(path.join(OUT_DIR, `${path.basename(file, '.md')}.json`), JSON.stringify(run, null, 2));
  say(`\nwrote ${path.relative(process.cwd(), file)} (${Math.round(run.totalSeconds)} s)`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
