import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { AuditEventRecord, ImportBatchRecord, OrgEntityRecord } from '../../src/entities';
import { createLogger } from '../../src/server/logger';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { readBack, workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { inboxLayout } from '../../ingestion/worker/inbox.scanner';
import { createHarness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

/** Templates, uploads by role, and the Errores workbook of a rejected upload, over HTTP. */
describe('ingestion HTTP routes', () => {
  let db: TestDatabase;
  let http: Awaited<ReturnType<typeof startTestHttp>>;
  let worker: ImportWorker;
  const tokens: Record<string, string> = {};
  const dirs = mkdtempSync(path.join(tmpdir(), 'rumbo-routes-'));
  const env = { STORAGE_DIR: path.join(dirs, 'storage'), INBOX_DIR: path.join(dirs, 'inbox') };
  const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const upload = (who: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return http.request('/uploads', { method: 'POST', headers: auth(who), body: form });
  };

  beforeAll(async () => {
    db = await createTestDatabase('ingestion_routes');
    expect((await createHarness(db).importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(
      ImportStatus.IMPORTED,
    );
    const { tokens: service } = createSecurityServices(db.ds);
    const responsible = await db.ds.getRepository(OrgEntityRecord).findOneByOrFail({ code: '02' });
    const other = await db.ds
      .getRepository(OrgEntityRecord)
      .save({ code: '77', name: 'Otra', acronym: null, sectorId: null, level: 'OTRO' as never });
    tokens.admin = (await service.create({ role: Role.ADMIN, name: 'oficina', createdBy: 'test' })).secret;
    tokens.viewer = (await service.create({ role: Role.VIEWER, name: 'tablero', createdBy: 'test' })).secret;
    tokens.responsible = (
      await service.create({ role: Role.ENTITY, entityCode: responsible.code, name: 'entidad-02', createdBy: 'test' })
    ).secret;
    tokens.other = (await service.create({ role: Role.ENTITY, entityCode: other.code, name: 'entidad-77', createdBy: 'test' })).secret;
    http = await startTestHttp(db, env, { ingestion: true });
    worker = new ImportWorker({
      ds: db.ds,
      logger: createLogger({ logLevel: 'silent' }),
      layout: inboxLayout(env.INBOX_DIR, env.STORAGE_DIR),
      cron: '0 0 1 1 *',
    });
  });
  afterAll(async () => {
    await http?.stop();
    await db.drop();
  });

  it('serves each blank template with its Instrucciones sheet to any reader, and 404 for an unknown kind', async () => {
    for (const kind of ['plan', 'reporte', 'instancia']) {
      const res = await fetch(`${http.base}/templates/${kind}`, { headers: auth('viewer') });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`plantilla-${kind}.xlsx`);
      const sheets = readBack(Buffer.from(await res.arrayBuffer())).sheets.map((s) => s.name);
      expect(sheets[0]).toBe('Instrucciones');
    }
    expect((await http.request('/templates/presupuesto', { headers: auth('viewer') })).status).toBe(404);
    expect((await http.request('/templates/plan')).status).toBe(401);
  });

  it('lets ADMIN and ENTITY tokens upload, refuses VIEWER, and records who uploaded', async () => {
    const bytes = workbookOf(ImportKind.REPORTE, { Reporte: REPORTS });
    expect((await upload('viewer', bytes, 'r.xlsx')).status).toBe(403);
    const res = await upload('responsible', bytes, 'reporte-02.xlsx');
    expect(res.status).toBe(202);
    const batch = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id: Number(res.body.batchId) });
    expect(batch).toMatchObject({ status: ImportStatus.PENDING, uploader: 'entidad-02', fileName: 'reporte-02.xlsx' });
    const audit = await db.ds.getRepository(AuditEventRecord).findOneByOrFail({ action: 'UPLOAD', subject: `batch:${batch.id}` });
    expect(audit.actor).toBe('entidad-02');
    expect(await worker.runOnce()).toBe(1);
    expect((await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id: batch.id })).status).toBe(ImportStatus.IMPORTED);
  });

  it("rejects an entity's report on another entity's products and returns the workbook with an Errores sheet to its uploader only", async () => {
    const rows = REPORTS.map((r) => ({ ...r, value: Number(r.value) + 1 }));
    const res = await upload('other', workbookOf(ImportKind.REPORTE, { Reporte: rows }), 'ajeno.xlsx');
    expect(res.status).toBe(202);
    expect(await worker.runOnce()).toBe(1);
    const id = Number(res.body.batchId);
    expect((await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id })).status).toBe(ImportStatus.REJECTED);

    const mine = await fetch(`${http.base}/batches/${id}/errores.xlsx`, { headers: auth('other') });
    expect(mine.status).toBe(200);
    const errores = readBack(Buffer.from(await mine.arrayBuffer())).sheets.find((s) => s.name === 'Errores');
    expect(errores).toBeDefined();
    expect(JSON.stringify(errores!.rows)).toContain('ENTIDAD_NO_RESPONSABLE');
    expect((await http.request(`/batches/${id}/errores.xlsx`, { headers: auth('responsible') })).status).toBe(404);
    expect((await http.request(`/batches/${id}/errores.xlsx`, { headers: auth('admin') })).status).toBe(200);
    const imported = await db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ uploader: 'entidad-02' });
    expect((await http.request(`/batches/${imported.id}/errores.xlsx`, { headers: auth('admin') })).status).toBe(409);
  });
});
