/**
 * The pre-filled REPORTE workbook (docs/reportar.md): downloaded over HTTP by an entity, opened with
 * ExcelJS (rows, locked cells, drop-downs, text format, frozen header, Instrucciones first), filled with
 * ExcelJS and imported through the real pipeline → IMPORTED with the new values; unanswered rows skipped.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportStatus } from '../../src/domain/enums';
import { OrgEntityRecord, ProgressReportRecord } from '../../src/entities';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { insertPolicyFixture, PolicyFixture } from '../support/fixtures';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

const HEADERS = [
  'Código política *',
  'Código producto *',
  'Nombre',
  'Vigencia *',
  'Periodo *',
  'Meta del periodo',
  'Valor *',
  'Avance cualitativo',
  'Dificultades',
  'Evidencia',
  'Reportado por',
];

describe('pre-filled REPORTE template', () => {
  let db: TestDatabase;
  let http: Awaited<ReturnType<typeof startTestHttp>>;
  let harness: Harness;
  let fixture: PolicyFixture;
  let e0: OrgEntityRecord;
  const tokens = {} as Record<'entity' | 'admin' | 'viewer', string>;

  const download = (query: string, token: string) =>
    fetch(`${http.base}/templates/reporte${query}`, { headers: { authorization: `Bearer ${token}` } });
  const workbookOf = async (res: Response) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    return wb;
  };

  beforeAll(async () => {
    db = await createTestDatabase('i11_prefill');
    fixture = await insertPolicyFixture(db.ds, 'PF', 6, 2024);
    e0 = (await db.ds.getRepository(OrgEntityRecord).findOneBy({ code: 'PF-E0' }))!;
    const p11 = fixture.products.find((p) => p.code === '1.1')!;
    await db.ds
      .getRepository(ProgressReportRecord)
      .update({ productId: p11.id, year: 2024, period: 'T2' }, { reviewStatus: 'RETURNED' as never, reviewComment: 'Falta la evidencia.' });
    const { tokens: service } = createSecurityServices(db.ds);
    tokens.entity = (await service.create({ role: Role.ENTITY, entityCode: 'PF-E0', createdBy: 'test' })).secret;
    tokens.admin = (await service.create({ role: Role.ADMIN, name: 'oficina', createdBy: 'test' })).secret;
    tokens.viewer = (await service.create({ role: Role.VIEWER, name: 'tablero', createdBy: 'test' })).secret;
    const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-i11-'));
    http = await startTestHttp(db, { STORAGE_DIR: path.join(dir, 'storage'), INBOX_DIR: path.join(dir, 'inbox') }, { ingestion: true });
    harness = createHarness(db);
  });
  afterAll(async () => {
    await http.stop();
    await db.drop();
  });

  it('has Instrucciones first, one locked row per due period not yet approved, drop-downs and text format', async () => {
    const res = await download('?prefill=1&fecha=2024-12-31', tokens.entity);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('reporte-PF-E0-2024-12-31.xlsx');
    const wb = await workbookOf(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instrucciones', 'Reporte']);
    const ws = wb.getWorksheet('Reporte')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.getCell('B1').note).toBeDefined();
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1, 7)));
    // 1.1: T2 returned, T3 and T4 missing; 1.4: T3, T4 missing (T1, T2 approved); result R1 2024 approved
    expect(rows).toEqual([
      ['PF', '1.1', 'Producto 1', 2024, 'T2', 10],
      ['PF', '1.1', 'Producto 1', 2024, 'T3', 10],
      ['PF', '1.1', 'Producto 1', 2024, 'T4', 10],
      ['PF', '1.4', 'Producto 4', 2024, 'T3', 10],
      ['PF', '1.4', 'Producto 4', 2024, 'T4', 10],
    ]);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    // a cell is locked unless it says otherwise (Excel's default)
    for (const addr of ['A2', 'B2', 'C2', 'F2'])
      expect({ addr, locked: ws.getCell(addr).protection?.locked ?? true }).toEqual({ addr, locked: true });
    for (const addr of ['D2', 'E2', 'G2', 'H2', 'K2'])
      expect({ addr, locked: ws.getCell(addr).protection?.locked }).toEqual({ addr, locked: false });
    expect(ws.getCell('B2').numFmt).toBe('@');
    expect(ws.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"T1,T2,T3,T4"'] });
    expect(ws.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"2024"'] });
    expect(ws.getCell('G2').value).toBeNull();
    expect(String(ws.getCell('G2').note)).toContain('Falta la evidencia.');
  });

  it('imports when filled: the values answered are stored, the rows left empty are skipped', async () => {
    const wb = await workbookOf(await download('?prefill=1&fecha=2024-12-31', tokens.entity));
    const ws = wb.getWorksheet('Reporte')!;
    ws.getCell('G2').value = 12; // 1.1 T2, corrected
    ws.getCell('H2').value = 'Con evidencia';
    ws.getCell('G4').value = 9.5; // 1.1 T4
    ws.getCell('G6').value = 0; // 1.4 T4
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const outcome = await harness.importBytes(bytes, 'reporte-prellenado.xlsx', { name: 'entity-PF-E0', entityId: e0.id });
    expect(outcome.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(outcome.status).toBe(ImportStatus.IMPORTED);
    const stored = (await db.ds.query(
      `SELECT p.code, r.period, r.value, r.qualitative, r.review_status AS status FROM progress_reports r JOIN products p ON p.id = r.product_id
        WHERE p.code IN ('1.1', '1.4') AND r.year = 2024 ORDER BY p.code, r.period`,
    )) as { code: string; period: string; value: number; qualitative: string | null; status: string }[];
    expect(stored.map((r) => [r.code, r.period, Number(r.value), r.qualitative])).toEqual([
      ['1.1', 'T1', 0, null],
      ['1.1', 'T2', 12, 'Con evidencia'],
      ['1.1', 'T4', 9.5, null],
      ['1.4', 'T1', 3, null],
      ['1.4', 'T2', 6, null],
      ['1.4', 'T4', 0, null],
    ]);
  });

  it('an unanswered pre-filled workbook is rejected as empty, nothing written', async () => {
    const before = await harness.checksums();
    const bytes = Buffer.from(await (await download('?prefill=1&fecha=2024-12-31', tokens.entity)).arrayBuffer());
    const outcome = await harness.importBytes(bytes, 'vacio.xlsx', { name: 'entity-PF-E0', entityId: e0.id });
    expect(outcome.status).toBe(ImportStatus.REJECTED);
    expect(outcome.issues.map((i) => i.code)).toContain('HOJA_SIN_DATOS');
    expect(await harness.checksums()).toEqual(before);
  });

  it('serves ADMIN any entity with ?entidad= and refuses the others in Spanish', async () => {
    const admin = await download('?prefill=1&entidad=PF-E1&fecha=2024-12-31', tokens.admin);
    expect(admin.status).toBe(200);
    const rows: unknown[] = [];
    (await workbookOf(admin)).getWorksheet('Reporte')!.eachRow((row, n) => n > 1 && rows.push(row.getCell(2).value));
    // PF-E1 is responsible for 2.2 and 2.5: T3 and T4 of 2024 are missing
    expect(rows).toEqual(['2.2', '2.2', '2.5', '2.5']);
    const noEntity = await download('?prefill=1', tokens.admin);
    expect(noEntity.status).toBe(400);
    expect(await noEntity.text()).toContain('?entidad=');
    const other = await download('?prefill=1&entidad=PF-E1', tokens.entity);
    expect(other.status).toBe(403);
    expect(await other.text()).toContain('su propia entidad');
    expect((await download('?prefill=1', tokens.viewer)).status).toBe(403);
    expect((await download('', tokens.viewer)).status).toBe(200);
  });
});
