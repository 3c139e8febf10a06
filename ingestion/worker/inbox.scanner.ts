import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BatchStore } from './batch.store';
import { moveFile, writeFileAtomic } from './storage.files';

/** Folders the worker uses under the inbox. */
export interface InboxLayout {
  inbox: string;
  /** Claimed files, named by a generated id (never by the uploaded name). */
  storage: string;
  processed: string;
  rejected: string;
}

export function inboxLayout(inboxDir: string, storageDir?: string): InboxLayout {
  const inbox = path.resolve(inboxDir);
  return {
    inbox,
    storage: path.resolve(storageDir ?? path.join(inbox, '..', 'storage')),
    processed: path.join(inbox, 'processed'),
    rejected: path.join(inbox, 'rejected'),
  };
}

export async function ensureLayout(l: InboxLayout): Promise<void> {
  await Promise.all([l.inbox, l.storage, l.processed, l.rejected].map((d) => fs.mkdir(d, { recursive: true })));
}

/** A file name safe to show and to use inside our own folders: no path, no control characters, bounded. */
export function safeFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? 'archivo';
  // Letters, digits, dot, dash, underscore and space only: control characters and separators become "_".
  const clean = base.replace(/[^\p{L}\p{N}._ -]/gu, '_').trim();
  return (clean || 'archivo').slice(-150);
}

export async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const buf = await fs.readFile(file);
  return { sha256: createHash('sha256').update(buf).digest('hex'), size: buf.length };
}

/** A new generated name in the storage folder, keeping the (lower-cased, short) extension of `name`. */
export function storageNameFor(layout: InboxLayout, name: string): string {
  return path.join(layout.storage, `${randomUUID()}${path.extname(name).toLowerCase().slice(0, 8)}`);
}

/**
 * Stores bytes under a generated name (written to a temporary name and renamed when complete) and
 * creates a PENDING batch for them (uploads). Throws a StorageError when the folder is full or not
 * writable; nothing is left in storage when the write or the batch fails.
 */
export async function storeAndEnqueue(
  store: BatchStore,
  layout: InboxLayout,
  bytes: Buffer,
  originalName: string,
  uploader: string,
  uploaderEntityId: number | null,
): Promise<number> {
  const name = safeFileName(originalName);
  const stored = storageNameFor(layout, name);
  await writeFileAtomic(stored, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const batch = await store.create({ fileName: name, sha256, sizeBytes: bytes.length, uploader, uploaderEntityId, storagePath: stored });
    return batch.id;
  } catch (err) {
    await fs.rm(stored, { force: true }).catch(() => undefined); // no file without a batch
    throw err;
  }
}

/**
 * Moves every file of the inbox into storage and enqueues it. The rename is the claim: with several
 * workers on one inbox, exactly one rename of a file succeeds. When storage is on another filesystem
 * the move is a claim-rename inside the inbox, then copy + fsync + unlink (`moveFile`).
 */
export async function scanInbox(store: BatchStore, layout: InboxLayout, onError: (file: string, err: unknown) => void): Promise<number[]> {
  await ensureLayout(layout);
  const ids: number[] = [];
  const entries = await fs.readdir(layout.inbox, { withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const from = path.join(layout.inbox, e.name);
    const name = safeFileName(e.name);
    const to = storageNameFor(layout, name);
    try {
      await moveFile(from, to);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // another worker took it
      onError(e.name, err);
      continue;
    }
    try {
      const { sha256, size } = await sha256File(to);
      const batch = await store.create({
        fileName: name,
        sha256,
        sizeBytes: size,
        uploader: 'inbox',
        uploaderEntityId: null,
        storagePath: to,
      });
      ids.push(batch.id);
    } catch (err) {
      await moveFile(to, from).catch(() => undefined); // give it back to the inbox for the next scan
      throw err;
    }
  }
  return ids;
}

/** After a batch ends, leaves a copy of an inbox file in processed/ or rejected/ (with the Errores workbook). */
export async function fileOutcome(
  layout: InboxLayout,
  batchId: number,
  fileName: string,
  storedPath: string,
  ok: boolean,
  errorsWorkbook?: Buffer,
): Promise<void> {
  const dir = ok ? layout.processed : layout.rejected;
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, `${batchId}-${safeFileName(fileName)}`);
  await fs.copyFile(storedPath, target);
  if (errorsWorkbook) {
    await fs.writeFile(path.join(dir, `${batchId}-errores-${safeFileName(fileName).replace(/\.[^.]*$/, '')}.xlsx`), errorsWorkbook);
  }
}
