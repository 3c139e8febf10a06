import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { createLogger } from '../../src/server/logger';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { storeAndEnqueue } from '../../ingestion/worker/inbox.scanner';
import { LeaseLostError } from '../../ingestion/worker/batch.store';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { createHarness, Harness } from '../support/ingestion-harness';

jest.setTimeout(90_000);

const logger = createLogger({ logLevel: 'silent' });

describe('several import workers on one database and inbox', () => {
  let db: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    db = await createTestDatabase('workers');
    h = createHarness(db);
    const plan = await h.importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx');
    expect(plan.status).toBe(ImportStatus.IMPORTED);
  });
  afterAll(() => db.drop());

  it('imports each of 20 files exactly once when two workers race', async () => {
    for (let i = 0; i < 20; i++) {
      const rows = REPORTS.map((r) => ({ ...r, reportedBy: `Funcionaria ${i}` })); // 20 different contents
      await fs.writeFile(
        path.join(h.layout.inbox, `reporte-${String(i).padStart(2, '0')}.xlsx`),
        workbookOf(ImportKind.REPORTE, { Reporte: rows }),
      );
    }
    const mk = (owner: string) => new ImportWorker({ ds: db.ds, logger, layout: h.layout, cron: '* * * * *', owner });
    const [a, b] = [mk('worker-a'), mk('worker-b')];
    const [na, nb] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(na + nb).toBe(20);
    const batches = await db.ds.getRepository(ImportBatchRecord).findBy({ uploader: 'inbox' });
    expect(batches).toHaveLength(20);
    expect(batches.every((x) => x.status === ImportStatus.IMPORTED && x.attempts === 1)).toBe(true);
    expect(new Set(batches.map((x) => x.fileName)).size).toBe(20);
    expect(await fs.readdir(h.layout.processed)).toHaveLength(20);
    expect((await fs.readdir(h.layout.inbox)).filter((f) => f.endsWith('.xlsx'))).toEqual([]);
  });

  it('a worker killed in the middle of a file leaves no partial data; another takes the batch over after the lease', async () => {
    const rows = [];
    for (let year = 2024; year <= 2025; year++)
      for (const period of ['T1', 'T2', 'T3', 'T4']) rows.push({ policyCode: 'PP-EJ', productCode: 'B', year, period, value: 1 });
    const big = workbookOf(ImportKind.REPORTE, { Reporte: rows });
    const countBefore = Number((await db.ds.query('SELECT COUNT(*) AS n FROM progress_reports'))[0].n);
    const id = await storeAndEnqueue(h.store, h.layout, big, 'grande.xlsx', 'test', null);

    // The child writes everything inside its transaction and stops just before COMMIT; then it is killed.
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '..', 'support', 'worker-child.ts')], {
      env: { ...process.env, CHILD_DATABASE_URL: db.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('paused-before-commit')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before pausing: ${out}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));

    const stuck = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id });
    expect(stuck.status).toBe(ImportStatus.PROCESSING);
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM progress_reports'))[0].n)).toBe(countBefore);

    // A new worker with a short lease takes it over once the dead worker's heartbeat is older than the lease.
    const rescuer = new ImportWorker({ ds: db.ds, logger, layout: h.layout, cron: '* * * * *', owner: 'rescuer', leaseMs: 300 });
    await new Promise((r) => setTimeout(r, 400));
    expect(await rescuer.runOnce()).toBe(1);
    const done = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id });
    expect(done.status).toBe(ImportStatus.IMPORTED);
    expect(done.attempts).toBe(2);
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM progress_reports'))[0].n)).toBe(countBefore + 6);
  });
});

describe('taking over the batch of a killed worker (issue 14, item 13)', () => {
  let db: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    db = await createTestDatabase('workers_takeover');
    h = createHarness(db);
    expect((await h.importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(ImportStatus.IMPORTED);
  });
  afterAll(() => db.drop());

  it('leaves a beating worker alone, takes a killed one over within 15 s, and the old owner cannot finish it', async () => {
    const id = await storeAndEnqueue(h.store, h.layout, workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }), 'r.xlsx', 'test', null);
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '..', 'support', 'worker-child.ts')], {
      env: { ...process.env, CHILD_DATABASE_URL: db.url, CHILD_HEARTBEAT_MS: '2000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('paused-before-commit')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before pausing: ${out}`)));
    });
    // A live worker with the default heartbeat (2 s) and staleness (8 s) keeps its batch for longer than the staleness.
    const rescuer = new ImportWorker({ ds: db.ds, logger, layout: h.layout, cron: '0 0 1 1 *', owner: 'rescuer' });
    rescuer.start();
    try {
      await new Promise((r) => setTimeout(r, 10_000));
      expect(await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id })).toMatchObject({
        status: ImportStatus.PROCESSING,
        owner: 'doomed-worker',
      });

      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
      const killedAt = Date.now();
      // Taken over = claimed by the live worker (design: staleness 8 s + the 1 s look-out); then imported.
      let takeoverMs: number | null = null;
      let done: ImportBatchRecord | null = null;
      while (Date.now() - killedAt < 40_000) {
        done = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id });
        if (takeoverMs === null && (done.owner === 'rescuer' || done.status === ImportStatus.IMPORTED)) takeoverMs = Date.now() - killedAt;
        if (done.status === ImportStatus.IMPORTED) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const recoveryMs = Date.now() - killedAt;
      console.log(
        `killed worker's batch taken over ${((takeoverMs ?? NaN) / 1000).toFixed(1)} s and imported ${(recoveryMs / 1000).toFixed(1)} s after kill -9`,
      );
      expect(done!.status).toBe(ImportStatus.IMPORTED);
      expect(done!.attempts).toBe(2);
      expect(takeoverMs).not.toBeNull();
      expect(takeoverMs!).toBeLessThan(15_000);
    } finally {
      await rescuer.stop();
    }
    // The dead owner's finish is refused (its transaction would roll back).
    await expect(
      db.ds.transaction((m) =>
        h.store.finish(
          m,
          id,
          'doomed-worker',
          ImportStatus.REJECTED,
          null,
          { rowsRead: 0, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 0 },
          { parseMs: null, validateMs: null, importMs: null },
          [],
        ),
      ),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect((await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id })).status).toBe(ImportStatus.IMPORTED);
  });
});
