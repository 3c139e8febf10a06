import { existsSync, mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { inboxLayout } from '../../ingestion/worker/inbox.scanner';
import { cleanStorage } from '../../ingestion/worker/storage.retention';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const DAY = 86_400_000;

/** STORAGE_RETENTION_DAYS: finished batches' files go after the retention; nothing else is touched. */
describe('storage retention', () => {
  let db: TestDatabase;
  const root = mkdtempSync(path.join(tmpdir(), 'rumbo-retention-'));
  const layout = inboxLayout(path.join(root, 'inbox'), path.join(root, 'storage'));
  const outside = mkdtempSync(path.join(tmpdir(), 'rumbo-outside-'));

  beforeAll(async () => {
    db = await createTestDatabase('retention');
  });
  afterAll(() => db.drop());

  async function batch(name: string, status: ImportStatus, finishedAt: Date | null, dir = layout.storage): Promise<ImportBatchRecord> {
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(file, name);
    const repo = db.ds.getRepository(ImportBatchRecord);
    return repo.save(
      repo.create({
        fileName: `${name}.xlsx`,
        sha256: name.padEnd(64, '0'),
        sizeBytes: name.length,
        uploader: 'test',
        status,
        finishedAt,
        storagePath: file,
      }),
    );
  }
  const pathOf = async (b: ImportBatchRecord) => (await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id: b.id })).storagePath;

  it('deletes the stored files of batches finished before the retention, orphans and inbox copies; keeps the rest', async () => {
    const now = Date.now();
    const old = await batch('viejo', ImportStatus.IMPORTED, new Date(now));
    const oldRejected = await batch('rechazado', ImportStatus.REJECTED, new Date(now));
    const recent = await batch('reciente', ImportStatus.IMPORTED, new Date(now + 45 * DAY));
    const pending = await batch('pendiente', ImportStatus.PENDING, null);
    const elsewhere = await batch('afuera', ImportStatus.IMPORTED, new Date(now), outside);
    await fs.writeFile(path.join(layout.storage, 'huerfano.xlsx'), 'x');
    await fs.mkdir(layout.processed, { recursive: true });
    await fs.writeFile(path.join(layout.processed, '1-plan.xlsx'), 'x');

    // Nothing when retention is off.
    expect(await cleanStorage({ ds: db.ds, layout, days: 0, now: () => new Date(now + 365 * DAY) })).toEqual({
      files: 0,
      bytes: 0,
      batches: 0,
    });
    expect(await pathOf(old)).not.toBeNull();

    // 30 days, seen 60 days from now: what finished now is 60 days old, what finishes in 45 days is 15.
    const result = await cleanStorage({ ds: db.ds, layout, days: 30, now: () => new Date(now + 60 * DAY) });
    expect(result).toEqual({ files: 4, bytes: 'viejo'.length + 'rechazado'.length + 2, batches: 2 });
    expect(await pathOf(old)).toBeNull();
    expect(await pathOf(oldRejected)).toBeNull();
    expect(existsSync(path.join(layout.storage, 'viejo.xlsx'))).toBe(false);
    expect(existsSync(path.join(layout.storage, 'huerfano.xlsx'))).toBe(false);
    expect(await fs.readdir(layout.processed)).toEqual([]);

    expect(await pathOf(recent)).toBe(path.join(layout.storage, 'reciente.xlsx'));
    expect(await pathOf(pending)).toBe(path.join(layout.storage, 'pendiente.xlsx'));
    expect((await fs.readdir(layout.storage)).sort()).toEqual(['pendiente.xlsx', 'reciente.xlsx']);
    // A path outside the storage folder is never deleted.
    expect(existsSync(elsewhere.storagePath!)).toBe(true);
    expect(await pathOf(elsewhere)).toBe(elsewhere.storagePath);

    // A second pass (another worker) finds nothing more.
    expect(await cleanStorage({ ds: db.ds, layout, days: 30, now: () => new Date(now + 60 * DAY) })).toEqual({
      files: 0,
      bytes: 0,
      batches: 0,
    });
  });
});
