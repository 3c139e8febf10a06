import { mkdtempSync, promises as fs, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { OrgEntityRecord } from '../../src/entities';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { createHarness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { HttpResult, startTestHttp } from '../support/test-http';

/**
 * Every data table of the test database with its checksum: the dry run must leave all of them as they
 * were (api_tokens is left out: authenticating a key records its last use, by design).
 */
async function checksums(db: TestDatabase): Promise<Record<string, string>> {
  const tables = (await db.ds.query('SHOW TABLES')) as Record<string, string>[];
  const names = tables.map((t) => Object.values(t)[0]!).filter((n) => n !== 'migrations' && n !== 'api_tokens');
  const rows = (await db.ds.query(`CHECKSUM TABLE ${names.map((n) => `\`${n}\``).join(', ')}`)) as { Table: string; Checksum: string }[];
  return Object.fromEntries(rows.map((r) => [r.Table.split('.').pop()!, String(r.Checksum)]));
}

describe('POST /uploads/validate: the dry run of `rumbo validate` for the key that sends it', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof startTestHttp>>;
  let small: Awaited<ReturnType<typeof startTestHttp>>;
  const keys = {} as Record<'ADMIN' | 'OWN' | 'OTHER' | 'VIEWER', string>;
  const dirs = mkdtempSync(path.join(tmpdir(), 'rumbo-validate-'));
  const env = { STORAGE_DIR: path.join(dirs, 'storage'), INBOX_DIR: path.join(dirs, 'inbox') };

  const validate = (key: string | null, bytes: Buffer, name = 'reporte.xlsx', server = api): Promise<HttpResult> => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return server.request('/uploads/validate', {
      method: 'POST',
      headers: key ? { authorization: `Bearer ${key}` } : {},
      body: form,
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase('validate_route');
    expect((await createHarness(db).importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(
      ImportStatus.IMPORTED,
    );
    await db.ds.getRepository(OrgEntityRecord).save({ code: '09', name: 'Secretaría Distrital de Salud' });
    const { tokens } = createSecurityServices(db.ds);
    keys.ADMIN = (await tokens.create({ role: Role.ADMIN, createdBy: 'test' })).secret;
    keys.OWN = (await tokens.create({ role: Role.ENTITY, entityCode: '02', createdBy: 'test' })).secret;
    keys.OTHER = (await tokens.create({ role: Role.ENTITY, entityCode: '09', createdBy: 'test' })).secret;
    keys.VIEWER = (await tokens.create({ role: Role.VIEWER, createdBy: 'test' })).secret;
    api = await startTestHttp(db, env, { ingestion: true });
    small = await startTestHttp(db, { ...env, UPLOAD_MAX_BYTES: String(2 * 1024) }, { ingestion: true });
  });
  afterAll(async () => {
    await api?.stop();
    await small?.stop();
    await db.drop();
    await fs.rm(dirs, { recursive: true, force: true });
  });

  it("accepts the responsible entity's report, with kind and rows, writing nothing", async () => {
    const before = await checksums(db);
    const res = await validate(keys.OWN, workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'REPORTE', rows: REPORTS.length, valid: true, errorCount: 0, issues: [] });
    expect(await checksums(db)).toEqual(before);
    expect(readdirSync(dirs)).toEqual([]); // no batch, no stored copy
  });

  it('lists each bad cell with sheet, row, column, value and a Spanish message', async () => {
    const bad = REPORTS.map((r, i) => (i === 2 ? { ...r, value: 'diez' } : i === 4 ? { ...r, period: 'S9' } : r));
    const res = await validate(keys.OWN, workbookOf(ImportKind.REPORTE, { Reporte: bad }));
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.errorCount).toBeGreaterThanOrEqual(2);
    const byRow = Object.fromEntries(res.body.issues.map((i: { row: number }) => [i.row, i]));
    expect(byRow[4]).toMatchObject({ severity: 'ERROR', sheet: 'Reporte', row: 4, value: 'diez' });
    expect(byRow[4].column).toMatch(/valor/i);
    expect(byRow[4].message).toMatch(/diez/);
    expect(byRow[6]).toMatchObject({ sheet: 'Reporte', row: 6, value: 'S9' });
    for (const i of res.body.issues) expect(i.message).toMatch(/[áéíóúñ]|fila|columna|valor/i);
  });

  it("refuses another entity's products before anything is sent (the entity check is part of the dry run)", async () => {
    const before = await checksums(db);
    const res = await validate(keys.OTHER, workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }));
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.issues.length).toBeGreaterThan(0);
    expect(res.body.issues.every((i: { sheet: string; row: number }) => i.sheet === 'Reporte' && i.row >= 2)).toBe(true);
    expect(res.body.issues[0].message).toMatch(/09|entidad/i);
    // the planning office may send it
    expect((await validate(keys.ADMIN, workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }))).body.valid).toBe(true);
    expect(await checksums(db)).toEqual(before);
  });

  it('has the same auth, size limit and Spanish refusals as POST /uploads', async () => {
    const ok = workbookOf(ImportKind.REPORTE, { Reporte: REPORTS });
    expect((await validate(null, ok)).status).toBe(401);
    const viewer = await validate(keys.VIEWER, ok);
    expect(viewer.status).toBe(403);
    expect(viewer.body).toEqual({ error: 'Este token no puede cargar archivos (solo ADMIN y ENTITY).', code: 'FORBIDDEN' });
    const png = await validate(keys.OWN, Buffer.from('\x89PNG\r\n\x1a\n0000000000000000'), 'foto.xlsx');
    expect(png.status).toBe(415);
    expect(png.body.error).toMatch(/no es un libro/);
    const big = await validate(keys.OWN, ok, 'r.xlsx', small);
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ error: 'El archivo supera el tamaño máximo de 2 KB.', code: 'PAYLOAD_TOO_LARGE' });
  });
});
