import { promises as fs } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { bumpDataVersions } from '../../src/services/data-version.service';
import type { IssueTotal } from '../../src/entities/import-issue-total.type';
import { DEFAULT_MAX_ISSUES_PER_CODE, IssueSummary, summarizeIssues } from '../issues/issue.summary';
import { Issue } from '../issues/issue.types';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import { validateWorkbook } from '../validation/workbook.validator';
import { Uploader } from '../validation/validation.context';
import { ReadLimits } from '../xlsx/workbook.types';
import { BatchCounts, BatchStore, BatchTimings } from '../worker/batch.store';
import { withDeadlockRetry } from '../worker/deadlock.retry';
import { writeFileAtomic } from '../worker/storage.files';
import { ImportContext, ImportCounts } from './import.types';
import { importInstancia } from './instancia.importer';
import { importPlan } from './plan.importer';
import { importReporte } from './reporte.importer';
import { defaultSandbox, WorkbookParser } from './parse.sandbox';
import { loadValidationContext } from './validation-context.loader';

export interface PipelineDeps {
  ds: DataSource;
  store: BatchStore;
  limits?: Partial<ReadLimits>;
  /** Reads and parses the file; default: the shared isolated thread of parse.sandbox.ts (bounded in time and memory). */
  parser?: WorkbookParser;
  /** Issues stored and listed per code (the totals count them all); default IMPORT_MAX_ISSUES_PER_CODE's. */
  maxIssuesPerCode?: number;
  /** Called between phases (a terminal shows progress). */
  onProgress?: (phase: 'parse' | 'validate' | 'import' | 'done', batchId: number) => void;
  /** Runs inside the import transaction just before COMMIT (tests use it to kill a worker there). */
  beforeCommit?: () => Promise<void>;
}

export interface BatchOutcome {
  batchId: number;
  status: ImportStatus;
  kind: ImportKind | null;
  /** The issues stored with the batch: the first `maxIssuesPerCode` of each code. */
  issues: Issue[];
  /** How many issues there were per code, sheet and column (all of them). */
  totals: IssueTotal[];
  errorCount: number;
  warningCount: number;
  counts: BatchCounts;
  /** For a rejected workbook: the same workbook with an added `Errores` sheet (also stored at `errorsPath`). */
  errorsWorkbook?: Buffer;
  /** Where the Errores workbook of a rejected batch was stored (next to the batch's file). */
  errorsPath?: string;
  /** For a duplicate: the batch that applied the same content. */
  duplicateOf?: number;
  /** How long each phase took (also stored with the batch). */
  timings?: BatchTimings;
}

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

/** Where the Errores workbook of a batch is stored: next to the batch's file. */
export function errorsPathFor(storagePath: string): string {
  return `${storagePath.replace(/\.[^./\\]*$/, '')}.errores.xlsx`;
}

async function storeOrForget(target: string, bytes: Uint8Array): Promise<string | undefined> {
  try {
    await writeFileAtomic(target, bytes);
    return target;
  } catch {
    return undefined;
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

/** Entity code of an uploader bound to an entity; the planning office (no entity) may send anything. */
async function uploaderOf(m: EntityManager, batch: ImportBatchRecord): Promise<Uploader> {
  if (batch.uploaderEntityId === null) return { entityCode: null, planningOffice: true };
  const rows = (await m.query('SELECT code FROM entities WHERE id = ?', [batch.uploaderEntityId])) as { code: string }[];
  return { entityCode: rows[0]?.code ?? null, planningOffice: false };
}

/**
 * Runs one claimed batch: read → parse → validate → (one transaction) import and record the batch.
 * A rejected workbook writes nothing but its batch and issues; the same content already applied is
 * recorded as DUPLICATE without touching data. Workers holding batches with equal content are
 * serialised with a named lock (GET_LOCK, on MySQL and MariaDB alike).
 */
export async function processBatch(deps: PipelineDeps, batch: ImportBatchRecord, owner: string): Promise<BatchOutcome> {
  const { ds, store } = deps;
  if (!batch.storagePath) throw new Error(`batch ${batch.id} has no stored file`);
  const bytes = await fs.readFile(batch.storagePath);

  deps.onProgress?.('parse', batch.id);
  let t = performance.now();
  const parser = deps.parser ?? defaultSandbox();
  const parsed = await parser.parse(bytes, deps.limits);
  const parseMs = Math.round(performance.now() - t);

  deps.onProgress?.('validate', batch.id);
  t = performance.now();
  const context = await loadValidationContext(ds.manager, parsed, await uploaderOf(ds.manager, batch));
  const summary = summarizeIssues(validateWorkbook(parsed, context), deps.maxIssuesPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE);
  const validateMs = Math.round(performance.now() - t);
  const read = rowsRead(parsed);

  if (summary.errorCount > 0) {
    const counts: BatchCounts = { rowsRead: read, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: summary.rowsWithErrors };
    // The Errores workbook is built once, here, and stored with the batch's files; downloads serve it.
    // A file refused as a whole is not read again (the Errores sheet goes alone in a new workbook);
    // undefined when it cannot be written: the batch's issues are all there is.
    const original = parsed.sheetNames.length > 0 ? bytes : new Uint8Array(0);
    const errorsWorkbook = await parser.errorsWorkbook(original, summary.kept, deps.limits, summary.totals);
    // Storage trouble must not lose the rejection: a download builds it again when it is missing.
    const errorsPath = errorsWorkbook ? await storeOrForget(errorsPathFor(batch.storagePath), errorsWorkbook) : undefined;
    await withDeadlockRetry(() =>
      ds.transaction((m) =>
        store.finish(
          m,
          batch.id,
          owner,
          ImportStatus.REJECTED,
          parsed.kind,
          counts,
          { parseMs, validateMs, importMs: null },
          summary.kept,
          {
            totals: summary.totals,
            errorCount: summary.errorCount,
            warningCount: summary.warningCount,
            errorsPath: errorsPath ?? null,
          },
        ),
      ),
    );
    deps.onProgress?.('done', batch.id);
    return {
      batchId: batch.id,
      status: ImportStatus.REJECTED,
      kind: parsed.kind,
      issues: summary.kept,
      totals: summary.totals,
      errorCount: summary.errorCount,
      warningCount: summary.warningCount,
      counts,
      timings: { parseMs, validateMs, importMs: null },
      ...(errorsWorkbook ? { errorsWorkbook } : {}),
      ...(errorsPath ? { errorsPath } : {}),
    };
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
