/**
 * 5. Generated reports. The follow-up report (.docx, five charts rendered on the server) and the annex
 * workbook (.xlsx) of a 1 000-product policy with 40 quarterly reports per product, end to end through
 * ReportService, and the time of each phase: figures (SQL + calculation), document and charts, docx packing.
 */
import { writeDocx } from '../src/reports/adapters/docx.adapter';
import { buildPolicyReport } from '../src/reports/policy-report.builder';
import { loadPolicyReportData } from '../src/reports/policy-report.data';
import { ReportService } from '../src/reports/report.service';
import { defaultWording } from '../src/reports/wording/wording';
import { dashboardShape, DASHBOARD_CUT } from './dashboard.bench';
import { createBenchDatabase } from './support/bench-db';
import { planWorkbook, reportObjects, reporteWorkbook } from './support/data.generator';
import { createImporter } from './support/pipeline';
import { Check, RunOptions, SectionResult, Table } from './support/results';
import { fmt, median, ms } from './support/stats';

const TARGET_MS = 10_000;

export async function reportBench(o: RunOptions, log: (m: string) => void): Promise<SectionResult> {
  const started = performance.now();
  const products = o.quick ? 100 : 1000;
  const runs = o.quick ? 1 : 5;
  const db = await createBenchDatabase('report');
  try {
    const shape = dashboardShape(products, `R${products}`);
    const importer = createImporter(db);
    await importer.importNow(planWorkbook(shape), `plan-${shape.code}.xlsx`);
    await importer.importNow(reporteWorkbook(reportObjects(shape)), `reporte-${shape.code}.xlsx`);
    log(`policy of ${products} products imported`);
    const reports = new ReportService(db.ds, { timeZone: 'America/Bogota' });
    const wording = defaultWording();
    await reports.policyReport(shape.code, DASHBOARD_CUT); // warm-up: fonts, ECharts, docx
    const total: number[] = [];
    const annex: number[] = [];
    const phases = { data: [] as number[], build: [] as number[], pack: [] as number[] };
    let bytes = 0;
    let annexBytes = 0;
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      const file = await reports.policyReport(shape.code, DASHBOARD_CUT);
      total.push(performance.now() - t);
      bytes = file.bytes.length;
      t = performance.now();
      annexBytes = (await reports.annexWorkbook(shape.code, DASHBOARD_CUT)).bytes.length;
      annex.push(performance.now() - t);
      t = performance.now();
      const data = await loadPolicyReportData(db.ds, shape.code, DASHBOARD_CUT);
      phases.data.push(performance.now() - t);
      t = performance.now();
      const doc = buildPolicyReport(data, { wording, generatedOn: DASHBOARD_CUT });
      phases.build.push(performance.now() - t);
      t = performance.now();
      await writeDocx(doc);
      phases.pack.push(performance.now() - t);
    }
    log(
      `report ${ms(median(total))} (figures ${ms(median(phases.data))}, document and charts ${ms(median(phases.build))}, docx ${ms(median(phases.pack))}); annex ${ms(median(annex))}`,
    );
    const checks: Check[] = [
      {
        label: `Follow-up report (.docx) of a ${products}-product policy, end to end (median of ${runs})`,
        value: ms(median(total)),
        target: '< 10 s',
        met: median(total) < TARGET_MS,
      },
    ];
    const table: Table = {
      title: `Policy ${shape.code}: ${products} quarterly products, 40 reports each, cut ${DASHBOARD_CUT}`,
      header: ['what', 'median', 'runs', 'size'],
      rows: [
        ['follow-up report (.docx), end to end', ms(median(total)), runs, `${fmt(bytes / 1024)} KB`],
        ['  figures: SQL + calculation', ms(median(phases.data)), runs, ''],
        ['  document: sentences, 5 charts (ECharts SVG → resvg PNG), annex table', ms(median(phases.build)), runs, ''],
        ['  .docx packing (docx)', ms(median(phases.pack)), runs, ''],
        ['annex workbook (.xlsx, ExcelJS), end to end', ms(median(annex)), runs, `${fmt(annexBytes / 1024)} KB`],
      ],
    };
    return {
      id: 'report',
      title: '5. Generated reports',
      method:
        'A policy imported through the pipeline (PLAN + REPORTE); ReportService generates the .docx and the .xlsx in process after ' +
        'one warm-up, then each phase is timed separately.' +
        (o.quick ? ' QUICK MODE: 100 products, 1 run.' : ''),
      checks,
      tables: [table],
      notes: [],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await db.drop();
  }
}
