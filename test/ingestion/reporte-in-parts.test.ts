/**
 * A REPORTE imported in parts while it is read (ingestion/import/reporte-parts.import.ts) against the same
 * REPORTE read whole first: two databases with the same stored data get the same files in the same order,
 * and must end with the same outcomes (status, issues, totals, counts, Errores workbook) and the same data.
 */
import { createHash } from 'node:crypto';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { BatchOutcome } from '../../ingestion/import/import.pipeline';
import { inProcessParser, WorkbookParser } from '../../ingestion/import/parse.sandbox';
import { readBack, RowObject, workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ENTIDADES_SHEET } from '../../ingestion/templates/shared.columns';
import { REPORTE_PART_ROWS } from '../../ingestion/parsing/reporte-stream.parser';
import { insertPolicyFixture } from '../support/fixtures';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const PRODUCTS = 800;
const code = (i: number) => `${(i % 3) + 1}.${i + 1}`;

/** One row per product and quarter of 2024–2025: 6 400 rows, two parts. */
function reportRows(value: (i: number, q: number, year: number) => unknown = (i, q) => 8 + ((i + q) % 5)): RowObject[] {
  const rows: RowObject[] = [];
  for (let i = 0; i < PRODUCTS; i++)
    for (const year of [2024, 2025])
      for (let q = 1; q <= 4; q++)
        rows.push({
          policyCode: 'PQ',
          productCode: code(i),
          year,
          period: `T${q}`,
          value: value(i, q, year) as never,
          qualitativeProgress: `avance ${i}`,
        });
  return rows;
}

/** A REPORTE workbook; `entities` (code, name, acronym, sector, level) make its Entidades sheet, after Reporte as in the template. */
const reporte = (rows: RowObject[], entities?: unknown[][]) =>
  workbookOf(ImportKind.REPORTE, {
    Reporte: rows,
    ...(entities
      ? { Entidades: entities.map((e) => Object.fromEntries(ENTIDADES_SHEET.columns.map((c, k) => [c.key, (e[k] ?? null) as never]))) }
      : {}),
  });

const WRITTEN = ['sectors', 'entities', 'progress_reports', 'result_reports', 'policy_data_versions'];

/**
 * What a REPORTE may write, every column but the clock's (the two databases run at different instants) and
 * the reports' ids (InnoDB leaves other gaps in auto-increment ids when rows are inserted in other batches).
 */
async function written(db: TestDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of WRITTEN) {
    const columns = (
      (await db.ds.query(
        `SELECT column_name AS c FROM information_schema.columns
          WHERE table_schema = DATABASE() AND table_name = ? AND data_type NOT IN ('datetime', 'timestamp') ORDER BY ordinal_position`,
        [table],
      )) as { c: string }[]
    )
      .map((x) => `\`${x.c}\``)
      .filter((c) => !(table.endsWith('_reports') && c === '`id`'));
    out[table] = (await db.ds.query(`SELECT ${columns.join(', ')} FROM \`${table}\` ORDER BY ${columns.join(', ')}`)) as unknown[];
  }
  out.progress_report_changes = (await db.ds.query(
    `SELECT r.product_id, r.year, r.period, c.previous_value, c.new_value, c.import_batch_id
       FROM progress_report_changes c INNER JOIN progress_reports r ON r.id = c.report_id ORDER BY 1, 2, 3, 4, 5, 6`,
  )) as unknown[];
  return out;
}

/** What both ways must agree on (ids, paths and timings aside). */
function comparable(o: BatchOutcome) {
  const errores = o.errorsWorkbook ? readBack(o.errorsWorkbook).sheets.find((s) => s.name === 'Errores')?.rows : undefined;
  return {
    status: o.status,
    kind: o.kind,
    issues: o.issues,
    totals: o.totals,
    errorCount: o.errorCount,
    warningCount: o.warningCount,
    counts: o.counts,
    errores,
  };
}

describe('a REPORTE imported in parts gives what the whole reading gives', () => {
  let parts: TestDatabase;
  let whole: TestDatabase;
  let hp: Harness;
  let hw: Harness;
  let partsSeen = 0;
  let counting: WorkbookParser;
  let readWhole: WorkbookParser;

  beforeAll(async () => {
    parts = await createTestDatabase('reporte_parts');
    whole = await createTestDatabase('reporte_whole');
    for (const db of [parts, whole]) await insertPolicyFixture(db.ds, 'PQ', PRODUCTS);
    counting = {
      ...inProcessParser,
      parseInParts: (bytes, limits, onPart) =>
        inProcessParser.parseInParts!(bytes, limits, (part) => {
          partsSeen++;
          return onPart(part);
        }),
    };
    readWhole = { parse: inProcessParser.parse, errorsWorkbook: inProcessParser.errorsWorkbook };
    hp = createHarness(parts, { parser: counting });
    hw = createHarness(whole, { parser: readWhole });
  }, 120_000);
  afterAll(async () => {
    await parts.drop();
    await whole.drop();
  });

  async function both(bytes: Buffer, uploader?: { name: string; entityId: number | null }) {
    partsSeen = 0;
    const a = await hp.importBytes(bytes, 'reporte.xlsx', uploader);
    const seen = partsSeen;
    const b = await hw.importBytes(bytes, 'reporte.xlsx', uploader);
    expect(comparable(a)).toEqual(comparable(b));
    expect(await written(parts)).toEqual(await written(whole));
    return { outcome: a, parts: seen };
  }

  it('an accepted REPORTE of two parts: values changed (history), new reports, a result, a new entity', async () => {
    const rows = reportRows();
    rows.push({ policyCode: 'PQ', productCode: 'R1', year: 2024, period: 'ANUAL', value: 15 });
    const { outcome, parts: n } = await both(reporte(rows, [['NUEVA', 'Entidad nueva', null, 'Salud', null]]));
    expect(outcome.status).toBe(ImportStatus.IMPORTED);
    expect(n).toBe(Math.ceil(rows.length / REPORTE_PART_ROWS)); // 2
    expect(outcome.counts.rowsInserted).toBeGreaterThan(4000);
    expect(outcome.counts.rowsUpdated).toBeGreaterThan(0);
    expect(outcome.warningCount).toBeGreaterThan(0); // VALOR_REPORTADO_CAMBIA
  }, 120_000);

  it('the same file again is a DUPLICATE and writes nothing', async () => {
    const rows = reportRows();
    rows.push({ policyCode: 'PQ', productCode: 'R1', year: 2024, period: 'ANUAL', value: 15 });
    const before = await hp.checksums();
    const { outcome } = await both(reporte(rows, [['NUEVA', 'Entidad nueva', null, 'Salud', null]]));
    expect(outcome.status).toBe(ImportStatus.DUPLICATE);
    expect(await hp.checksums()).toEqual(before);
  }, 120_000);

  it('errors in the last part only, a report repeated across parts and a rejected row: REJECTED, nothing written', async () => {
    const rows = reportRows((i, q, year) => (i === 750 && q === 2 && year === 2025 ? 'mucho' : i === 600 && q === 1 ? null : 20 + q));
    rows.push({ ...rows[3]!, qualitativeProgress: 'repetido' });
    rows.push({ policyCode: 'PQ', productCode: 'NO-EXISTE', year: 2024, period: 'T1', value: 1 });
    rows.push({ policyCode: 'OTRA', productCode: '1.1', year: 2024, period: 'T1', value: 1 });
    rows.push({ policyCode: 'PQ', productCode: code(5), year: 2024, period: 'T1', value: 4000 }); // 100 times the goal: ESCALA_MEZCLADA
    const before = await hp.checksums();
    const { outcome } = await both(reporte(rows));
    expect(outcome.status).toBe(ImportStatus.REJECTED);
    expect(outcome.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['FILA_DUPLICADA', 'PRODUCTO_INEXISTENTE', 'POLITICA_INEXISTENTE']),
    );
    expect(await hp.checksums()).toEqual(before);
  }, 120_000);

  it('an error found only at the end (an entity repeated in Entidades) rolls back every part written', async () => {
    const rows = reportRows((_i, q) => 30 + q);
    const before = await hp.checksums();
    const { outcome } = await both(
      reporte(rows, [
        ['OTRA-E', 'Otra entidad', null, 'Salud', null],
        ['OTRA-E', 'Otra entidad, repetida', null, 'Salud', null],
      ]),
    );
    expect(outcome.status).toBe(ImportStatus.REJECTED);
    expect(outcome.issues.filter((i) => i.severity === 'ERROR').map((i) => [i.code, i.sheet])).toEqual([['FILA_DUPLICADA', 'Entidades']]);
    expect(await hp.checksums()).toEqual(before);
  }, 120_000);

  it('an entity that is not responsible for every product, and a closed period', async () => {
    for (const db of [parts, whole]) {
      await db.ds.query(
        `INSERT INTO closed_periods (policy_id, year, period, closed_by) SELECT id, 2024, 'T1', 'oficina' FROM policies WHERE code = 'PQ'`,
      );
    }
    const [entity] = (await parts.ds.query(`SELECT id FROM entities WHERE code = 'PQ-E1'`)) as { id: number }[];
    const rows = reportRows((_i, q) => 40 + q);
    const { outcome } = await both(reporte(rows), { name: 'entidad', entityId: Number(entity!.id) });
    expect(outcome.status).toBe(ImportStatus.REJECTED);
    expect(outcome.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['ENTIDAD_NO_RESPONSABLE', 'PERIODO_CERRADO']));
  }, 120_000);

  it('headers only, or without the Reporte sheet’s required column: the same refusal', async () => {
    await both(workbookOf(ImportKind.REPORTE, { Reporte: [] }));
    const noValue = reportRows()
      .slice(0, 10)
      .map(({ value: _v, ...r }) => r);
    await both(workbookOf(ImportKind.REPORTE, { Reporte: noValue }));
  }, 120_000);

  it('thousands of errors of several codes over every part, with a cap of 3 per code: the same listed issues, totals and counts', async () => {
    const cap = 3;
    const a = createHarness(parts, { parser: counting, maxIssuesPerCode: cap });
    const b = createHarness(whole, { parser: readWhole, maxIssuesPerCode: cap });
    const rows = reportRows((i, q) => (i % 3 === 0 ? 'mucho' : i % 7 === 0 ? null : 20 + q));
    for (let i = 0; i < 300; i++) rows.push({ policyCode: 'PQ', productCode: `NO-${i}`, year: 2025, period: 'T2', value: 1 });
    rows.push({ ...rows[5]!, qualitativeProgress: 'repetido' });
    partsSeen = 0;
    const x = await a.importBytes(reporte(rows), 'muchos-errores.xlsx');
    expect(partsSeen).toBeGreaterThan(1);
    const y = await b.importBytes(reporte(rows), 'muchos-errores.xlsx');
    expect(x.status).toBe(ImportStatus.REJECTED);
    expect(comparable(x)).toEqual(comparable(y));
    expect(x.errorCount).toBeGreaterThan(2000);
    // several codes were cut to the cap, their totals still count every one
    const listed = new Map<string, number>();
    for (const i of x.issues) listed.set(i.code, (listed.get(i.code) ?? 0) + 1);
    const cut = x.totals.filter((t) => t.count > cap);
    expect(new Set(cut.map((t) => t.code)).size).toBeGreaterThanOrEqual(3);
    for (const t of cut) expect(listed.get(t.code)).toBe(cap);
  }, 120_000);

  it('the import’s connection lost while a part is written: the batch fails, nothing is written, the next try imports it', async () => {
    // 2024 T1 is closed by an earlier test: 5 600 rows, two parts
    const rows = reportRows((i, q) => 30 + ((i * q) % 7)).filter((r) => !(r.year === 2024 && r.period === 'T1'));
    const bytes = reporte(rows);
    const lock = `rumbo:${createHash('sha256').update(bytes).digest('hex').slice(0, 48)}`;
    let seen = 0;
    const killing: WorkbookParser = {
      ...inProcessParser,
      parseInParts: (b, limits, onPart) =>
        inProcessParser.parseInParts!(b, limits, async (part) => {
          await onPart(part); // the first part's write is still running when the second comes
          if (++seen !== 1) return;
          const [{ id }] = (await parts.ds.query('SELECT IS_USED_LOCK(?) AS id', [lock])) as [{ id: number | null }];
          if (id !== null) await parts.ds.query(`KILL CONNECTION ${Number(id)}`);
        }),
    };
    const before = await hp.checksums();
    // the database's failure, not the file's: no LIBRO_ILEGIBLE, the error reaches the worker (which retries the batch)
    await expect(createHarness(parts, { parser: killing }).importBytes(bytes, 'reporte.xlsx')).rejects.toThrow(
      /closed|lost|killed|terminated|ECONNRESET/i,
    );
    expect(seen).toBeGreaterThanOrEqual(1);
    expect(await hp.checksums()).toEqual(before);
    // (last test: the batch ids of the two databases differ from here on)
    const again = await createHarness(parts).importBytes(bytes, 'reporte.xlsx');
    expect(again.status).toBe(ImportStatus.IMPORTED);
    expect(again.counts.rowsInserted + again.counts.rowsUpdated + again.counts.rowsUnchanged).toBe(rows.length);
  }, 120_000);
});
