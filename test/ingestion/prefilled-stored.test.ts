/**
 * The PLAN and INSTANCIA workbooks filled with what is stored (docs/reportar.md#plan-e-instancia-diligenciados):
 * a sample imported, downloaded over HTTP, re-imported unchanged through the real pipeline → nothing
 * written (every row unchanged, every data table's checksum equal); one goal (one attendance) changed
 * with ExcelJS → exactly that row updated. Access: ADMIN any, ENTITY its own, VIEWER refused, 404 unknown.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportStatus } from '../../src/domain/enums';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

const SAMPLES = path.join(__dirname, '../../ingestion/samples');

describe('PLAN and INSTANCIA filled with what is stored', () => {
  let db: TestDatabase;
  let http: Awaited<ReturnType<typeof startTestHttp>>;
  let harness: Harness;
  let policyCode: string;
  let instanceCode: string;
  const tokens = {} as Record<'admin' | 'viewer' | 'lead' | 'stranger' | 'secretariat', string>;

  const download = (kind: 'plan' | 'instancia', query: string, token: string) =>
    fetch(`${http.base}/templates/${kind}${query}`, { headers: { authorization: `Bearer ${token}` } });
  const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
  const workbookOf = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    return wb;
  };

  beforeAll(async () => {
    db = await createTestDatabase('i11_prefill_stored');
    harness = createHarness(db);
    for (const file of ['01-plan-cartagena.xlsx', '04-instancia-bogota-trata-2020.xlsx']) {
      const outcome = await harness.importBytes(readFileSync(path.join(SAMPLES, file)), file);
      expect({ file, status: outcome.status }).toEqual({ file, status: ImportStatus.IMPORTED });
    }
    const [policy] = (await db.ds.query(
      'SELECT p.code, e.code AS lead FROM policies p LEFT JOIN entities e ON e.id = p.lead_entity_id',
    )) as { code: string; lead: string | null }[];
    const [instance] = (await db.ds.query(
      'SELECT i.code, e.code AS secretariat FROM instances i LEFT JOIN entities e ON e.id = i.technical_secretariat_id',
    )) as { code: string; secretariat: string | null }[];
    policyCode = policy.code;
    instanceCode = instance.code;
    const [stranger] = (await db.ds.query(
      `SELECT code FROM entities WHERE id NOT IN (SELECT responsible_entity_id FROM products)
          AND id NOT IN (SELECT entity_id FROM product_co_responsibles) AND id NOT IN (SELECT COALESCE(lead_entity_id, 0) FROM policies)
          AND id NOT IN (SELECT COALESCE(technical_secretariat_id, 0) FROM instances) ORDER BY code LIMIT 1`,
    )) as { code: string }[];
    const { tokens: service } = createSecurityServices(db.ds);
    tokens.admin = (await service.create({ role: Role.ADMIN, name: 'oficina', createdBy: 'test' })).secret;
    tokens.viewer = (await service.create({ role: Role.VIEWER, name: 'tablero', createdBy: 'test' })).secret;
    const [responsible] = (await db.ds.query(
      'SELECT e.code FROM products x JOIN entities e ON e.id = x.responsible_entity_id ORDER BY x.id LIMIT 1',
    )) as { code: string }[];
    tokens.lead = (await service.create({ role: Role.ENTITY, entityCode: policy.lead ?? responsible.code, createdBy: 'test' })).secret;
    tokens.stranger = (await service.create({ role: Role.ENTITY, entityCode: stranger.code, createdBy: 'test' })).secret;
    tokens.secretariat = (await service.create({ role: Role.ENTITY, entityCode: instance.secretariat!, createdBy: 'test' })).secret;
    const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-i11-stored-'));
    http = await startTestHttp(db, { STORAGE_DIR: path.join(dir, 'storage'), INBOX_DIR: path.join(dir, 'inbox') }, { ingestion: true });
  });
  afterAll(async () => {
    await http?.stop();
    await db.drop();
  });

  it('PLAN: same sheets and styling as the blank template, filled with the stored policy', async () => {
    const res = await download('plan', `?politica=${encodeURIComponent(policyCode)}`, tokens.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`plan-${policyCode}.xlsx`);
    const wb = await workbookOf(await bytesOf(res));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Instrucciones',
      'Politica',
      'Entidades',
      'Objetivos',
      'Resultados',
      'Productos',
      'Metas',
    ]);
    const productos = wb.getWorksheet('Productos')!;
    expect(productos.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(productos.getCell('A1').value).toBe('Código producto *');
    expect(productos.getCell('A2').numFmt).toBe('@');
    const stored = (await db.ds.query('SELECT code FROM products ORDER BY id')) as { code: string }[];
    const listed: unknown[] = [];
    productos.eachRow((row, n) => n > 1 && row.getCell(1).value !== null && listed.push(row.getCell(1).value));
    expect(listed).toEqual(stored.map((p) => p.code));
    const periodicity = productos.getRow(1).values as unknown[];
    const col = periodicity.indexOf('Periodicidad *');
    expect(productos.getCell(2, col).dataValidation).toMatchObject({ type: 'list' });
    expect(wb.getWorksheet('Politica')!.getCell('A2').value).toBe(policyCode);
  });

  it('PLAN: re-sent unchanged writes nothing; one goal changed updates exactly that row', async () => {
    const bytes = await bytesOf(await download('plan', `?politica=${encodeURIComponent(policyCode)}`, tokens.admin));
    const before = await harness.checksums();
    const again = await harness.importBytes(bytes, 'plan-diligenciado.xlsx');
    expect(again.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(again.status).toBe(ImportStatus.IMPORTED);
    expect(again.counts).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsRejected: 0 });
    expect(again.counts.rowsUnchanged).toBeGreaterThan(0);
    expect(await harness.checksums()).toEqual(before);

    const wb = await workbookOf(bytes);
    // a goal of a product that is not SUMA: its final goal is not the sum of its goals, so no quality flag moves with it
    const productos = wb.getWorksheet('Productos')!;
    const typeCol = (productos.getRow(1).values as unknown[]).indexOf('Tipo de anualización *');
    const notSuma = new Set<string>();
    productos.eachRow((row, n) => n > 1 && row.getCell(typeCol).value !== 'SUMA' && notSuma.add(String(row.getCell(1).value)));
    const metas = wb.getWorksheet('Metas')!;
    let r = 2;
    while (!notSuma.has(String(metas.getCell(r, 1).value))) r++;
    const code = String(metas.getCell(r, 1).value);
    const year = Number(metas.getCell(r, 2).value);
    const period = metas.getCell(r, 3).value === null ? '' : String(metas.getCell(r, 3).value);
    const newValue = Number(metas.getCell(r, 4).value) + 7;
    metas.getCell(r, 4).value = newValue;
    const edited = await harness.importBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'plan-corregido.xlsx');
    expect(edited.status).toBe(ImportStatus.IMPORTED);
    const after = await harness.checksums();
    const differing = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(edited.counts).toMatchObject({ rowsInserted: 0, rowsUpdated: 1 });
    expect(differing).toEqual(['goals']);
    const [goal] = (await db.ds.query(
      `SELECT g.value FROM goals g JOIN products x ON x.id = g.product_id JOIN policies p ON p.id = x.policy_id
        WHERE p.code = ? AND x.code = ? AND g.year = ? AND g.period = ?`,
      [policyCode, code, year, period],
    )) as { value: number }[];
    expect(Number(goal.value)).toBe(newValue);
  });

  it('INSTANCIA: re-sent unchanged writes nothing; one attendance changed updates exactly that row', async () => {
    const res = await download('instancia', `?instancia=${encodeURIComponent(instanceCode)}`, tokens.secretariat);
    expect(res.status).toBe(200);
    const bytes = await bytesOf(res);
    const wb = await workbookOf(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Instrucciones',
      'Instancia',
      'Entidades',
      'Integrantes',
      'Sesiones',
      'Asistencia',
      'Programacion',
      'Compromisos',
      'Retroalimentacion',
      'Funciones',
    ]);
    const [{ n: attendances }] = (await db.ds.query('SELECT COUNT(*) AS n FROM attendances')) as { n: number }[];
    let listed = 0;
    wb.getWorksheet('Asistencia')!.eachRow((row, n) => n > 1 && row.getCell(1).value !== null && listed++);
    expect(listed).toBe(Number(attendances));

    const before = await harness.checksums();
    const again = await harness.importBytes(bytes, 'instancia-diligenciada.xlsx');
    expect(again.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(again.status).toBe(ImportStatus.IMPORTED);
    expect(again.counts).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsRejected: 0 });
    expect(await harness.checksums()).toEqual(before);

    const ws = wb.getWorksheet('Asistencia')!;
    const headers = ws.getRow(1).values as unknown[];
    const obs = headers.indexOf('Observaciones');
    ws.getCell(2, obs).value = 'Llegó tarde';
    const edited = await harness.importBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'instancia-corregida.xlsx');
    expect(edited.status).toBe(ImportStatus.IMPORTED);
    expect(edited.counts).toMatchObject({ rowsInserted: 0, rowsUpdated: 1 });
    const after = await harness.checksums();
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual(['attendances']);
  });

  it('serves ADMIN any, ENTITY its own, and refuses the others in Spanish', async () => {
    const plan = `?politica=${encodeURIComponent(policyCode)}`;
    const inst = `?instancia=${encodeURIComponent(instanceCode)}`;
    expect((await download('plan', plan, tokens.lead)).status).toBe(200);
    expect((await download('instancia', inst, tokens.admin)).status).toBe(200);
    const stranger = await download('plan', plan, tokens.stranger);
    expect(stranger.status).toBe(403);
    expect(await stranger.text()).toContain('Solo puede descargar el plan');
    const strangerInst = await download('instancia', inst, tokens.stranger);
    expect(strangerInst.status).toBe(403);
    expect(await strangerInst.text()).toContain('secretaría técnica');
    expect((await download('plan', plan, tokens.viewer)).status).toBe(403);
    expect((await download('instancia', inst, tokens.viewer)).status).toBe(403);
    const unknown = await download('plan', '?politica=NO-EXISTE', tokens.admin);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('No existe la política «NO-EXISTE»');
    expect((await download('instancia', '?instancia=NO-EXISTE', tokens.admin)).status).toBe(404);
    expect((await download('plan', '', tokens.viewer)).status).toBe(200); // the blank template stays open to any key
  });
});

describe('every sample plan and instance comes back unchanged', () => {
  let db: TestDatabase;
  let http: Awaited<ReturnType<typeof startTestHttp>>;
  let harness: Harness;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase('i11_prefill_stored_all');
    harness = createHarness(db);
    for (const file of readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()) {
      const outcome = await harness.importBytes(readFileSync(path.join(SAMPLES, file)), file);
      expect({ file, status: outcome.status }).toEqual({ file, status: ImportStatus.IMPORTED });
    }
    admin = (await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, name: 'oficina', createdBy: 'test' })).secret;
    const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-i11-stored-all-'));
    http = await startTestHttp(db, { STORAGE_DIR: path.join(dir, 'storage'), INBOX_DIR: path.join(dir, 'inbox') }, { ingestion: true });
  });
  afterAll(async () => {
    await http?.stop();
    await db.drop();
  });

  it('re-sends each stored policy and instance: 0 rows new or updated, every data table unchanged', async () => {
    const policies = (await db.ds.query('SELECT code FROM policies ORDER BY code')) as { code: string }[];
    const instances = (await db.ds.query('SELECT code FROM instances ORDER BY code')) as { code: string }[];
    expect(policies.length).toBeGreaterThanOrEqual(2);
    expect(instances.length).toBeGreaterThanOrEqual(3);
    const wanted = [
      ...policies.map((p) => ['plan', `?politica=${encodeURIComponent(p.code)}`, p.code] as const),
      ...instances.map((i) => ['instancia', `?instancia=${encodeURIComponent(i.code)}`, i.code] as const),
    ];
    for (const [kind, query, code] of wanted) {
      const res = await fetch(`${http.base}/templates/${kind}${query}`, { headers: { authorization: `Bearer ${admin}` } });
      expect({ code, status: res.status }).toEqual({ code, status: 200 });
      const before = await harness.checksums();
      const outcome = await harness.importBytes(Buffer.from(await res.arrayBuffer()), `${kind}-${code}.xlsx`);
      expect({ code, status: outcome.status, errors: outcome.issues.filter((i) => i.severity === 'ERROR') }).toEqual({
        code,
        status: ImportStatus.IMPORTED,
        errors: [],
      });
      expect({ code, ...outcome.counts }).toMatchObject({ code, rowsInserted: 0, rowsUpdated: 0 });
      expect({ code, checksums: await harness.checksums() }).toEqual({ code, checksums: before });
    }
  });
});
