import { ReportRow, ReporteData } from '../model/reporte.types';
import { reportValue } from '../parsing/percent.rules';
import { importEntitiesOf } from './entity.importer';
import { addCounts, emptyCounts, ImportContext, ImportCounts } from './import.types';
import { periodWithin } from '../../src/calculation/period-span';
import { ReviewStatus } from '../../src/domain/enums';
import { keyOf, Row, TableSpec, UpsertOutcome, upsertRows } from './row-upsert.writer';

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
    review_status: 'text',
    approved_value: 'double',
    review_version: 'int',
    reviewed_at: 'text',
    review_comment: 'text',
    reviewed_by: 'text',
  },
  untracked: ['import_batch_id', 'review_status', 'approved_value', 'review_version', 'reviewed_at', 'review_comment', 'reviewed_by'],
  // A report written waiting for review (no reviewer given) keeps its stored review columns.
  onDuplicate: {
    reviewed_at: 'IF(VALUES(`reviewed_by`) IS NULL, `reviewed_at`, VALUES(`reviewed_at`))',
    review_comment: 'IF(VALUES(`reviewed_by`) IS NULL, `review_comment`, NULL)',
    reviewed_by: 'COALESCE(VALUES(`reviewed_by`), `reviewed_by`)',
  },
} as const;

interface ProductRef {
  id: number;
  unit: string | null;
  /** A result indicator (its reports go to result_reports). */
  result: boolean;
  policyId: number;
  /** The policy's reports need the office's review when an entity sends them. */
  reviewRequired: boolean;
}

/** The products and results reports were written for, by id. */
interface Owners {
  readonly products: Map<number, ProductRef>;
  readonly results: Map<number, ProductRef>;
}

/** The product or result a report row belongs to. */
function ownerOf(owners: Owners, row: Row): ProductRef | undefined {
  return row.product_id !== undefined ? owners.products.get(Number(row.product_id)) : owners.results.get(Number(row.result_id));
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
  const writer = reporteWriter(ctx);
  await writer.entities(data.entities);
  await writer.write(data.reports);
  return writer.counts;
}

export interface ReporteWriterOptions {
  /**
   * false for a report the caller knows is not stored (it is written as new without being looked up):
   * the stored reports its validation read inside the same REPEATABLE READ transaction.
   */
  mayBeStored?: (report: ReportRow) => boolean;
}

/** Writes a REPORTE part by part, in one transaction (the caller's): what a streamed import uses. */
export interface ReporteWriter {
  /** The `Entidades` sheet's rows (once). */
  entities(rows: ReporteData['entities']): Promise<void>;
  /** One part of the reports, in file order; a report key appears in one part only (validation refuses repeats). */
  write(reports: readonly ReportRow[]): Promise<void>;
  /** Everything written so far. */
  readonly counts: ImportCounts;
}

/** Who approved a report written already approved (the office's upload, or a policy without review). */
const importReviewer = (batchId: number): string => `importación (lote ${batchId})`;

export function reporteWriter(ctx: ImportContext, options: ReporteWriterOptions = {}): ReporteWriter {
  const counts = emptyCounts();
  const products = new Map<string, ProductRef>();
  const owners: Owners = { products: new Map(), results: new Map() };
  const closed = new Map<number, ClosedRow[]>();
  let reviewedAt: string | null = null;
  const spec = { ...REPORTS, key: [...REPORTS.key], untracked: [...REPORTS.untracked] };
  const resultSpec = { ...RESULT_REPORTS, key: [...RESULT_REPORTS.key], untracked: [...RESULT_REPORTS.untracked] };
  const reviewOf = (row: Row): boolean => !ctx.planningOffice && (ownerOf(owners, row)?.reviewRequired ?? true);
  return {
    counts,
    async entities(rows) {
      await importEntitiesOf(ctx, rows, counts);
    },
    async write(reports) {
      if (reports.length === 0) return;
      const fresh = await productRefs(ctx, reports, products);
      for (const p of fresh) (p.result ? owners.results : owners.products).set(p.id, p);
      const newPolicies = [...new Set(fresh.map((p) => p.policyId))].filter((id) => !closed.has(id));
      await lockPolicies(ctx, newPolicies);
      for (const id of newPolicies) closed.set(id, []);
      for (const row of await closedPeriodsOf(ctx, newPolicies)) closed.get(row.policy_id)?.push(row);
      reviewedAt ??= await serverNow(ctx);
      const stamp = { reviewed_at: reviewedAt, reviewed_by: importReviewer(ctx.batchId), review_comment: null };
      const rows: Row[] = [];
      const resultRows: Row[] = [];
      const maybeStored = new Set<Row>();
      for (const r of reports) {
        const p = products.get(`${r.policyCode}\u0001${r.productCode}`);
        if (!p) throw new Error(`product ${r.policyCode}/${r.productCode} was not found after validation`);
        const value = reportValue(r, p.unit);
        const row: Row = {
          [p.result ? 'result_id' : 'product_id']: p.id,
          year: r.year,
          period: r.period,
          value,
          qualitative: r.qualitativeProgress,
          difficulties: r.difficulties,
          evidence: r.evidence,
          reported_by: r.reportedBy,
          import_batch_id: ctx.batchId,
          // completed by prepare() below (one shape for every row)
          review_status: null,
          approved_value: null,
          review_version: null,
          reviewed_at: null,
          review_comment: null,
          reviewed_by: null,
        };
        (p.result ? resultRows : rows).push(row);
        if (!options.mayBeStored || options.mayBeStored(r)) maybeStored.add(row);
      }
      const mayExist = (row: Row): boolean => maybeStored.has(row);
      const inserted: Row[] = [];
      const prepare = (incoming: Row, stored: Row | undefined): Row => {
        const needsReview = reviewOf(incoming);
        setReviewState(incoming, stored, needsReview);
        // approved on import, by the import; a report waiting for review keeps its stored review columns
        incoming.reviewed_at = needsReview ? null : stamp.reviewed_at;
        incoming.reviewed_by = needsReview ? null : stamp.reviewed_by;
        incoming.review_comment = null;
        if (!stored) inserted.push(incoming);
        return incoming;
      };
      // the history below needs only the ids of reports already stored
      const res = await upsertRows(ctx.m, spec, rows, { insertedIds: false, prepare, mayExist });
      addCounts(counts, res);
      // Result indicators' reports: same upsert and review; they keep no change history (the warning still says what changed).
      const resultRes = await upsertRows(ctx.m, resultSpec, resultRows, { insertedIds: false, prepare, mayExist });
      addCounts(counts, resultRes);
      const changed = [
        ...(res.previous.size ? rows.filter((row) => res.previous.has(keyOf(spec, row))) : []),
        ...(resultRes.previous.size ? resultRows.filter((row) => resultRes.previous.has(keyOf(resultSpec, row))) : []),
      ];
      const written = [...inserted, ...changed];
      assertNoClosedPeriodWritten(owners, closed, written);
      for (const row of written) {
        const policyId = ownerOf(owners, row)?.policyId;
        if (policyId !== undefined) ctx.changedPolicies.add(policyId);
      }
      await writeHistory(ctx, spec, rows, res);
    },
  };
}

async function writeHistory(ctx: ImportContext, spec: Pick<TableSpec, 'key'>, rows: readonly Row[], res: UpsertOutcome): Promise<void> {
  if (res.previous.size === 0) return; // every report was new
  const history: unknown[] = [];
  for (const row of rows) {
    const k = keyOf(spec, row);
    const before = res.previous.get(k);
    if (!before) continue;
    const previousValue = Number(before.value);
    if (previousValue === row.value) continue; // only the texts changed
    history.push(res.ids.get(k), previousValue, row.value, ctx.batchId);
  }
  for (let i = 0; i < history.length; i += 4 * 1000) {
    const part = history.slice(i, i + 4 * 1000);
    await ctx.m.query(
      `INSERT INTO progress_report_changes (report_id, previous_value, new_value, import_batch_id) VALUES ${Array.from(
        { length: part.length / 4 },
        () => '(?, ?, ?, ?)',
      ).join(', ')}`,
      part,
    );
  }
}

/** The server's clock, as a DATETIME(3) literal: the review stamp of reports approved on import. */
async function serverNow(ctx: ImportContext): Promise<string> {
  const rows = (await ctx.m.query(`SELECT DATE_FORMAT(CURRENT_TIMESTAMP(3), '%Y-%m-%d %H:%i:%s.%f') AS now`)) as { now: string }[];
  return rows[0]!.now;
}

/** Products (and results) of the reports not yet in `known`, looked up and added to it; the new ones. */
async function productRefs(ctx: ImportContext, reports: readonly ReportRow[], known: Map<string, ProductRef>): Promise<ProductRef[]> {
  const keys = [...new Set(reports.map((r) => `${r.policyCode}\u0001${r.productCode}`))]
    .filter((k) => !known.has(k))
    .map((k) => k.split('\u0001') as [string, string]);
  const fresh = new Map<string, ProductRef>();
  const CHUNK = 1000;
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    for (const [table, result] of [
      ['results', true],
      ['products', false],
    ] as const) {
      const rows = (await ctx.m.query(
        `SELECT pr.id, pr.code, pr.unit, pr.policy_id, p.code AS policy_code, p.review_required
           FROM ${table} pr INNER JOIN policies p ON p.id = pr.policy_id
          WHERE (p.code, pr.code) IN (${part.map(() => '(?, ?)').join(', ')})`,
        part.flat(),
      )) as { id: number; code: string; unit: string | null; policy_id: number; policy_code: string; review_required: number | boolean }[];
      // a product wins over a result of the same code (the PLAN refuses such plans anyway)
      for (const r of rows) {
        fresh.set(`${r.policy_code}\u0001${r.code}`, {
          id: Number(r.id),
          unit: r.unit,
          result,
          policyId: Number(r.policy_id),
          reviewRequired: r.review_required === true || Number(r.review_required) === 1,
        });
      }
    }
  }
  for (const [k, p] of fresh) known.set(k, p);
  return [...fresh.values()];
}

/**
 * The review state a written report gets (docs/review.md). Sent by an entity to a policy that
 * needs review: a new report, a changed value, or any change to a returned report goes to PENDING
 * and the last approved value is kept; a change of texts only keeps the state. Sent by the office
 * (or to a policy without review): APPROVED with the value sent. Every write bumps the version.
 * Sets the row's review columns (rows are built with them, so that every row keeps one shape).
 */
export function setReviewState(row: Row, stored: Row | undefined, needsReview: boolean): void {
  row.review_version = stored ? Number(stored.review_version ?? 0) + 1 : 1;
  if (!needsReview) {
    row.review_status = ReviewStatus.APPROVED;
    row.approved_value = row.value;
  } else if (!stored) {
    row.review_status = ReviewStatus.PENDING;
    row.approved_value = null;
  } else {
    const valueChanged = Number(stored.value) !== Number(row.value);
    row.review_status =
      valueChanged || stored.review_status === ReviewStatus.RETURNED ? ReviewStatus.PENDING : (stored.review_status as ReviewStatus);
    // a report stored before review existed (APPROVED, no approved value) was approved at its value
    row.approved_value = stored.approved_value ?? (stored.review_status === ReviewStatus.APPROVED ? stored.value : null);
  }
}

/**
 * Holds the policies' rows in share mode for the transaction, so the office cannot close a period
 * between this import's validation and its commit (closing takes the same rows exclusively).
 */
async function lockPolicies(ctx: ImportContext, policyIds: number[]): Promise<void> {
  if (policyIds.length === 0) return;
  await ctx.m.query(`SELECT id FROM policies WHERE id IN (${policyIds.map(() => '?').join(', ')}) LOCK IN SHARE MODE`, policyIds);
}

interface ClosedRow {
  policy_id: number;
  year: number;
  period: string;
  start_year: number;
  vigencias: number;
}

/** The closed periods of newly locked policies (they cannot change while the share lock is held). */
async function closedPeriodsOf(ctx: ImportContext, policyIds: readonly number[]): Promise<ClosedRow[]> {
  if (policyIds.length === 0) return [];
  const rows = (await ctx.m.query(
    `SELECT c.policy_id, c.year, c.period, p.start_year, p.vigencias FROM closed_periods c INNER JOIN policies p ON p.id = c.policy_id
      WHERE c.policy_id IN (${policyIds.map(() => '?').join(', ')})`,
    [...policyIds],
  )) as ClosedRow[];
  return rows.map((r) => ({ ...r, policy_id: Number(r.policy_id) }));
}

/** Closed periods rechecked inside the transaction (validation checked them before it started). */
function assertNoClosedPeriodWritten(owners: Owners, closed: ReadonlyMap<number, readonly ClosedRow[]>, written: readonly Row[]): void {
  for (const row of written) {
    const policyId = ownerOf(owners, row)?.policyId;
    for (const c of (policyId !== undefined ? closed.get(policyId) : undefined) ?? []) {
      const horizon = { startYear: Number(c.start_year), vigencias: Number(c.vigencias) };
      if (periodWithin(horizon, Number(row.year), String(row.period), Number(c.year), c.period)) {
        throw new Error(`PERIODO_CERRADO: el periodo ${c.year} ${c.period} se cerró durante la importación; vuelva a cargar el libro`);
      }
    }
  }
}
