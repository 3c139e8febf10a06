import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { OrgEntityRecord } from '../../src/entities';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { readBack } from '../../ingestion/test-support/workbook.builder';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { createHarness, Harness } from '../support/ingestion-harness';

const reporte = (rows = REPORTS) => workbookOf(ImportKind.REPORTE, { Reporte: rows });

describe('import pipeline against the database', () => {
  let db: TestDatabase;
  let h: Harness;
  let api: Awaited<ReturnType<typeof createTestApi>>;

  beforeAll(async () => {
    db = await createTestDatabase('import_pipeline');
    h = createHarness(db);
    api = await createTestApi(db);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('imports the worked-example plan and reports, and GraphQL reproduces calculation.md §8', async () => {
    const plan = await h.importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx');
    expect(plan.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(plan.status).toBe(ImportStatus.IMPORTED);
    expect(plan.counts.rowsInserted).toBeGreaterThan(0);
    const rep = await h.importBytes(reporte(), 'reporte.xlsx');
    expect(rep.status).toBe(ImportStatus.IMPORTED);
    expect(rep.counts.rowsInserted).toBe(6);

    const res = await api.query<{
      policy: {
        progress: {
          total: { toDate: { progress: number; ideal: number }; cumulative: { progress: number; ideal: number }; lights: unknown };
        };
      };
    }>(
      `{ policy(code: "PP-EJ") { progress(cut: "2024-06-30") { total { toDate { progress ideal } cumulative { progress ideal } lights { alto medio bajo notDue } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const total = res.data!.policy.progress.total;
    expect(total.toDate.progress).toBeCloseTo(0.6, 9);
    expect(total.toDate.ideal).toBeCloseTo(0.8, 9);
    expect(total.cumulative.progress).toBeCloseTo(0.2375, 9);
    expect(total.cumulative.ideal).toBeCloseTo(0.35, 9);
    expect(total.lights).toEqual({ alto: 2, medio: 1, bajo: 1, notDue: 1 });
  });

  it('recognises the same file imported twice and applies nothing', async () => {
    const before = await h.checksums();
    const again = await h.importBytes(reporte(), 'reporte-otra-vez.xlsx');
    expect(again.status).toBe(ImportStatus.DUPLICATE);
    expect(again.duplicateOf).toBeDefined();
    expect(await h.checksums()).toEqual(before);
  });

  it('re-importing the same content in another file changes nothing', async () => {
    const before = await h.checksums();
    const rows = [...REPORTS].reverse(); // other bytes, same content
    const res = await h.importBytes(reporte(rows), 'reporte-reordenado.xlsx');
    expect(res.status).toBe(ImportStatus.IMPORTED);
    expect(res.counts).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 6 });
    expect(await h.checksums()).toEqual(before);
  });

  it('keeps the old value in the history when a report changes, with a warning', async () => {
    const rows = REPORTS.map((r) => (r.productCode === 'A' ? { ...r, value: 80 } : r));
    const res = await h.importBytes(reporte(rows), 'reporte-corregido.xlsx');
    expect(res.status).toBe(ImportStatus.IMPORTED);
    expect(res.counts.rowsUpdated).toBe(1);
    expect(res.issues.map((i) => i.code)).toContain('VALOR_REPORTADO_CAMBIA');
    const hist = await api.query<{
      product: { reports: { period: string; value: number; history: { previousValue: number; newValue: number }[] }[] };
    }>(`{ product(policyCode: "PP-EJ", code: "A") { reports { period value history { previousValue newValue } } } }`);
    expect(hist.data!.product.reports[0]).toEqual({ period: 'S1', value: 80, history: [{ previousValue: 70, newValue: 80 }] });
  });

  it('a rejected workbook leaves every data table byte-for-byte as it was and lists every error', async () => {
    const before = await h.checksums();
    const bad = reporte([
      { policyCode: 'PP-EJ', productCode: 'A', year: 2024, period: 'S2', value: -3 },
      { policyCode: 'PP-EJ', productCode: 'ZZ', year: 2024, period: 'S1', value: 1 },
      { policyCode: 'PP-EJ', productCode: 'B', year: 2031, period: 'T1', value: 1 },
      { policyCode: 'PP-EJ', productCode: 'B', year: 2024, period: 'T3', value: 7 },
    ]);
    const res = await h.importBytes(bad, 'malo.xlsx');
    expect(res.status).toBe(ImportStatus.REJECTED);
    const codes = res.issues.filter((i) => i.severity === 'ERROR').map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['VALOR_NEGATIVO', 'PRODUCTO_INEXISTENTE', 'PERIODO_FUERA_DE_HORIZONTE']));
    for (const i of res.issues.filter((x) => x.severity === 'ERROR')) {
      expect(i.sheet).toBe('Reporte');
      expect(i.row).toBeGreaterThanOrEqual(2);
      expect(i.message).toMatch(/[a-záéíóúñ]/);
    }
    expect(res.counts.rowsRejected).toBe(3);
    expect(await h.checksums()).toEqual(before);
    // The returned workbook carries an Errores sheet listing them.
    const sheets = readBack(res.errorsWorkbook!).sheets.map((s) => s.name);
    expect(sheets).toContain('Errores');
    // And the batch is queryable with its errors.
    const q = await api.query<{
      importBatch: { status: string; errorCount: number; issues: { nodes: { code: string; row: number | null }[] } };
    }>(`query($id: ID!) { importBatch(id: $id) { status errorCount issues(filter: { severity: ERROR }) { nodes { code row } } } }`, {
      id: String(res.batchId),
    });
    expect(q.data!.importBatch.status).toBe('REJECTED');
    expect(q.data!.importBatch.errorCount).toBe(codes.length);
  });

  it('refuses a report from an entity that is not responsible or co-responsible, writing nothing', async () => {
    const other = await db.ds
      .getRepository(OrgEntityRecord)
      .save({ code: '99', name: 'Otra entidad', level: 'OTRO' as never, sectorId: null, acronym: null });
    const before = await h.checksums();
    const rows = REPORTS.map((r) => (r.productCode === 'B' && r.period === 'T2' ? { ...r, value: 12 } : r));
    const res = await h.importBytes(reporte(rows), 'ajeno.xlsx', { name: 'token-99', entityId: other.id });
    expect(res.status).toBe(ImportStatus.REJECTED);
    expect(res.issues.map((i) => i.code)).toContain('ENTIDAD_NO_RESPONSABLE');
    expect(await h.checksums()).toEqual(before);
    // The responsible entity itself (02) may send it.
    const own = await db.ds.getRepository(OrgEntityRecord).findOneByOrFail({ code: '02' });
    const ok = await h.importBytes(reporte(rows), 'propio.xlsx', { name: 'token-02', entityId: own.id });
    expect(ok.status).toBe(ImportStatus.IMPORTED);
  });

  it("an entity's upload may add entities but never changes existing ones", async () => {
    const own = await db.ds.getRepository(OrgEntityRecord).findOneByOrFail({ code: '02' });
    const bytes = workbookOf(ImportKind.REPORTE, {
      Reporte: REPORTS,
      Entidades: [
        { code: '02', name: 'Nombre cambiado por la entidad', sector: 'Otro sector', level: 'NACIONAL' },
        { code: '88', name: 'Entidad nueva', sector: 'Gobierno', level: 'DISTRITAL' },
      ],
    });
    const res = await h.importBytes(bytes, 'con-entidades.xlsx', { name: 'token-02', entityId: own.id });
    expect(res.status).toBe(ImportStatus.IMPORTED);
    const after = await db.ds.getRepository(OrgEntityRecord).findOneByOrFail({ code: '02' });
    expect({ name: after.name, sectorId: after.sectorId, level: after.level }).toEqual({
      name: own.name,
      sectorId: own.sectorId,
      level: own.level,
    });
    expect(await db.ds.getRepository(OrgEntityRecord).findOneBy({ code: '88' })).toMatchObject({ name: 'Entidad nueva' });
  });
});
