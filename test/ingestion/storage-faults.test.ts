/**
 * Issue 14, items 6, 8, 9 and 10: the stored Errores workbook, storage full or read-only, nothing left
 * behind by a failed write, and storage on another filesystem than the inbox. The storage folders are
 * tmpfs mounts made by this test (it runs as root in CI); unmounted in afterAll.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { readBack, workbookOf } from '../../ingestion/test-support/workbook.builder';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { inboxLayout } from '../../ingestion/worker/inbox.scanner';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { createLogger } from '../../src/server/logger';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createHarness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

jest.setTimeout(60_000);

const root = mkdtempSync(path.join(tmpdir(), 'rumbo-storage-faults-'));
const mounted: string[] = [];

/** Mounts a tmpfs of `size` at a new folder under `root`; null when this machine cannot mount. */
function mountTmpfs(name: string, size: string): string | null {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return dir;
}

const smallDisk = mountTmpfs('small-disk', '64k');
const otherDisk = mountTmpfs('other-disk', '32m');
if (!smallDisk || !otherDisk) {
  console.warn('storage-faults.test: SKIPPED, `mount -t tmpfs` is not possible here (needs root / CAP_SYS_ADMIN)');
}
const withMounts = smallDisk && otherDisk ? describe : describe.skip;

afterAll(() => {
  for (const dir of mounted.reverse()) {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    } catch {
      // already gone
    }
  }
  rmSync(root, { recursive: true, force: true });
});

withMounts('storage faults', () => {
  let db: TestDatabase;
  const logLines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  let admin = '';
  beforeAll(async () => {
    db = await createTestDatabase('storage_faults');
    expect((await createHarness(db).importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(
      ImportStatus.IMPORTED,
    );
    admin = (await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, name: 'oficina', createdBy: 'test' })).secret;
  });
  afterAll(() => db.drop());

  const upload = (base: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return fetch(`${base}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
  };
  /** A valid REPORTE of about 200 KB that does not compress (larger than the 64 KB disk). */
  const bigReporte = () =>
    workbookOf(ImportKind.REPORTE, {
      Reporte: Array.from({ length: 250 }, (_, i) => ({
        ...REPORTS[i % REPORTS.length]!,
        difficulties: randomBytes(400).toString('base64'),
      })),
    });

  it('storage full: 507 STORAGE_FULL in Spanish, the log names the folder, and no file is left behind', async () => {
    const http = await startTestHttp(db, { STORAGE_DIR: smallDisk!, INBOX_DIR: path.join(root, 'inbox-a') }, { ingestion: true, logger });
    try {
      const bytes = bigReporte();
      expect(bytes.length).toBeGreaterThan(128 * 1024);
      const before = await db.ds.getRepository(ImportBatchRecord).count();
      const res = await upload(http.base, bytes, 'grande.xlsx');
      expect(await fs.readdir(smallDisk!)).toEqual([]); // no 0-byte or partial file (item 9)
      expect(res.status).toBe(507);
      const body = (await res.json()) as { error: string; code: string };
      expect(body.code).toBe('STORAGE_FULL');
      expect(body.error).toMatch(/No hay espacio para guardar el archivo/);
      expect(await db.ds.getRepository(ImportBatchRecord).count()).toBe(before);
      const line = logLines.find((l) => l.folder === smallDisk);
      expect(line).toMatchObject({ level: 50, problem: 'FULL' });
      expect(String(line!.msg)).toContain(smallDisk!);
    } finally {
      await http.stop();
    }
  });

  it('storage read-only: 503 STORAGE_UNAVAILABLE in Spanish, the log names the folder', async () => {
    execFileSync('mount', ['-o', 'remount,ro', smallDisk!]);
    const http = await startTestHttp(db, { STORAGE_DIR: smallDisk!, INBOX_DIR: path.join(root, 'inbox-b') }, { ingestion: true, logger });
    try {
      const res = await upload(http.base, workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }), 'reporte.xlsx');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: string; code: string };
      expect(body).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
      expect(body.error).toMatch(/no puede guardar archivos/);
      expect(logLines.filter((l) => l.folder === smallDisk && l.problem === 'NOT_WRITABLE')).toHaveLength(1);
    } finally {
      await http.stop();
      execFileSync('mount', ['-o', 'remount,rw', smallDisk!]);
    }
  });

  it('inbox and storage on different filesystems: the file is claimed (copy + fsync + unlink) and imported', async () => {
    const inbox = path.join(root, 'inbox-c');
    const layout = inboxLayout(inbox, path.join(otherDisk!, 'storage'));
    mkdirSync(inbox, { recursive: true });
    const rows = REPORTS.map((r) => ({ ...r, reportedBy: 'Otra unidad' }));
    await fs.writeFile(path.join(inbox, 'reporte-otro-disco.xlsx'), workbookOf(ImportKind.REPORTE, { Reporte: rows }));
    const errors: unknown[] = [];
    const worker = new ImportWorker({
      ds: db.ds,
      logger: pino({ level: 'error' }, new Writable({ write: (c: Buffer, _e, done) => (errors.push(c.toString()), done()) })),
      layout,
      cron: '0 0 1 1 *',
    });
    try {
      expect(await worker.runOnce()).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(errors).toEqual([]);
    const batch = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ fileName: 'reporte-otro-disco.xlsx' });
    expect(batch.status).toBe(ImportStatus.IMPORTED);
    expect(batch.storagePath!.startsWith(otherDisk!)).toBe(true);
    expect((await fs.stat(batch.storagePath!)).size).toBe(batch.sizeBytes);
    expect((await fs.readdir(inbox)).filter((f) => !['processed', 'rejected'].includes(f))).toEqual([]);
    expect(await fs.readdir(layout.processed)).toEqual([`${batch.id}-reporte-otro-disco.xlsx`]);
  });

  it('serves the Errores workbook built once at rejection, even when the uploaded file is gone', async () => {
    const storage = path.join(otherDisk!, 'storage-e');
    const inbox = path.join(root, 'inbox-e');
    const http = await startTestHttp(db, { STORAGE_DIR: storage, INBOX_DIR: inbox }, { ingestion: true, logger });
    try {
      const bad = workbookOf(ImportKind.REPORTE, { Reporte: [{ ...REPORTS[0]!, productCode: 'NO-EXISTE' }] });
      const res = await upload(http.base, bad, 'malo.xlsx');
      expect(res.status).toBe(202);
      const id = Number(((await res.json()) as { batchId: string }).batchId);
      const worker = new ImportWorker({
        ds: db.ds,
        logger: createLogger({ logLevel: 'silent' }),
        layout: inboxLayout(inbox, storage),
        cron: '0 0 1 1 *',
      });
      await worker.runOnce();
      await worker.stop();
      const batch = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id });
      expect(batch.status).toBe(ImportStatus.REJECTED);
      expect(batch.errorsPath).toBeTruthy();
      const stored = await fs.readFile(batch.errorsPath!);
      expect(readBack(stored).sheets.map((s) => s.name)).toEqual(['Errores', 'Reporte']);

      // The download is the stored file, byte for byte, and needs neither the upload nor a rebuild.
      await fs.rm(batch.storagePath!);
      for (let i = 0; i < 2; i++) {
        const got = await fetch(`${http.base}/batches/${id}/errores.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
        expect(got.status).toBe(200);
        expect(Buffer.from(await got.arrayBuffer()).equals(stored)).toBe(true);
      }
    } finally {
      await http.stop();
    }
  });
});
