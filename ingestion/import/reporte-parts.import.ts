/**
 * The import of a REPORTE read in parts (docs/ingestion.md, «Importación por partes»): while the parsing
 * thread reads the `Reporte` sheet, each part it gives is validated and, while the workbook has no error,
 * written inside the batch's one transaction; the next parts are read meanwhile. At the end the checks that
 * need every row run, and the transaction is committed (IMPORTED, DUPLICATE) or rolled back (REJECTED):
 * whole file or nothing, as the whole reading, with the same issues, counts and Errores workbook.
 *
 * The first error rolls the transaction back and stops writing, but every part is still validated, so
 * the batch lists every error of the file. A workbook the thread reads whole (another kind, CSV, .xls,
 * .ods, a refused file, rows out of order) comes back to the pipeline as it is.
 */
import { performance } from 'node:perf_hooks';
import { QueryRunner } from 'typeorm';
import { ImportKind, ImportIssueSeverity, ImportStatus } from '../../src/domain/enums';
import { bumpDataVersions } from '../../src/services/data-version.service';
import { DEFAULT_MAX_ISSUES_PER_CODE } from '../issues/issue.summary';
import { PartIssueTally } from '../issues/issue.tally';
import { ParsedReporte, ParsedWorkbook } from '../model/parsed-workbook.types';
import { ReporteChunk, ReportRow } from '../model/reporte.types';
import { issueSheetOrder } from '../parsing/workbook.parser';
import { ReporteStreamValidator } from '../validation/reporte-stream.validator';
import { reportPeriodKey } from '../validation/validation.context';
import { BatchCounts } from '../worker/batch.store';
import { BatchOutcome, PipelineDeps, rejectBatch, StoredBatch, uploaderOf } from './batch-outcome';
import { ImportContext } from './import.types';
import { WorkbookParser } from './parse.sandbox';
import { ReporteWriter, reporteWriter } from './reporte.importer';
import { addReportePolicies, GrowingReporteContext, reportePartsContext } from './validation-context.loader';

type Deps = PipelineDeps & { parser: WorkbookParser };
type ParseInParts = NonNullable<WorkbookParser['parseInParts']>;

/** The import's outcome, or a workbook read whole that the pipeline goes on with. */
export type InPartsResult = { readonly outcome: BatchOutcome } | { readonly whole: ParsedWorkbook; readonly parseMs: number };

/** What is open while the parts come: the connection holding the batch's lock and transaction. */
interface Open {
  readonly qr: QueryRunner;
  readonly lock: string;
  readonly ctx: ImportContext;
  readonly writer: ReporteWriter;
  readonly context: GrowingReporteContext;
  /** The batch that already applied the same content (nothing is written: DUPLICATE). */
  readonly duplicateOf: number | null;
}

class ReporteParts {
  private open: Open | null = null;
  private readonly asked = new Set<string>();
  private readonly validator = new ReporteStreamValidator();
  /** The parts' issues, kept only as far as the batch's summary needs them (a file of a million wrong rows). */
  private readonly tally: PartIssueTally;
  private readingErrors = 0;
  private reports = 0;
  private rejected = 0;
  /** Writing stops at the first error (the transaction is rolled back) or for a duplicate. */
  private writing = true;
  /** The write of the last part validated, still running (its failure is kept, not thrown, until awaited). */
  private inFlight: Promise<void | { error: unknown }> | null = null;
  validateMs = 0;
  importMs = 0;

  constructor(
    private readonly deps: Deps,
    private readonly batch: StoredBatch,
    private readonly owner: string,
  ) {
    this.tally = new PartIssueTally(deps.maxIssuesPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE);
  }

  /** The batch's named lock, its transaction and the duplicate check: taken with the first part, as the whole import takes them. */
  private async opened(): Promise<Open> {
    if (this.open) return this.open;
    const { ds, store } = this.deps;
    const qr = ds.createQueryRunner();
    await qr.connect();
    const lock = `rumbo:${this.batch.sha256.slice(0, 48)}`;
    try {
      await qr.query('SELECT GET_LOCK(?, 60) AS got', [lock]);
      await qr.startTransaction();
      const m = qr.manager;
      const previous = await store.appliedWithSameContent(m, this.batch.sha256, this.batch.id);
      const ctx: ImportContext = {
        m,
        batchId: this.batch.id,
        planningOffice: this.batch.uploaderEntityId === null,
        changedPolicies: new Set<number>(),
      };
      const context = await reportePartsContext(m, await uploaderOf(m, this.batch));
      // A report the validation did not find stored is written without looking it up again: the
      // context was read in this transaction (REPEATABLE READ), so a SELECT would see the same rows.
      const mayBeStored = (r: ReportRow): boolean =>
        context.policies.get(r.policyCode)?.products.get(r.productCode)?.reports.has(reportPeriodKey(r.year, r.period)) ?? true;
      const writer = reporteWriter(ctx, { mayBeStored });
      this.open = { qr, lock, ctx, writer, context, duplicateOf: previous?.id ?? null };
      if (previous) this.writing = false;
      return this.open;
    } catch (err) {
      await this.release(qr, lock);
      throw err;
    }
  }

  async part(part: ReporteChunk): Promise<void> {
    const first = this.open === null;
    const { qr, ctx, writer, context } = await this.opened();
    if (first) this.deps.onProgress?.('validate', this.batch.id);
    let t = performance.now();
    for (const issue of part.issues) if (issue.severity === ImportIssueSeverity.ERROR) this.readingErrors++;
    this.reports += part.reports.length;
    this.rejected += part.rejected.length;
    await addReportePolicies(
      ctx.m,
      context,
      this.asked,
      part.reports.map((r) => r.policyCode),
    );
    const clean = this.validator.part(part.reports, part.rejected, context) && this.readingErrors === 0;
    this.tally.addPart(part.issues, this.validator.drain());
    this.validateMs += performance.now() - t;
    // One part is written while the next is read and validated: the write of the part before ends first.
    await this.written();
    if (!clean && this.writing) {
      this.writing = false;
      if (qr.isTransactionActive) await qr.rollbackTransaction(); // the workbook will be REJECTED
    }
    if (!this.writing) return;
    t = performance.now();
    this.inFlight = writer.write(part.reports).then(
      () => {
        this.importMs += performance.now() - t;
      },
      (error: unknown) => ({ error }),
    );
  }

  /** Waits for the part being written, if any; throws what its write threw. */
  private async written(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    const failed = await pending;
    if (failed) throw failed.error;
  }

  /** The end of a streamed REPORTE: the last checks, then commit, or roll back and reject. */
  async finish(end: ParsedReporte, parseMs: number, bytes: () => Promise<Uint8Array>): Promise<BatchOutcome> {
    const { qr, lock, ctx, writer, context, duplicateOf } = await this.opened();
    const { deps, batch } = this;
    await this.written();
    let t = performance.now();
    const validation = this.validator.finish(end.data.entities, context);
    const summary = this.tally.summarize(end.issues, validation, issueSheetOrder(end.sheetNames, ImportKind.REPORTE));
    this.validateMs += performance.now() - t;
    const read = this.reports + this.rejected + end.data.entities.length + end.rejectedRows.length;
    const validateMs = Math.round(this.validateMs);
    try {
      if (summary.errorCount > 0) {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        await this.release(qr, lock);
        return await rejectBatch(deps, batch, this.owner, await bytes(), end, summary, read, { parseMs, validateMs });
      }
      deps.onProgress?.('import', batch.id);
      t = performance.now();
      const recorded = { totals: summary.totals, errorCount: summary.errorCount, warningCount: summary.warningCount };
      let status = ImportStatus.DUPLICATE;
      let counts: BatchCounts = { rowsRead: read, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 0 };
      if (duplicateOf === null) {
        await writer.entities(end.data.entities);
        // The figures' cache key (docs/scaling.md): visible to every API process with this commit, not before.
        await bumpDataVersions(ctx.m, ctx.changedPolicies);
        const written = writer.counts;
        counts = { ...counts, rowsInserted: written.inserted, rowsUpdated: written.updated, rowsUnchanged: written.unchanged };
        status = ImportStatus.IMPORTED;
      }
      const importMs = duplicateOf === null ? Math.round(this.importMs + performance.now() - t) : 0;
      const timings = { parseMs, validateMs, importMs };
      await deps.store.finish(ctx.m, batch.id, this.owner, status, ImportKind.REPORTE, counts, timings, summary.kept, recorded);
      await deps.beforeCommit?.();
      await qr.commitTransaction();
      deps.onProgress?.('done', batch.id);
      return {
        batchId: batch.id,
        status,
        kind: ImportKind.REPORTE,
        issues: summary.kept,
        ...recorded,
        counts,
        ...(duplicateOf !== null ? { duplicateOf } : {}),
        timings,
      };
    } finally {
      await this.abandon();
    }
  }

  /** Rolls back what is open and gives the connection back (also after a failure). */
  async abandon(): Promise<void> {
    await this.written().catch(() => undefined);
    const open = this.open;
    this.open = null;
    if (!open) return;
    if (open.qr.isTransactionActive) await open.qr.rollbackTransaction().catch(() => undefined);
    await this.release(open.qr, open.lock);
  }

  private async release(qr: QueryRunner, lock: string): Promise<void> {
    if (qr.isReleased) return;
    await qr.query('SELECT RELEASE_LOCK(?)', [lock]).catch(() => undefined);
    await qr.release();
  }
}

/**
 * Reads a batch's file in parts and imports it as it is read when it is a REPORTE .xlsx; otherwise gives
 * back the workbook read whole (nothing was kept of the parts given, if any).
 */
export async function importInParts(
  deps: Deps,
  parseInParts: ParseInParts,
  batch: StoredBatch,
  owner: string,
  bytes: () => Promise<Uint8Array>,
): Promise<InPartsResult> {
  const run = new ReporteParts(deps, batch, owner);
  const t = performance.now();
  try {
    // The file's bytes go to the parsing thread and are not kept here (read again to reject the batch).
    const read = await parseInParts(await bytes(), deps.limits, (part) => run.part(part), true);
    const parseMs = Math.round(performance.now() - t);
    if (!read.streamed || read.parsed.kind !== ImportKind.REPORTE) {
      await run.abandon();
      return { whole: read.parsed, parseMs };
    }
    return { outcome: await run.finish(read.parsed, parseMs, bytes) };
  } catch (err) {
    await run.abandon();
    throw err;
  }
}
