import { promises as fs } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { ImportIssueSeverity, ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { hasErrors, Issue } from '../issues/issue.types';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import { validateWorkbook } from '../validation/workbook.validator';
import { Uploader } from '../validation/validation.context';
import { ReadLimits } from '../xlsx/workbook.types';
import { BatchCounts, BatchStore } from '../worker/batch.store';
import { withDeadlockRetry } from '../worker/deadlock.retry';
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
  /** Called between phases (a terminal shows progress). */
  onProgress?: (phase: 'parse' | 'validate' | 'import' | 'done', batchId: number) => void;
  /** Runs inside the import transaction just before COMMIT (tests use it to kill a worker there). */
  beforeCommit?: () => Promise<void>;
}

export interface BatchOutcome {
  batchId: number;
  status: ImportStatus;
  kind: ImportKind | null;
  issues: Issue[];
  counts: BatchCounts;
  /** For a rejected workbook: the same workbook with an added `Errores` sheet. */
  errorsWorkbook?: Buffer;
  /** For a duplicate: the batch that applied the same content. */
  duplicateOf?: number;
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

function rowsWithErrors(issues: readonly Issue[]): number {
  return new Set(issues.filter((i) => i.severity === ImportIssueSeverity.ERROR && i.row !== null).map((i) => `${i.sheet}:${i.row}`)).size;
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
  const issues = validateWorkbook(parsed, context);
  const validateMs = Math.round(performance.now() - t);
  const read = rowsRead(parsed);

  if (hasErrors(issues)) {
    const counts: BatchCounts = { rowsRead: read, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: rowsWithErrors(issues) };
    await withDeadlockRetry(() =>
      ds.transaction((m) =>
        store.finish(m, batch.id, owner, ImportStatus.REJECTED, parsed.kind, counts, { parseMs, validateMs, importMs: null }, issues),
      ),
    );
    // A file refused as a whole is not read again (the Errores sheet goes alone in a new workbook);
    // undefined when it cannot be written: the batch's issues are all there is.
    const original = parsed.sheetNames.length > 0 ? bytes : new Uint8Array(0);
    const errorsWorkbook = await parser.errorsWorkbook(original, issues, deps.limits);
    deps.onProgress?.('done', batch.id);
    return {
      batchId: batch.id,
      status: ImportStatus.REJECTED,
      kind: parsed.kind,
      issues,
      counts,
      ...(errorsWorkbook ? { errorsWorkbook } : {}),
    };
  }

  deps.onProgress?.('import', batch.id);
  t = performance.now();
  return withDeadlockRetry(() => importTransaction(deps, batch, owner, parsed, issues, read, { parseMs, validateMs, started: t }));
}

/** The one transaction of an accepted workbook (run again as a whole if InnoDB aborts it for a deadlock). */
async function importTransaction(
  deps: PipelineDeps,
  batch: ImportBatchRecord,
  owner: string,
  parsed: ParsedWorkbook,
  issues: Issue[],
  read: number,
  timing: { parseMs: number; validateMs: number; started: number },
): Promise<BatchOutcome> {
  const { ds, store } = deps;
  const { parseMs, validateMs } = timing;
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
        await store.finish(m, batch.id, owner, ImportStatus.DUPLICATE, parsed.kind, counts, { parseMs, validateMs, importMs: 0 }, issues);
        outcome = { batchId: batch.id, status: ImportStatus.DUPLICATE, kind: parsed.kind, issues, counts, duplicateOf: previous.id };
      } else {
        const written = await writeData({ m, batchId: batch.id, planningOffice: batch.uploaderEntityId === null }, parsed);
        const counts: BatchCounts = {
          rowsRead: read,
          rowsInserted: written.inserted,
          rowsUpdated: written.updated,
          rowsUnchanged: written.unchanged,
          rowsRejected: 0,
        };
        const importMs = Math.round(performance.now() - timing.started);
        await store.finish(m, batch.id, owner, ImportStatus.IMPORTED, parsed.kind, counts, { parseMs, validateMs, importMs }, issues);
        outcome = { batchId: batch.id, status: ImportStatus.IMPORTED, kind: parsed.kind, issues, counts };
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
