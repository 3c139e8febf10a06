import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BatchStore } from '../worker/batch.store';
import { InboxLayout, storeAndEnqueue } from '../worker/inbox.scanner';

/** Folder of the demo workbooks (in the source tree; dist/ resolves back to it). */
export function samplesDir(): string {
  const here = __dirname.split(path.sep);
  const distAt = here.lastIndexOf('dist');
  const root = distAt >= 0 ? here.slice(0, distAt).join(path.sep) : path.join(__dirname, '..', '..');
  return path.join(root || path.sep, 'ingestion', 'samples');
}

/**
 * Queues the demo workbooks of ingestion/samples/ (in file-name order) through the real import path,
 * once: a sample whose content has a batch already is skipped. Returns how many were queued.
 */
export async function enqueueSamples(store: BatchStore, layout: InboxLayout, dir = samplesDir()): Promise<number> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith('.xlsx') && !f.startsWith('~$')).sort();
  } catch {
    return 0;
  }
  let queued = 0;
  for (const f of files) {
    const bytes = await fs.readFile(path.join(dir, f));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (await store.hasBatchFor(sha)) continue;
    await storeAndEnqueue(store, layout, bytes, f, 'demo', null);
    queued++;
  }
  return queued;
}
