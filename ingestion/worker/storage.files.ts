/**
 * Writing into the storage folder: never a partial file under a batch's name (a temporary name,
 * fsync, rename), nothing left behind by a failed write, a clear error when the folder is full or not
 * writable, and moves that work across filesystems (storage and inbox on different disks).
 */
import { randomUUID } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

/** Prefix of the temporary files this module writes; the inbox scan and storage never treat them as workbooks. */
export const TEMP_PREFIX = '.rumbo-tmp-';

export type StorageProblem = 'FULL' | 'NOT_WRITABLE';

/** The storage folder cannot take the file: full (507) or not writable (503). */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    readonly folder: string,
    override readonly cause: unknown,
  ) {
    super(`storage folder ${folder} ${problem === 'FULL' ? 'is full' : 'is not writable'}: ${String((cause as Error)?.message ?? cause)}`);
    this.name = 'StorageError';
  }
}

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const NOT_WRITABLE_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/** A StorageError for the errors that mean "the folder cannot take it"; the error itself otherwise. */
export function storageErrorOf(err: unknown, folder: string): unknown {
  if (err instanceof StorageError) return err;
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  if (FULL_CODES.has(code)) return new StorageError('FULL', folder, err);
  if (NOT_WRITABLE_CODES.has(code)) return new StorageError('NOT_WRITABLE', folder, err);
  return err;
}

/**
 * Writes `bytes` to `target` atomically: a temporary file in the same folder, fsync, rename. On any
 * failure the temporary file is removed and nothing appears under `target`.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `${TEMP_PREFIX}${randomUUID()}`);
  try {
    await fs.mkdir(dir, { recursive: true });
    const fh = await fs.open(tmp, 'wx', 0o640);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw storageErrorOf(err, dir);
  }
}

/** Copies `from` to `to` through a temporary file with fsync (for moves across filesystems). */
async function copyDurably(from: string, to: string): Promise<void> {
  const dir = path.dirname(to);
  const tmp = path.join(dir, `${TEMP_PREFIX}${randomUUID()}`);
  try {
    await fs.copyFile(from, tmp, constants.COPYFILE_EXCL);
    const fh = await fs.open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, to);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw storageErrorOf(err, dir);
  }
}

/**
 * Moves a file, by `rename` when both folders are on one filesystem and by copy + fsync + unlink
 * otherwise (EXDEV). Rejects with ENOENT when `from` is gone (another worker took it).
 *
 * Across filesystems the claim stays atomic: the file is first renamed to a hidden name next to it
 * (`claimName`, same filesystem, so exactly one worker wins), then copied and unlinked.
 */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw storageErrorOf(err, path.dirname(to));
  }
  const claimed = path.join(path.dirname(from), `${TEMP_PREFIX}claim-${randomUUID()}`);
  await fs.rename(from, claimed); // ENOENT: another worker won
  try {
    await copyDurably(claimed, to);
  } catch (err) {
    await fs.rename(claimed, from).catch(() => undefined); // give it back for the next scan
    throw err;
  }
  await fs.unlink(claimed);
}
