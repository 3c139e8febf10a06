/**
 * 4. Data size. 40 policies × 100 products × 10 years × 4 quarters of reports (160 000 reports) and
 * 200 instances × 60 sessions with attendance, all imported through the pipeline: import time,
 * dashboard latency on that database, and its size on disk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { dashboardShape, DASHBOARD_CUT } from './dashboard.bench';
import { BenchDatabase, createBenchDatabase } from './support/bench-db';
import { instanciaWorkbook, planWorkbook, reportObjects, reporteWorkbook } from './support/data.generator';
import { DASHBOARD_QUERY, gql, startApi } from './support/http';
import { createImporter } from './support/pipeline';
import { Check, RunOptions, SectionResult, Table } from './support/results';
import { fmt, median, ms, p95 } from './support/stats';

const mb = (bytes: number): string => `${fmt(bytes / 1e6, bytes < 1e7 ? 1 : 0)} MB`;

interface KindTotals {
  workbooks: number;
  rows: number;
  ms: number;
}

const TABLES_SHOWN = [
  'progress_reports',
  'attendances',
  'sessions',
  'goals',
  'products',
  'commitments',
  'memberships',
  'people',
  'import_batches',
];

/** Bytes of the database: InnoDB files in the data directory when readable, and information_schema's data + index. */
async function databaseSize(
  db: BenchDatabase,
): Promise<{ files: number | null; schema: number; tables: Map<string, { rows: number; bytes: number }> }> {
  const tables = (await db.ds.query(
    `SELECT table_name AS name, data_length + index_length AS bytes FROM information_schema.TABLES WHERE table_schema = ?`,
    [db.name],
  )) as { name: string; bytes: number }[];
  await db.ds.query(`ANALYZE TABLE ${tables.map((t) => `\`${t.name}\``).join(', ')}`);
  const fresh = (await db.ds.query(
    `SELECT table_name AS name, data_length + index_length AS bytes FROM information_schema.TABLES WHERE table_schema = ?`,
    [db.name],
  )) as { name: string; bytes: number }[];
  const out = new Map<string, { rows: number; bytes: number }>();
  for (const t of fresh) {
    if (!TABLES_SHOWN.includes(t.name)) continue;
    const [{ n }] = (await db.ds.query(`SELECT COUNT(*) AS n FROM \`${t.name}\``)) as [{ n: number }];
    out.set(t.name, { rows: Number(n), bytes: Number(t.bytes) });
  }
  let files: number | null = null;
  try {
    const [{ dir }] = (await db.ds.query('SELECT @@datadir AS dir')) as [{ dir: string }];
    const folder = path.join(dir, db.name);
    files = 0;
    for (const f of await fs.readdir(folder)) files += (await fs.stat(path.join(folder, f))).size;
  } catch {
    files = null; // another host or no permission: information_schema only
  }
  return { files, schema: fresh.reduce((s, t) => s + Number(t.bytes), 0), tables: out };
}

export async function dataSizeBench(o: RunOptions, log: (m: string) => void): Promise<SectionResult> {
  const started = performance.now();
  const policies = o.quick ? 4 : 40;
  const instances = o.quick ? 10 : 200;
  const runs = o.quick ? 5 : 40;
  const db = await createBenchDatabase('size');
  try {
    const importer = createImporter(db);
    const totals: Record<'PLAN' | 'REPORTE' | 'INSTANCIA', KindTotals> = {
      PLAN: { workbooks: 0, rows: 0, ms: 0 },
      REPORTE: { workbooks: 0, rows: 0, ms: 0 },
      INSTANCIA: { workbooks: 0, rows: 0, ms: 0 },
    };
    const add = (kind: keyof typeof totals, r: { ms: number; counts: { rowsRead: number } }) => {
      totals[kind].workbooks++;
      totals[kind].rows += r.counts.rowsRead;
      totals[kind].ms += r.ms;
    };
    for (let i = 0; i < policies; i++) {
      const shape = dashboardShape(100, `S${String(i + 1).padStart(2, '0')}`);
      add('PLAN', await importer.importNow(planWorkbook(shape), `plan-${shape.code}.xlsx`));
      add('REPORTE', await importer.importNow(reporteWorkbook(reportObjects(shape)), `reporte-${shape.code}.xlsx`));
      if ((i + 1) % 10 === 0) log(`${i + 1} policies imported`);
    }
    for (let i = 0; i < instances; i++) {
      const code = `I${String(i + 1).padStart(3, '0')}`;
      const bytes = instanciaWorkbook({ code, sessions: 60, members: 15, firstYear: 2020, entities: 12, sectors: 4 });
      add('INSTANCIA', await importer.importNow(bytes, `instancia-${code}.xlsx`));
      if ((i + 1) % 50 === 0) log(`${i + 1} instances imported`);
    }

    const api = await startApi(db);
    const latency: number[] = [];
    const statements: number[] = [];
    try {
      const vars = { code: 'S01', cut: DASHBOARD_CUT };
      for (let i = 0; i < 5; i++) await gql(api.url, DASHBOARD_QUERY, vars);
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const m = await db.counter.measure(() => gql(api.url, DASHBOARD_QUERY, vars));
        latency.push(performance.now() - t);
        statements.push(m.statements);
      }
    } finally {
      await api.stop();
    }
    const size = await databaseSize(db);
    const reports = size.tables.get('progress_reports')?.rows ?? 0;
    const attendances = size.tables.get('attendances')?.rows ?? 0;
    log(`dashboard ${ms(median(latency))}; ${fmt(reports)} reports, ${fmt(attendances)} attendance rows; ${mb(size.files ?? size.schema)}`);

    const all = Object.values(totals).reduce((s, t) => ({ workbooks: s.workbooks + t.workbooks, rows: s.rows + t.rows, ms: s.ms + t.ms }));
    const importTable: Table = {
      title: `Import through the pipeline, one workbook after another (${policies} PLAN + ${policies} REPORTE + ${instances} INSTANCIA)`,
      header: ['kind', 'workbooks', 'rows read', 'total time', 'per workbook', 'rows/s'],
      rows: [...(Object.entries(totals) as [string, KindTotals][]), ['all', all] as [string, KindTotals]].map(([kind, t]) => [
        kind,
        t.workbooks,
        fmt(t.rows),
        `${fmt(t.ms / 1000, 1)} s`,
        ms(t.ms / Math.max(1, t.workbooks)),
        fmt(t.rows / (t.ms / 1000)),
      ]),
    };
    const sizeTable: Table = {
      title: 'Size on disk (after ANALYZE TABLE)',
      header: ['table', 'rows', 'data + index'],
      rows: [
        ...[...size.tables].sort((a, b) => b[1].bytes - a[1].bytes).map(([name, t]) => [name, fmt(t.rows), mb(t.bytes)]),
        ['whole database (information_schema)', '', mb(size.schema)],
        ['whole database (InnoDB files in the data directory)', '', size.files === null ? 'not readable' : mb(size.files)],
      ],
    };
    const dashTable: Table = {
      title: `Dashboard query on this database (policy S01, 100 products, cut ${DASHBOARD_CUT})`,
      header: ['median', 'p95', 'statements', 'runs'],
      rows: [[ms(median(latency)), ms(p95(latency)), [...new Set(statements)].join(', '), runs]],
    };
    const expectedReports = policies * 100 * 40;
    const checks: Check[] = [
      {
        label: `Data size: reports and sessions stored`,
        value: `${fmt(reports)} reports, ${fmt(size.tables.get('sessions')?.rows ?? 0)} sessions, ${fmt(attendances)} attendance rows`,
        target: `${fmt(expectedReports)} reports, ${fmt(instances * 60)} sessions`,
        met: reports === expectedReports && size.tables.get('sessions')?.rows === instances * 60,
      },
    ];
    return {
      id: 'size',
      title: '4. Data size',
      method:
        `${policies} policies × 100 quarterly products × 10 years × 4 quarters of reports and ${instances} instances × 60 sessions ` +
        '(15 members, attendance of each at each session, one commitment per session), all generated as workbooks and imported through ' +
        'the real pipeline into a fresh database; then the dashboard over HTTP and the size on disk.' +
        (o.quick ? ' QUICK MODE: 4 policies and 10 instances.' : ''),
      checks,
      tables: [importTable, dashTable, sizeTable],
      notes: [
        'The issue sets no numeric target for this section; the check only confirms the volumes were reached. Sizes are InnoDB ' +
          'pages, including free space in them, so they depend on the server settings (page size, fill factor).',
      ],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await db.drop();
  }
}
