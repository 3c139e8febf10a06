import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BatchStore } from './batch.store';

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

/**
 * Stores bytes under a generated name and creates a PENDING batch for them (uploads and CLI).
 */
export async function storeAndEnqueue(
  store: BatchStore,
  layout: InboxLayout,
  bytes: Buffer,
  originalName: string,
  uploader: string,
  uploaderEntityId: number | null,
): Promise<number> {
  await fs.mkdir(layout.storage, { recursive: true });
  const name = safeFileName(originalName);
  const stored = path.join(layout.storage, `${randomUUID()}${path.extname(name).toLowerCase().slice(0, 8)}`);
  await fs.writeFile(stored, bytes, { flag: 'wx' });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const batch = await store.create({ fileName: name, sha256, sizeBytes: bytes.length, uploader, uploaderEntityId, storagePath: stored });
  return batch.id;
}

/**
 * Moves every file of the inbox into storage and enqueues it. The rename is the claim: with several
 * workers on one inbox, exactly one rename of a file succeeds.
 */
export async function scanInbox(store: BatchStore, layout: InboxLayout, onError: (file: string, err: unknown) => void): Promise<number[]> {
  await ensureLayout(layout);
  const ids: number[] = [];
  const entries = await fs.readdir(layout.inbox, { withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const from = path.join(layout.inbox, e.name);
    const name = safeFileName(e.name);
    const to = path.join(layout.storage, `${randomUUID()}${path.extname(name).toLowerCase().slice(0, 8)}`);
    try {
      await fs.rename(from, to);
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
      await fs.rename(to, from).catch(() => undefined); // give it back to the inbox for the next scan
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
