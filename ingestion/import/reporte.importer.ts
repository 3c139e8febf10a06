import { ReporteData } from '../model/reporte.types';
import { reportValue } from '../parsing/percent.rules';
import { importEntities } from './entity.importer';
import { addCounts, emptyCounts, ImportContext, ImportCounts } from './import.types';
import { keyOf, upsertRows } from './row-upsert.writer';

const REPORTS = {
  table: 'progress_reports',
  key: ['product_id', 'year', 'period'],
  columns: {
    product_id: 'int',
    year: 'int',
    period: 'text',
    value: 'double',
    qualitative: 'text',
    difficulties: 'text',
    evidence: 'text',
    reported_by: 'text',
    import_batch_id: 'int',
  },
  untracked: ['import_batch_id'],
} as const;

interface ProductRef {
  id: number;
  unit: string | null;
  /** A result indicator (its reports go to result_reports). */
  result: boolean;
}

const RESULT_REPORTS = {
  ...REPORTS,
  table: 'result_reports',
  key: ['result_id', 'year', 'period'],
  columns: { ...Object.fromEntries(Object.entries(REPORTS.columns).filter(([c]) => c !== 'product_id')), result_id: 'int' },
} as const;

/**
 * Writes a validated REPORTE. A report that changes a stored value keeps the old value in the
 * report's history (`progress_report_changes`); validation has already warned about it.
 */
export async function importReporte(ctx: ImportContext, data: ReporteData): Promise<ImportCounts> {
  const { m } = ctx;
  const counts = emptyCounts();
  await importEntities(m, data.entities, counts, !ctx.planningOffice);
  const products = await productRefs(ctx, data);
  const all = data.reports.map((r) => {
    const p = products.get(`${r.policyCode}\u0001${r.productCode}`);
    if (!p) throw new Error(`product ${r.policyCode}/${r.productCode} was not found after validation`);
    return {
      result: p.result,
      row: {
        [p.result ? 'result_id' : 'product_id']: p.id,
        year: r.year,
        period: r.period,
        value: reportValue(r, p.unit),
        qualitative: r.qualitativeProgress,
        difficulties: r.difficulties,
        evidence: r.evidence,
        reported_by: r.reportedBy,
        import_batch_id: ctx.batchId,
      },
    };
  });
  const rows = all.filter((r) => !r.result);
  const res = await upsertRows(
    m,
    { ...REPORTS, key: [...REPORTS.key], untracked: [...REPORTS.untracked] },
    rows.map((r) => r.row),
    { insertedIds: false }, // the history below needs only the ids of reports already stored
  );
  addCounts(counts, res);
  // Result indicators' reports: same upsert; they keep no change history (the warning still says what changed).
  addCounts(
    counts,
    await upsertRows(
      m,
      { ...RESULT_REPORTS, key: [...RESULT_REPORTS.key], untracked: [...RESULT_REPORTS.untracked] },
      all.filter((r) => r.result).map((r) => r.row),
      { insertedIds: false },
    ),
  );

  const history: unknown[] = [];
  for (const { row } of rows) {
    const k = keyOf(REPORTS, row);
    const before = res.previous.get(k);
    if (!before) continue;
    const previousValue = Number(before.value);
    if (previousValue === row.value) continue; // only the texts changed
    history.push(res.ids.get(k), previousValue, row.value, ctx.batchId);
  }
  for (let i = 0; i < history.length; i += 4 * 1000) {
    const part = history.slice(i, i + 4 * 1000);
    await m.query(
      `INSERT INTO progress_report_changes (report_id, previous_value, new_value, import_batch_id) VALUES ${Array.from(
        { length: part.length / 4 },
        () => '(?, ?, ?, ?)',
      ).join(', ')}`,
      part,
    );
  }
  return counts;
}

async function productRefs(ctx: ImportContext, data: ReporteData): Promise<Map<string, ProductRef>> {
  const keys = [...new Set(data.reports.map((r) => `${r.policyCode}\u0001${r.productCode}`))].map(
    (k) => k.split('\u0001') as [string, string],
  );
  const out = new Map<string, ProductRef>();
  const CHUNK = 1000;
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    for (const [table, result] of [
      ['results', true],
      ['products', false],
    ] as const) {
      const rows = (await ctx.m.query(
        `SELECT pr.id, pr.code, pr.unit, p.code AS policy_code FROM ${table} pr INNER JOIN policies p ON p.id = pr.policy_id
          WHERE (p.code, pr.code) IN (${part.map(() => '(?, ?)').join(', ')})`,
        part.flat(),
      )) as { id: number; code: string; unit: string | null; policy_code: string }[];
      // a product wins over a result of the same code (the PLAN refuses such plans anyway)
      for (const r of rows) out.set(`${r.policy_code}\u0001${r.code}`, { id: Number(r.id), unit: r.unit, result });
    }
  }
  return out;
}
