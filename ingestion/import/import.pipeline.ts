import { promises as fs } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { bumpDataVersions } from '../../src/services/data-version.service';
import { DEFAULT_MAX_ISSUES_PER_CODE, IssueSummary, summarizeIssues } from '../issues/issue.summary';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import { validateWorkbook } from '../validation/workbook.validator';
import { BatchCounts } from '../worker/batch.store';
import { withDeadlockRetry } from '../worker/deadlock.retry';
import { ImportContext, ImportCounts } from './import.types';
import { importInstancia } from './instancia.importer';
import { importPlan } from './plan.importer';
import { importReporte } from './reporte.importer';
import { defaultSandbox, WorkbookParser } from './parse.sandbox';
import { importInParts } from './reporte-parts.import';
import { BatchOutcome, PipelineDeps, rejectBatch, StoredBatch, uploaderOf } from './batch-outcome';

export { errorsPathFor } from './batch-outcome';
export type { BatchOutcome, PipelineDeps } from './batch-outcome';
import { loadValidationContext } from './validation-context.loader';

/** Data rows the workbook had (rows with errors included). */
export function rowsRead(parsed: ParsedWorkbook): number {
  const rejected = parsed.rejectedRows.length;
  switch (parsed.kind) {
    case ImportKind.PLAN: {
      const d = parsed.data;
      return (d.policy ? 1 : 0) + d.entities.length + d.objectives.length + d.products.length + d.goals.length + rejected;
    }
    case ImportKind.REPORTE:
      return parsed.data.reports.length + parsed.data.entities.length + rejected;
    case ImportKind.INSTANCIA: {
      const d = parsed.data;
      const attendanceRows = new Set(d.attendance.map((a) => `${a.sheet}:${a.row}`)).size;
      return (
        (d.instance ? 1 : 0) +
        d.entities.length +
        d.members.length +
        d.sessions.length +
        attendanceRows +
        d.schedule.length +
        d.commitments.length +
        d.reviews.length +
        d.functions.length +
        rejected
      );
    }
    default:
      return rejected;
  }
}

async function writeData(ctx: ImportContext, parsed: ParsedWorkbook): Promise<ImportCounts> {
  switch (parsed.kind) {
    case ImportKind.PLAN:
      return importPlan(ctx, parsed.data);
    case ImportKind.REPORTE:
      return importReporte(ctx, parsed.data);
    case ImportKind.INSTANCIA:
      return importInstancia(ctx, parsed.data);
    default:
      throw new Error('an unrecognised workbook cannot reach the import step');
  }
}

/**
 * Runs one claimed batch: read → parse → validate → (one transaction) import and record the batch.
 * A rejected workbook writes nothing but its batch and issues; the same content already applied is
 * recorded as DUPLICATE without touching data. Workers holding batches with equal content are
 * serialised with a named lock (GET_LOCK, on MySQL and MariaDB alike).
 */
export async function processBatch(deps: PipelineDeps, batch: ImportBatchRecord, owner: string): Promise<BatchOutcome> {
  if (!batch.storagePath) throw new Error(`batch ${batch.id} has no stored file`);
  const stored = batch as StoredBatch;
  const read = () => fs.readFile(stored.storagePath);
  const parser = deps.parser ?? defaultSandbox();
  deps.onProgress?.('parse', batch.id);
  const t = performance.now();
  const parseInParts = parser.parseInParts?.bind(parser);
  if (parseInParts) {
    // A REPORTE .xlsx is validated and written part by part while it is read (reporte-parts.import.ts);
    // a deadlock runs that import again, reading included. Anything else comes back read whole. The
    // bytes go to the parsing thread (one copy of a large file in memory): read again when needed.
    const inParts = await withDeadlockRetry(() => importInParts({ ...deps, parser }, parseInParts, stored, owner, read));
    if ('outcome' in inParts) return inParts.outcome;
    return processParsed({ ...deps, parser }, stored, owner, await read(), inParts.whole, inParts.parseMs);
  }
  const bytes = await read();
  const parsed = await parser.parse(bytes, deps.limits);
  return processParsed({ ...deps, parser }, stored, owner, bytes, parsed, Math.round(performance.now() - t));
}

/** Validation and then the import (or the rejection) of a workbook read whole. */
async function processParsed(
  deps: PipelineDeps & { parser: WorkbookParser },
  batch: StoredBatch,
  owner: string,
  bytes: Uint8Array,
  parsed: ParsedWorkbook,
  parseMs: number,
): Promise<BatchOutcome> {
  const { ds } = deps;
  deps.onProgress?.('validate', batch.id);
  let t = performance.now();
  const context = await loadValidationContext(ds.manager, parsed, await uploaderOf(ds.manager, batch));
  const summary = summarizeIssues(validateWorkbook(parsed, context), deps.maxIssuesPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE);
  const validateMs = Math.round(performance.now() - t);
  const read = rowsRead(parsed);

  if (summary.errorCount > 0) {
    return rejectBatch(deps, batch, owner, bytes, { kind: parsed.kind, sheetNames: parsed.sheetNames }, summary, read, {
      parseMs,
      validateMs,
    });
  }

  deps.onProgress?.('import', batch.id);
  t = performance.now();
  return withDeadlockRetry(() => importTransaction(deps, batch, owner, parsed, summary, read, { parseMs, validateMs, started: t }));
}

/** The one transaction of an accepted workbook (run again as a whole if InnoDB aborts it for a deadlock). */
async function importTransaction(
  deps: PipelineDeps,
  batch: ImportBatchRecord,
  owner: string,
  parsed: ParsedWorkbook,
  summary: IssueSummary,
  read: number,
  timing: { parseMs: number; validateMs: number; started: number },
): Promise<BatchOutcome> {
  const { ds, store } = deps;
  const { parseMs, validateMs } = timing;
  const issues = summary.kept;
  const recorded = { totals: summary.totals, errorCount: summary.errorCount, warningCount: summary.warningCount };
  const reported = { issues, ...recorded };
  const qr = ds.createQueryRunner();
  await qr.connect();
  const lock = `rumbo:${batch.sha256.slice(0, 48)}`;
  try {
    await qr.query('SELECT GET_LOCK(?, 60) AS got', [lock]);
    await qr.startTransaction();
    try {
      const m = qr.manager;
      const previous = await store.appliedWithSameContent(m, batch.sha256, batch.id);
      let outcome: BatchOutcome;
      if (previous) {
        const counts: BatchCounts = { rowsRead: read, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 0 };
        await store.finish(
          m,
          batch.id,
          owner,
          ImportStatus.DUPLICATE,
          parsed.kind,
          counts,
          { parseMs, validateMs, importMs: 0 },
          issues,
          recorded,
        );
        outcome = {
          batchId: batch.id,
          status: ImportStatus.DUPLICATE,
          kind: parsed.kind,
          ...reported,
          counts,
          duplicateOf: previous.id,
          timings: { parseMs, validateMs, importMs: 0 },
        };
      } else {
        const ctx = { m, batchId: batch.id, planningOffice: batch.uploaderEntityId === null, changedPolicies: new Set<number>() };
        const written = await writeData(ctx, parsed);
        // The figures' cache key (docs/scaling.md): visible to every API process with this commit, not before.
        await bumpDataVersions(m, ctx.changedPolicies);
        const counts: BatchCounts = {
          rowsRead: read,
          rowsInserted: written.inserted,
          rowsUpdated: written.updated,
          rowsUnchanged: written.unchanged,
          rowsRejected: 0,
        };
        const importMs = Math.round(performance.now() - timing.started);
        await store.finish(
          m,
          batch.id,
          owner,
          ImportStatus.IMPORTED,
          parsed.kind,
          counts,
          { parseMs, validateMs, importMs },
          issues,
          recorded,
        );
        outcome = {
          batchId: batch.id,
          status: ImportStatus.IMPORTED,
          kind: parsed.kind,
          ...reported,
          counts,
          timings: { parseMs, validateMs, importMs },
        };
      }
      await deps.beforeCommit?.();
      await qr.commitTransaction();
      deps.onProgress?.('done', batch.id);
      return outcome;
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw err;
    }
  } finally {
    await qr.query('SELECT RELEASE_LOCK(?)', [lock]).catch(() => undefined);
    await qr.release();
  }
}
