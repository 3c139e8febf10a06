import { DataSource, EntityManager } from 'typeorm';
import { ImportIssueSeverity, ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord, ImportIssueRecord } from '../../src/entities';
import type { IssueTotal } from '../../src/entities/import-issue-total.type';
import { summarizeIssues } from '../issues/issue.summary';
import { Issue } from '../issues/issue.types';
import { withDeadlockRetry } from './deadlock.retry';

export interface NewBatch {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  uploader: string;
  uploaderEntityId: number | null;
  storagePath: string;
}

export interface BatchCounts {
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
}

/** What finish() records besides the stored issues (defaults: counted from the issues given). */
export interface BatchIssueTotals {
  /** Totals over every issue found, including those beyond the per-code cap. */
  totals?: IssueTotal[];
  errorCount?: number;
  warningCount?: number;
  /** The Errores workbook built for a rejected batch. */
  errorsPath?: string | null;
}

export interface BatchTimings {
  parseMs: number | null;
  validateMs: number | null;
  importMs: number | null;
}

/** The longest text a stored issue value keeps (the message names it anyway). */
const MAX_VALUE = 2000;
/** Bounds of the other issue columns (sheet varchar(100), column varchar(200), message text). */
const MAX_SHEET = 100;
const MAX_COLUMN = 200;
const MAX_MESSAGE = 8000;
const cut = (text: string | null, max: number): string | null =>
  text === null || text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/**
 * Import batches as a work queue shared by several workers: a batch is claimed with
 * `SELECT … FOR UPDATE SKIP LOCKED`, held with a heartbeat (lease), and finished only by its owner.
 * Heartbeats and staleness use the database's clock (UTC_TIMESTAMP), so workers on machines whose
 * clocks differ agree on when a batch is stale.
 */
export class BatchStore {
  /** `leaseMs`: a PROCESSING batch whose heartbeat is older than this may be taken over. */
  constructor(
    private readonly ds: DataSource,
    readonly leaseMs: number,
  ) {}

  async create(b: NewBatch): Promise<ImportBatchRecord> {
    const repo = this.ds.getRepository(ImportBatchRecord);
    return repo.save(repo.create({ ...b, status: ImportStatus.PENDING, kind: null }));
  }

  /** Creates a batch already held by `owner` (a CLI import processes its own file at once). */
  async createClaimed(b: NewBatch, owner: string): Promise<ImportBatchRecord> {
    const repo = this.ds.getRepository(ImportBatchRecord);
    const now = new Date();
    return repo.save(
      repo.create({ ...b, status: ImportStatus.PROCESSING, kind: null, owner, heartbeatAt: now, startedAt: now, attempts: 1 }),
    );
  }

  /** Whether any batch was ever created for this content. */
  async hasBatchFor(sha256: string): Promise<boolean> {
    return (await this.ds.getRepository(ImportBatchRecord).countBy({ sha256 })) > 0;
  }

  /** Claims the oldest pending batch, or one whose owner stopped beating for longer than the lease. */
  claim(owner: string): Promise<ImportBatchRecord | null> {
    return this.claimWhere(owner, true);
  }

  /** Claims only a PROCESSING batch whose owner stopped beating for longer than the lease (a dead worker's). */
  claimStale(owner: string): Promise<ImportBatchRecord | null> {
    return this.claimWhere(owner, false);
  }

  private claimWhere(owner: string, pendingToo: boolean): Promise<ImportBatchRecord | null> {
    return withDeadlockRetry(() =>
      this.ds.transaction(async (m) => {
        const stale = `(status = ? AND (heartbeat_at IS NULL OR heartbeat_at < UTC_TIMESTAMP(3) - INTERVAL ? MICROSECOND))`;
        const rows = (await m.query(
          `SELECT id FROM import_batches
          WHERE ${pendingToo ? 'status = ? OR ' : ''}${stale}
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [...(pendingToo ? [ImportStatus.PENDING] : []), ImportStatus.PROCESSING, Math.round(this.leaseMs * 1000)],
        )) as { id: number }[];
        const id = rows[0]?.id;
        if (id === undefined) return null;
        await m.query(
          `UPDATE import_batches SET status = ?, owner = ?, heartbeat_at = UTC_TIMESTAMP(3), started_at = UTC_TIMESTAMP(3),
                  attempts = attempts + 1 WHERE id = ?`,
          [ImportStatus.PROCESSING, owner, id],
        );
        return m.getRepository(ImportBatchRecord).findOneByOrFail({ id });
      }),
    );
  }

  /** Renews the lease; false when another worker took the batch over. */
  async heartbeat(id: number, owner: string): Promise<boolean> {
    const res = (await this.ds.query(
      `UPDATE import_batches SET heartbeat_at = UTC_TIMESTAMP(3) WHERE id = ? AND owner = ? AND status = ?`,
      [id, owner, ImportStatus.PROCESSING],
    )) as { affectedRows: number };
    return res.affectedRows === 1;
  }

  /** A batch with the same content that was already applied, if any. */
  async appliedWithSameContent(m: EntityManager, sha256: string, exceptId: number): Promise<ImportBatchRecord | null> {
    const rows = (await m.query(
      `SELECT id FROM import_batches WHERE sha256 = ? AND status = ? AND id <> ? ORDER BY id LIMIT 1 FOR UPDATE`,
      [sha256, ImportStatus.IMPORTED, exceptId],
    )) as { id: number }[];
    return rows[0] ? m.getRepository(ImportBatchRecord).findOneBy({ id: rows[0].id }) : null;
  }

  /**
   * Marks the batch finished inside the caller's transaction, only if `owner` still holds it.
   * Throws LeaseLostError otherwise, which rolls the whole import back.
   */
  async finish(
    m: EntityManager,
    id: number,
    owner: string,
    status: ImportStatus,
    kind: ImportKind | null,
    counts: BatchCounts,
    timings: BatchTimings,
    issues: readonly Issue[],
    extra: BatchIssueTotals = {},
  ): Promise<void> {
    const all =
      extra.totals && extra.errorCount !== undefined && extra.warningCount !== undefined ? null : summarizeIssues(issues, Infinity);
    const totals = extra.totals ?? all!.totals;
    const res = (await m.query(
      `UPDATE import_batches SET status = ?, kind = ?, rows_read = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?,
              rows_rejected = ?, error_count = ?, warning_count = ?, parse_ms = ?, validate_ms = ?, import_ms = ?,
              issue_totals = ?, errors_path = ?, finished_at = ?, owner = NULL, heartbeat_at = NULL
        WHERE id = ? AND owner = ? AND status = ?`,
      [
        status,
        kind,
        counts.rowsRead,
        counts.rowsInserted,
        counts.rowsUpdated,
        counts.rowsUnchanged,
        counts.rowsRejected,
        extra.errorCount ?? all!.errorCount,
        extra.warningCount ?? all!.warningCount,
        timings.parseMs,
        timings.validateMs,
        timings.importMs,
        JSON.stringify(totals.map((t) => ({ ...t, sheet: cut(t.sheet, MAX_SHEET), column: cut(t.column, MAX_COLUMN) }))),
        extra.errorsPath ?? null,
        new Date(),
        id,
        owner,
        ImportStatus.PROCESSING,
      ],
    )) as { affectedRows: number };
    if (res.affectedRows !== 1) throw new LeaseLostError(id, owner);
    await m.query('DELETE FROM import_issues WHERE batch_id = ?', [id]);
    await this.insertIssues(m, id, issues);
  }

  /** Records where the Errores workbook of a rejected batch was stored (built later for older batches). */
  async setErrorsPath(id: number, errorsPath: string): Promise<void> {
    await this.ds.query('UPDATE import_batches SET errors_path = ? WHERE id = ? AND status = ?', [errorsPath, id, ImportStatus.REJECTED]);
  }

  /** Rejects a batch that cannot be processed (unreadable beyond the parser's own checks, or poison). */
  async giveUp(id: number, owner: string, reason: string): Promise<void> {
    await withDeadlockRetry(() =>
      this.ds.transaction((m) =>
        this.finish(
          m,
          id,
          owner,
          ImportStatus.REJECTED,
          null,
          { rowsRead: 0, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 0 },
          { parseMs: null, validateMs: null, importMs: null },
          [
            {
              severity: ImportIssueSeverity.ERROR,
              code: 'LIBRO_ILEGIBLE',
              sheet: null,
              row: null,
              column: null,
              value: null,
              message: `No se pudo procesar el libro: ${reason}. Revise que sea un libro de Excel válido generado desde la plantilla.`,
            },
          ],
        ),
      ),
    );
  }

  private async insertIssues(m: EntityManager, batchId: number, issues: readonly Issue[]): Promise<void> {
    const CHUNK = 500;
    for (let i = 0; i < issues.length; i += CHUNK) {
      const part = issues.slice(i, i + CHUNK);
      await m
        .createQueryBuilder()
        .insert()
        .into(ImportIssueRecord)
        .values(
          part.map((x) => ({
            batchId,
            severity: x.severity,
            code: x.code,
            sheet: cut(x.sheet, MAX_SHEET),
            row: x.row,
            column: cut(x.column, MAX_COLUMN),
            value: x.value === null ? null : x.value.slice(0, MAX_VALUE),
            message: cut(x.message, MAX_MESSAGE)!,
          })),
        )
        .execute();
    }
  }
}

export class LeaseLostError extends Error {
  constructor(id: number, owner: string) {
    super(`Batch ${id} is no longer held by ${owner} (lease expired and another worker took it).`);
    this.name = 'LeaseLostError';
  }
}
