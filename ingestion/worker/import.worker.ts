import { existsSync, FSWatcher, mkdirSync, watch } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import cron, { ScheduledTask } from 'node-cron';
import { DataSource } from 'typeorm';
import { ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { Logger } from '../../src/server/logger';
import type { ImportMetrics } from '../../src/server/metrics';
import { BatchOutcome, processBatch } from '../import/import.pipeline';
import { ParseSandbox, SandboxOptions } from '../import/parse.sandbox';
import { ReadLimits } from '../xlsx/workbook.types';
import { BatchStore, LeaseLostError } from './batch.store';
import { fileOutcome, InboxLayout, scanInbox } from './inbox.scanner';

export interface WorkerOptions {
  ds: DataSource;
  logger: Logger;
  layout: InboxLayout;
  cron: string;
  /** A batch whose owner has not beaten for this long is taken over (default 8 s, IMPORT_STALE_AFTER_MS). */
  leaseMs?: number;
  /** How often the owner renews its heartbeat, and how often idle workers look for stale batches (default 2 s). */
  heartbeatMs?: number;
  /** Issues stored and listed per code (default 1000, IMPORT_MAX_ISSUES_PER_CODE). */
  maxIssuesPerCode?: number;
  /** Times a batch may be started before it is rejected as unprocessable (default 3). */
  maxAttempts?: number;
  limits?: Partial<ReadLimits>;
  /** Time and memory bounds of the thread that reads each file (defaults: 60 s, 512 MB). */
  sandbox?: SandboxOptions;
  owner?: string;
  /**
   * How often an idle worker asks the database whether a batch is pending (one indexed SELECT), so a batch
   * another process enqueued starts within this; `null` turns it off (default 1000 ms, IMPORT_POLL_MS).
   */
  pollMs?: number | null;
  /** Watch the inbox folder so a dropped file starts at once (default true; the cron scan stays the backstop). */
  watchInbox?: boolean;
  /** Counts finished batches and phase durations (src/server/metrics.ts). */
  metrics?: ImportMetrics;
}

/** A file dropped in the inbox is scanned once no write to it was seen for this long (a copy in progress goes on). */
const INBOX_SETTLE_MS = 150;

const MAX_BACKOFF_MS = 60_000;

/** The poll of idle workers: covered by the index (status, created_at), reads no table row. */
export const PENDING_PROBE_SQL = 'SELECT 1 AS pending FROM import_batches WHERE status = ? LIMIT 1';

/** True for errors that mean "the database is not reachable right now". */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'PROTOCOL_CONNECTION_LOST',
      'ETIMEDOUT',
      'EPIPE',
      'ER_SERVER_SHUTDOWN',
      'ER_CON_COUNT_ERROR',
      'ENOTFOUND',
      'PROTOCOL_SEQUENCE_TIMEOUT',
      'ER_LOCK_WAIT_TIMEOUT',
    ].includes(code) || /Connection lost|closed state|connect ECONNREFUSED|Pool is closed/i.test(String((err as Error)?.message))
  );
}

/**
 * The import worker: on a node-cron schedule it moves inbox files into storage as pending batches,
 * then claims and processes pending batches until none is left. Several workers may share one
 * database and inbox: files are claimed by rename, batches by SKIP LOCKED with a heartbeat lease.
 * When the database goes away it retries with exponential backoff (1 s … 60 s) and goes on.
 */
export class ImportWorker {
  readonly owner: string;
  readonly store: BatchStore;
  private task: ScheduledTask | null = null;
  private running: Promise<number> | null = null;
  private backoffMs = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private staleWatch: NodeJS.Timeout | null = null;
  /** True while the pass in `running` is a recovery pass (stale batches only, no inbox scan). */
  private recovering = false;
  private readonly maxAttempts: number;
  private readonly parser: ParseSandbox;
  /** A wake() arrived while a pass ran: run one more pass right after it (the new batch may have missed it). */
  private wakeAgain = false;
  private poll: NodeJS.Timeout | null = null;
  private polling = false;
  private watcher: FSWatcher | null = null;
  private settle: NodeJS.Timeout | null = null;

  constructor(private readonly o: WorkerOptions) {
    this.owner = o.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = o.leaseMs ?? 8000;
    this.heartbeatMs = o.heartbeatMs ?? Math.max(100, Math.min(2000, Math.floor(this.leaseMs / 3)));
    this.maxAttempts = o.maxAttempts ?? 3;
    this.store = new BatchStore(o.ds, this.leaseMs);
    this.parser = new ParseSandbox(o.sandbox);
  }

  start(): void {
    this.stopped = false;
    this.task = cron.schedule(this.o.cron, () => void this.tick());
    // Between scheduled passes, look for a dead worker's batch every second (one indexed SELECT), so it
    // is taken over about `leaseMs` after that worker stopped beating, not at the next scheduled pass.
    this.staleWatch = setInterval(() => void this.recoverStale(), Math.min(this.heartbeatMs, 1000));
    this.staleWatch.unref();
    const pollMs = this.o.pollMs === undefined ? 1000 : this.o.pollMs;
    if (pollMs !== null && pollMs > 0) {
      this.poll = setInterval(() => void this.pollPending(), pollMs);
      this.poll.unref();
    }
    if (this.o.watchInbox !== false) this.watchInbox();
    void this.tick();
  }

  /**
   * Starts a pass at once (an upload in this process just enqueued a batch). While a pass runs, one more
   * pass follows it, so a batch created after that pass's last claim is not left for the next poll.
   */
  wake(): void {
    if (this.stopped) return;
    if (this.running && !this.recovering) {
      this.wakeAgain = true;
      return;
    }
    void this.tick();
  }

  /** One cheap indexed query (ix_import_batches_status_created); a pass only when something is pending. */
  private async pollPending(): Promise<void> {
    // A short recovery pass (every second, like this poll) does not hide a pending batch: wake() runs a pass after it.
    if ((this.running && !this.recovering) || this.stopped || this.backoffMs > 0 || this.polling) return;
    this.polling = true;
    try {
      const rows = (await this.o.ds.query(PENDING_PROBE_SQL, [ImportStatus.PENDING])) as unknown[];
      if (rows.length > 0) this.wake();
    } catch {
      // the database is away: the scheduled pass and its backoff say so
    } finally {
      this.polling = false;
    }
  }

  /** fs.watch on the inbox: a new file wakes the worker once writes to it settle; the cron scan stays as backstop. */
  private watchInbox(): void {
    const dir = this.o.layout.inbox;
    try {
      mkdirSync(dir, { recursive: true });
      this.watcher = watch(dir, { persistent: false }, (_event, name) => {
        const file = name ? String(name) : null;
        if (file && (file.startsWith('.') || file.startsWith('~$') || !existsSync(path.join(dir, file)))) return;
        if (file === 'processed' || file === 'rejected') return;
        if (this.settle) clearTimeout(this.settle);
        this.settle = setTimeout(() => this.wake(), INBOX_SETTLE_MS);
        this.settle.unref();
      });
      this.watcher.on('error', (err) => {
        this.o.logger.warn({ err: String(err), inbox: dir }, 'inbox watch stopped; the scheduled scan goes on');
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (err) {
      this.o.logger.warn({ err: String(err), inbox: dir }, 'cannot watch the inbox; the scheduled scan goes on');
    }
  }

  /** Processes batches left by dead workers (skipped while a pass runs). Returns how many it finished. */
  recoverStale(): Promise<number> {
    // While the database is away the backoff of tick() is in charge.
    if (this.running || this.stopped || this.backoffMs > 0) return this.running ?? Promise.resolve(0);
    return this.guarded(async () => {
      this.recovering = true;
      let done = 0;
      while (!this.stopped) {
        const batch = await this.store.claimStale(this.owner);
        if (!batch) break;
        this.o.logger.warn({ batchId: batch.id, attempts: batch.attempts }, 'took over a batch whose worker stopped beating');
        await this.processClaimed(batch);
        done++;
      }
      return done;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.staleWatch) clearInterval(this.staleWatch);
    this.staleWatch = null;
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    if (this.settle) clearTimeout(this.settle);
    this.watcher?.close();
    this.watcher = null;
    await this.task?.stop();
    this.task = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.running?.catch(() => undefined);
    await this.parser.close();
  }

  /** One pass (skipped while a pass runs); on a connection error, schedules a retry with backoff. */
  tick(): Promise<number> {
    // A short recovery pass does not make the scheduled scan wait a whole period: it runs right after.
    if (this.running && this.recovering) return this.running.then(() => (this.stopped ? 0 : this.tick()));
    if (this.running) return this.running;
    return this.guarded(() => this.runOnce());
  }

  private guarded(pass: () => Promise<number>): Promise<number> {
    this.recovering = false;
    this.running = pass()
      .then((n) => {
        this.backoffMs = 0;
        return n;
      })
      .catch((err: unknown) => {
        if (isConnectionError(err)) {
          this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs ? this.backoffMs * 2 : 1000);
          this.o.logger.warn({ err: String(err), retryInMs: this.backoffMs }, 'database unreachable; the worker retries');
          if (!this.stopped) this.retryTimer = setTimeout(() => void this.tick(), this.backoffMs);
        } else {
          this.o.logger.error({ err }, 'import worker pass failed');
        }
        return 0;
      })
      .finally(() => {
        this.running = null;
        this.recovering = false;
        if (this.wakeAgain && !this.stopped) {
          this.wakeAgain = false;
          setImmediate(() => void this.tick());
        }
      });
    return this.running;
  }

  /** Scans the inbox, then processes batches until none is pending. Returns how many it finished. */
  async runOnce(): Promise<number> {
    await scanInbox(this.store, this.o.layout, (file, err) => this.o.logger.error({ file, err }, 'could not claim inbox file'));
    let done = 0;
    while (!this.stopped) {
      const batch = await this.store.claim(this.owner);
      if (!batch) break;
      await this.processClaimed(batch);
      done++;
    }
    return done;
  }

  private async processClaimed(batch: ImportBatchRecord): Promise<BatchOutcome | null> {
    const log = this.o.logger.child({ batchId: batch.id, file: batch.fileName });
    const beat = setInterval(() => void this.store.heartbeat(batch.id, this.owner).catch(() => undefined), this.heartbeatMs);
    try {
      if (batch.attempts > this.maxAttempts) {
        await this.store.giveUp(batch.id, this.owner, `el archivo no pudo procesarse tras ${this.maxAttempts} intentos`);
        log.error('batch rejected after too many attempts');
        this.o.metrics?.batchFinished(null, ImportStatus.REJECTED);
        return null;
      }
      const outcome = await processBatch(
        {
          ds: this.o.ds,
          store: this.store,
          parser: this.parser,
          ...(this.o.limits ? { limits: this.o.limits } : {}),
          ...(this.o.maxIssuesPerCode ? { maxIssuesPerCode: this.o.maxIssuesPerCode } : {}),
        },
        batch,
        this.owner,
      );
      log.info({ status: outcome.status, kind: outcome.kind, counts: outcome.counts, issues: outcome.issues.length }, 'batch finished');
      this.o.metrics?.batchFinished(outcome.kind, outcome.status);
      if (outcome.timings) {
        this.o.metrics?.phase('parse', outcome.timings.parseMs);
        this.o.metrics?.phase('validate', outcome.timings.validateMs);
        this.o.metrics?.phase('import', outcome.timings.importMs);
      }
      if (batch.uploader === 'inbox' && batch.storagePath) {
        const ok = outcome.status !== ImportStatus.REJECTED;
        await fileOutcome(this.o.layout, batch.id, batch.fileName, batch.storagePath, ok, outcome.errorsWorkbook).catch((err: unknown) =>
          log.error({ err }, 'could not file the processed workbook'),
        );
      }
      return outcome;
    } catch (err) {
      if (err instanceof LeaseLostError) {
        log.warn('lease lost; another worker finishes this batch');
        return null;
      }
      if (isConnectionError(err)) throw err; // the batch stays PROCESSING; its lease expires and it is retried
      log.error({ err }, 'batch failed unexpectedly');
      await this.store
        .giveUp(batch.id, this.owner, 'error interno al procesar el archivo; el equipo de soporte fue notificado')
        .then(() => this.o.metrics?.batchFinished(null, ImportStatus.REJECTED))
        .catch(() => undefined);
      return null;
    } finally {
      clearInterval(beat);
    }
  }
}
