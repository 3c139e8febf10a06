/**
 * Issue 14, item 3: a 60 000-row REPORTE with 4 errors a row (240 000 issues) is refused with its
 * errors, not with "error interno": the first N per code are stored and listed (Errores workbook and
 * GraphQL), and the totals per code and column say how many there were.
 */
import { promises as fs } from 'node:fs';
import { cellAsText } from '../../ingestion/cells/cell.reader';
import { processBatch } from '../../ingestion/import/import.pipeline';
import { ParseSandbox } from '../../ingestion/import/parse.sandbox';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { DEFAULT_READ_LIMITS } from '../../ingestion/xlsx/workbook.types';
import { readWorkbook } from '../../ingestion/xlsx/xlsx.adapter';
import { storeAndEnqueue } from '../../ingestion/worker/inbox.scanner';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportIssueRecord } from '../../src/entities';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

const ROWS = 60_000;
const CAP = 1000;

describe('a workbook with 240 000 errors', () => {
  let db: TestDatabase;
  let h: Harness;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const parser = new ParseSandbox({ maxMemoryMb: 1024 });
  beforeAll(async () => {
    db = await createTestDatabase('many_issues');
    h = createHarness(db);
    api = await createTestApi(db);
  });
  afterAll(async () => {
    await parser.close();
    await api.stop();
    await db.drop();
  });

  it('is refused with its errors: capped per code, with totals per code and column, in the batch, Errores and GraphQL', async () => {
    // Each row: no "Vigencia", a period that does not exist, an ambiguous number and an unknown policy.
    const rows = Array.from({ length: ROWS }, () => ({ policyCode: 'PP-NO', productCode: 'A', period: '2024-T9', value: '1.000' }));
    const bytes = workbookOf(ImportKind.REPORTE, { Reporte: rows });
    const id = await storeAndEnqueue(h.store, h.layout, bytes, 'muchos-errores.xlsx', 'test', null);
    const batch = (await h.store.claim('test'))!;
    expect(batch.id).toBe(id);
    const outcome = await processBatch(
      { ds: db.ds, store: h.store, parser, limits: { maxRows: 100_000 }, maxIssuesPerCode: CAP },
      batch,
      'test',
    );

    expect(outcome.status).toBe(ImportStatus.REJECTED);
    expect(outcome.issues.map((i) => i.code)).not.toContain('LIBRO_ILEGIBLE');
    expect(outcome.errorCount).toBe(4 * ROWS);
    expect(outcome.counts.rowsRejected).toBe(ROWS);
    const codes = ['VALOR_REQUERIDO', 'VALOR_NO_PERMITIDO', 'NUMERO_AMBIGUO', 'POLITICA_INEXISTENTE'];
    expect(outcome.issues).toHaveLength(4 * CAP);
    const stored = await db.ds.getRepository(ImportIssueRecord).countBy({ batchId: id });
    expect(stored).toBe(4 * CAP);

    const res = await api.query<{
      importBatch: {
        errorCount: number;
        issues: { totalCount: number; nodes: { code: string }[] };
        issueTotals: { code: string; sheet: string; column: string; severity: string; count: number }[];
      };
    }>(
      `{ importBatch(id: "${id}") { errorCount issues(first: 1000) { totalCount nodes { code } } issueTotals { code sheet column severity count } } }`,
    );
    expect(res.errors).toBeUndefined();
    const b = res.data!.importBatch;
    expect(b.errorCount).toBe(4 * ROWS);
    expect(b.issues.totalCount).toBe(4 * CAP);
    expect(b.issues.nodes).toHaveLength(Math.min(1000, 4 * CAP));
    expect(b.issueTotals.map((t) => t.code).sort()).toEqual([...codes].sort());
    expect(b.issueTotals.every((t) => t.count === ROWS && t.sheet === 'Reporte' && t.severity === 'ERROR')).toBe(true);
    expect(b.issueTotals.find((t) => t.code === 'NUMERO_AMBIGUO')!.column).toBe('Valor');

    // The Errores workbook lists the same issues and the totals.
    const read = readWorkbook(await fs.readFile(outcome.errorsPath!), { ...DEFAULT_READ_LIMITS, maxRows: 100_000 });
    if (!read.ok) throw new Error(read.failure.detail);
    const errores = read.workbook.sheets.find((s) => s.name === 'Errores')!;
    const text = errores.rows.map((r) => (r ?? []).map((c) => cellAsText(c)));
    const listed = text.slice(1).filter((r) => codes.includes(r[4] ?? '') && /^\d+$/.test(r[1] ?? ''));
    expect(listed).toHaveLength(4 * CAP);
    expect(text.some((r) => /Se listan arriba solo los primeros 1\.000 problemas de cada código/.test(r[0] ?? ''))).toBe(true);
    const totalRows = text.filter((r) => /^60\.000 \(de 60\.000 con este código; listados 1\.000\)$/.test(r[5] ?? ''));
    expect(totalRows.map((r) => r[4]).sort()).toEqual([...codes].sort());
  });
});
