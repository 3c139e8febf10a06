/**
 * What the import pipeline and the import in parts (reporte-parts.import.ts) share: their dependencies,
 * the outcome of a batch, and recording a rejected one.
 */
import { EntityManager } from 'typeorm';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import type { IssueTotal } from '../../src/entities/import-issue-total.type';
import { IssueSummary } from '../issues/issue.summary';
import { Issue } from '../issues/issue.types';
import { Uploader } from '../validation/validation.context';
import { ReadLimits } from '../xlsx/workbook.types';
import { BatchCounts, BatchStore, BatchTimings } from '../worker/batch.store';
import { withDeadlockRetry } from '../worker/deadlock.retry';
import { writeFileAtomic } from '../worker/storage.files';
import { DataSource } from 'typeorm';
import { WorkbookParser } from './parse.sandbox';

/** A batch whose file is stored (every batch the pipeline processes). */
export type StoredBatch = ImportBatchRecord & { storagePath: string };

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

/** Entity code of an uploader bound to an entity; the planning office (no entity) may send anything. */
export async function uploaderOf(m: EntityManager, batch: ImportBatchRecord): Promise<Uploader> {
  if (batch.uploaderEntityId === null) return { entityCode: null, planningOffice: true };
  const rows = (await m.query('SELECT code FROM entities WHERE id = ?', [batch.uploaderEntityId])) as { code: string }[];
  return { entityCode: rows[0]?.code ?? null, planningOffice: false };
}

/**
 * Records a workbook with errors as REJECTED (nothing of its data written) and builds its Errores
 * workbook once, stored with the batch's files (downloads serve it).
 */
export async function rejectBatch(
  deps: PipelineDeps & { parser: WorkbookParser },
  batch: ImportBatchRecord & { storagePath: string },
  owner: string,
  bytes: Uint8Array,
  what: { kind: ImportKind | null; sheetNames: readonly string[] },
  summary: IssueSummary,
  read: number,
  timing: { parseMs: number; validateMs: number },
): Promise<BatchOutcome> {
  const { ds, store, parser } = deps;
  const { parseMs, validateMs } = timing;
  const counts: BatchCounts = { rowsRead: read, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: summary.rowsWithErrors };
  // A file refused as a whole is not read again (the Errores sheet goes alone in a new workbook);
  // undefined when it cannot be written: the batch's issues are all there is.
  const original = what.sheetNames.length > 0 ? bytes : new Uint8Array(0);
  const errorsWorkbook = await parser.errorsWorkbook(original, summary.kept, deps.limits, summary.totals);
  // Storage trouble must not lose the rejection: a download builds it again when it is missing.
  const errorsPath = errorsWorkbook ? await storeOrForget(errorsPathFor(batch.storagePath), errorsWorkbook) : undefined;
  await withDeadlockRetry(() =>
    ds.transaction((m) =>
      store.finish(m, batch.id, owner, ImportStatus.REJECTED, what.kind, counts, { parseMs, validateMs, importMs: null }, summary.kept, {
        totals: summary.totals,
        errorCount: summary.errorCount,
        warningCount: summary.warningCount,
        errorsPath: errorsPath ?? null,
      }),
    ),
  );
  deps.onProgress?.('done', batch.id);
  return {
    batchId: batch.id,
    status: ImportStatus.REJECTED,
    kind: what.kind,
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
