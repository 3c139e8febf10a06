import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ImportWorker, PENDING_PROBE_SQL } from '../../ingestion/worker/import.worker';
import { inboxLayout, storeAndEnqueue } from '../../ingestion/worker/inbox.scanner';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { createLogger } from '../../src/server/logger';
import { QUEUE_STATE_SQL } from '../../src/server/metrics';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createHarness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

/** A schedule that never fires during a test: whatever starts a batch here is the wake-up, the poll or the watch. */
const NEVER = '0 0 1 1 *';
const logger = createLogger({ logLevel: 'silent' });

/** Polls the batch every 20 ms; the time (ms since `from`) at which `done` first held, or null after `limitMs`. */
async function timeUntil(db: TestDatabase, id: number, done: (b: ImportBatchRecord) => boolean, from: number, limitMs: number) {
  for (;;) {
    const b = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id });
    if (done(b)) return performance.now() - from;
    if (performance.now() - from > limitMs) return null;
    await new Promise((r) => setTimeout(r, 20));
  }
}

jest.setTimeout(60_000);

describe('work starts at once: upload wake-up, queue poll across processes, inbox watch', () => {
  let db: TestDatabase;
  let admin: string;
  const dirs = mkdtempSync(path.join(tmpdir(), 'rumbo-i15-ops-'));
  const env = { STORAGE_DIR: path.join(dirs, 'storage'), INBOX_DIR: path.join(dirs, 'inbox') };
  const layout = inboxLayout(env.INBOX_DIR, env.STORAGE_DIR);
  const report = (reportedBy: string) =>
    workbookOf(ImportKind.REPORTE, { Reporte: REPORTS.map((r) => ({ ...r, reportedBy, observations: reportedBy })) });

  beforeAll(async () => {
    db = await createTestDatabase('i15_ops_work_at_once');
    expect((await createHarness(db).importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(
      ImportStatus.IMPORTED,
    );
    admin = (await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, createdBy: 'test' })).secret;
  });
  afterAll(async () => {
    await db.drop();
    await fs.rm(dirs, { recursive: true, force: true });
  });

  it('an upload wakes the worker of its process: the batch leaves PENDING within a second, with no schedule and no poll', async () => {
    const worker = new ImportWorker({ ds: db.ds, logger, layout, cron: NEVER, pollMs: null, watchInbox: false });
    const api = await startTestHttp(db, env, { ingestion: true, onEnqueued: () => worker.wake() });
    worker.start();
    await worker.tick();
    try {
      const form = new FormData();
      form.append('file', new Blob([report('Ana Subida')]), 'reporte.xlsx');
      const t0 = performance.now();
      const res = await api.request('/uploads', { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
      expect(res.status).toBe(202);
      const id = Number(res.body.batchId);
      const started = await timeUntil(db, id, (b) => b.status !== ImportStatus.PENDING, t0, 1000);
      expect(started).not.toBeNull();
      expect(await timeUntil(db, id, (b) => b.status === ImportStatus.IMPORTED, t0, 30_000)).not.toBeNull();
    } finally {
      await worker.stop();
      await api.stop();
    }
  });

  it('without the wake-up (no worker told), the same upload stays PENDING: the wake-up is what starts it', async () => {
    const worker = new ImportWorker({ ds: db.ds, logger, layout, cron: NEVER, pollMs: null, watchInbox: false });
    const api = await startTestHttp(db, env, { ingestion: true });
    worker.start();
    await worker.tick();
    try {
      const form = new FormData();
      form.append('file', new Blob([report('Sin Aviso')]), 'reporte.xlsx');
      const res = await api.request('/uploads', { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
      const id = Number(res.body.batchId);
      expect(await timeUntil(db, id, (b) => b.status !== ImportStatus.PENDING, performance.now(), 1200)).toBeNull();
      worker.wake();
      expect(await timeUntil(db, id, (b) => b.status === ImportStatus.IMPORTED, performance.now(), 30_000)).not.toBeNull();
    } finally {
      await worker.stop();
      await api.stop();
    }
  });

  it("another process's worker picks up a batch this process enqueued within its poll interval", async () => {
    const pollMs = 1000; // the default, and the period of the stale-batch watch that must not hide it
    const child: ChildProcess = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, '..', 'support', 'polling-worker-child.ts')],
      {
        env: { ...process.env, CHILD_DATABASE_URL: db.url, CHILD_INBOX_DIR: path.join(dirs, 'child-inbox'), CHILD_POLL_MS: String(pollMs) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
      });
      const t0 = performance.now();
      const id = await storeAndEnqueue(createHarness(db).store, layout, report('Otro Proceso'), 'reporte.xlsx', 'test', null);
      const started = await timeUntil(db, id, (b) => b.status !== ImportStatus.PENDING, t0, pollMs + 700);
      expect(started).not.toBeNull();
      expect(await timeUntil(db, id, (b) => b.status === ImportStatus.IMPORTED, t0, 30_000)).not.toBeNull();
      const batch = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id });
      expect(batch.attempts).toBe(1); // claimed once, by the child
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 60_000);

  it('a file dropped in the inbox is picked up within a second by the folder watch (no schedule, no poll)', async () => {
    const worker = new ImportWorker({ ds: db.ds, logger, layout, cron: NEVER, pollMs: null });
    worker.start();
    await worker.tick();
    try {
      const before = await db.ds.getRepository(ImportBatchRecord).count();
      const t0 = performance.now();
      await fs.writeFile(path.join(layout.inbox, 'reporte-bandeja.xlsx'), report('Bandeja'));
      let created: ImportBatchRecord | null = null;
      while (!created && performance.now() - t0 < 1000) {
        created = await db.ds.getRepository(ImportBatchRecord).findOne({ where: { fileName: 'reporte-bandeja.xlsx' } });
        if (!created) await new Promise((r) => setTimeout(r, 20));
      }
      expect(created).not.toBeNull();
      expect(await db.ds.getRepository(ImportBatchRecord).count()).toBe(before + 1);
      expect(await timeUntil(db, created!.id, (b) => b.status === ImportStatus.IMPORTED, t0, 30_000)).not.toBeNull();
    } finally {
      await worker.stop();
    }
  });

  it('the poll and the queue gauges read only the index (status, created_at), with many finished batches and a few pending', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `viejo-${i}.xlsx`,
      `${i}`.padStart(64, '0'),
      1,
      'test',
      i % 500 === 0 ? 'PENDING' : 'IMPORTED',
    ]);
    await db.ds.query(
      `INSERT INTO import_batches (file_name, sha256, size_bytes, uploader, status) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
    await db.ds.query('ANALYZE TABLE import_batches');
    for (const sql of [PENDING_PROBE_SQL, QUEUE_STATE_SQL]) {
      const plan = (await db.ds.query(`EXPLAIN ${sql}`, [ImportStatus.PENDING])) as { key: string | null; Extra: string | null }[];
      expect(plan).toHaveLength(1);
      expect(plan[0]!.key).toBe('ix_import_batches_status_created');
      expect(plan[0]!.Extra ?? '').toMatch(/Using index/);
    }
  });
});
