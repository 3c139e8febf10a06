/**
 * How long received workbooks are kept (`STORAGE_RETENTION_DAYS`, default 90; 0 = forever).
 *
 * Kept files: the copy of every workbook the API, the inbox or `rumbo import --conservar` received, in
 * `STORAGE_DIR` under a generated name (the batch's `storage_path`), and the copies the worker leaves in
 * `INBOX_DIR/processed/` and `INBOX_DIR/rejected/`. Once a batch has finished (IMPORTED, REJECTED,
 * DUPLICATE) for longer than the retention, its stored file is deleted and `storage_path` cleared (the
 * batch, its counts and its errors stay; the Errores workbook is then the sheet alone). Files of batches
 * still PENDING or PROCESSING are never touched. Files in storage that no batch names (left by a crash)
 * go by their age. Several workers may clean at once: every step is idempotent.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import cron, { ScheduledTask } from 'node-cron';
import { DataSource, In } from 'typeorm';
import { ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { Logger } from '../../src/server/logger';
import { InboxLayout } from './inbox.scanner';

export interface RetentionOptions {
  ds: DataSource;
  layout: InboxLayout;
  /** Days to keep; 0 or less keeps everything. */
  days: number;
  now?: () => Date;
}

export interface RetentionResult {
  /** Files deleted. */
  files: number;
  bytes: number;
  /** Batches whose stored file was deleted. */
  batches: number;
}

const DAY_MS = 86_400_000;
const FINISHED = [ImportStatus.IMPORTED, ImportStatus.REJECTED, ImportStatus.DUPLICATE];
const CHUNK = 500;
/** Hourly, off the full hour. */
export const RETENTION_CRON = '23 * * * *';

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** Deletes a file; its size, or null when it was not there. */
async function remove(file: string): Promise<number | null> {
  try {
    const { size } = await fs.stat(file);
    await fs.unlink(file);
    return size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Files of `dir` (not recursive) last changed before `cutoff`; [] when the folder does not exist. */
async function oldFiles(dir: string, cutoff: number): Promise<string[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const old: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const st = await fs.stat(file).catch(() => null);
    // ctime too: a rename (the inbox claim) keeps mtime but sets ctime, so a just-claimed old file is young.
    if (st && Math.max(st.mtimeMs, st.ctimeMs) < cutoff) old.push(file);
  }
  return old;
}

/** One cleaning pass. */
export async function cleanStorage(o: RetentionOptions): Promise<RetentionResult> {
  const result: RetentionResult = { files: 0, bytes: 0, batches: 0 };
  if (!(o.days > 0)) return result;
  const cutoff = (o.now?.() ?? new Date()).getTime() - o.days * DAY_MS;
  const repo = o.ds.getRepository(ImportBatchRecord);
  const count = (size: number | null) => {
    if (size === null) return;
    result.files++;
    result.bytes += size;
  };

  // 1. Stored files of batches finished before the cutoff.
  for (let lastId = 0; ; ) {
    const rows = await repo
      .createQueryBuilder('b')
      .select(['b.id', 'b.storagePath'])
      .where('b.id > :lastId', { lastId })
      .andWhere('b.storage_path IS NOT NULL')
      .andWhere('b.status IN (:...finished)', { finished: FINISHED })
      .andWhere('COALESCE(b.finished_at, b.created_at) < :cutoff', { cutoff: new Date(cutoff) })
      .orderBy('b.id', 'ASC')
      .limit(CHUNK)
      .getMany();
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!.id;
    const cleared: number[] = [];
    for (const b of rows) {
      if (!inside(o.layout.storage, b.storagePath!)) continue; // never delete outside the storage folder
      count(await remove(b.storagePath!));
      cleared.push(b.id);
    }
    if (cleared.length) {
      await repo.update({ id: In(cleared), status: In(FINISHED) }, { storagePath: null });
      result.batches += cleared.length;
    }
  }

  // 2. Old files in storage that no batch names (a batch that names one is handled above or still runs).
  const candidates = await oldFiles(o.layout.storage, cutoff);
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK);
    const named = new Set(
      (await repo.find({ select: { id: true, storagePath: true }, where: { storagePath: In(chunk) } })).map((b) => b.storagePath),
    );
    for (const file of chunk) if (!named.has(file)) count(await remove(file));
  }

  // 3. The copies left for people in the inbox's processed/ and rejected/.
  for (const dir of [o.layout.processed, o.layout.rejected]) {
    for (const file of await oldFiles(dir, cutoff)) count(await remove(file));
  }
  return result;
}

/** Cleans at once and then hourly, next to a worker; returns how to stop it. */
export function startRetention(o: RetentionOptions & { logger: Logger; cron?: string }): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= cleanStorage(o)
      .then((r) => {
        if (r.files) o.logger.info({ ...r, retentionDays: o.days }, 'storage retention: old files deleted');
      })
      .catch((err: unknown) => o.logger.warn({ err }, 'storage retention pass failed; retried on the next schedule'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  if (!(o.days > 0)) return { stop: async () => undefined };
  const task: ScheduledTask = cron.schedule(o.cron ?? RETENTION_CRON, () => void pass());
  void pass();
  return {
    stop: async () => {
      await task.stop();
      await running;
    },
  };
}
