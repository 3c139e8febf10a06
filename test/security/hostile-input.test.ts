import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportIssueSeverity, ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord, ImportIssueRecord } from '../../src/entities';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/server/logger';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { IssueCode } from '../../ingestion/issues/issue.types';
import { parseWorkbook } from '../../ingestion/parsing/workbook.parser';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { readBack, workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { scanInbox } from '../../ingestion/worker/inbox.scanner';
import { createHarness, Harness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

/** The corpus written by scripts/build-hostile-corpus.ts. */
const HOSTILE_DIR = path.join(__dirname, '..', 'fixtures', 'hostile');
const files = readdirSync(HOSTILE_DIR).filter((f) => f !== 'README.md');
const read = (file: string) => readFileSync(path.join(HOSTILE_DIR, file));

type StoredReport = {
  code: string;
  year: number;
  period: string;
  qualitative: string | null;
  difficulties: string | null;
  evidence: string | null;
  reportedBy: string | null;
  batchId: number;
};
type Expected = { status: ImportStatus; code?: IssueCode; message?: RegExp };
const rejected = (code: IssueCode, message?: RegExp): Expected => ({
  status: ImportStatus.REJECTED,
  code,
  ...(message ? { message } : {}),
});
const NOT_A_WORKBOOK = /no es un libro de Excel \(\.xlsx, \.xls\), de LibreOffice \(\.ods\) ni un CSV/;

/** What the worker must make of each file (IMPORTED ones are harmless: formulas kept as text). */
const EXPECTED: Record<string, Expected> = {
  'zip-bomb.xlsx': rejected('LIBRO_DEMASIADO_GRANDE', /descomprimido ocuparía 4000,0 MB; el máximo es 200,0 MB \(posible «bomba zip»\)/),
  'zip-bomb-lying-sizes.xlsx': rejected('LIBRO_ILEGIBLE', /se descomprime en más bytes de los que declara/),
  'zip-bomb-ratio.xlsx': rejected(
    'LIBRO_DEMASIADO_GRANDE',
    /se descomprime 1\d{3} veces su tamaño \(90,0 MB\); el máximo admitido es 200 veces/,
  ),
  'many-parts.xlsx': rejected('LIBRO_DEMASIADO_GRANDE', /tiene 1505 partes; el máximo es 1000/),
  'million-rows.xlsx': rejected('LIBRO_DEMASIADO_GRANDE', /una hoja del libro tiene 1000000 filas; el máximo es 200000/),
  'wide-row.xlsx': rejected('LIBRO_DEMASIADO_GRANDE', /tiene datos más allá de la columna 200/),
  'ods-repeat-bomb.ods': rejected('LIBRO_DEMASIADO_GRANDE', /leerlo necesitó más de 128 MB de memoria/),
  'renamed-png.xlsx': rejected('LIBRO_ILEGIBLE', NOT_A_WORKBOOK),
  'renamed-elf.xls': rejected('LIBRO_ILEGIBLE', NOT_A_WORKBOOK),
  'empty.xlsx': rejected('LIBRO_ILEGIBLE', /el archivo está vacío/),
  'truncated.xlsx': rejected('LIBRO_ILEGIBLE', /incompleto o dañado/),
  'proto-keys.xlsx': rejected('PRODUCTO_INEXISTENTE'),
  'formula-injection.xlsx': { status: ImportStatus.IMPORTED },
  'formula-injection.csv': { status: ImportStatus.IMPORTED },
  'long-strings.xlsx': rejected('TEXTO_DEMASIADO_LARGO', /el texto tiene 1048576 caracteres y el máximo es 4000/),
  'dates-extreme.xlsx': rejected('FECHA_INVALIDA', /«0001-01-01» no es una fecha válida/),
  'invalid-utf8.csv': rejected('LIBRO_ILEGIBLE', /no está codificado en UTF-8.*CSV UTF-8/),
  'utf16.csv': rejected('LIBRO_ILEGIBLE', /UTF-16/),
  'not-reporte.csv': rejected('LIBRO_NO_RECONOCIDO', /solo el reporte de avance puede enviarse como CSV/),
  'graphql-deep.graphql': rejected('LIBRO_ILEGIBLE', NOT_A_WORKBOOK),
  'graphql-aliases.graphql': rejected('LIBRO_ILEGIBLE', NOT_A_WORKBOOK),
};

function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => /polluted|^\d|^x$|^y$/.test(k))).toEqual([]);
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.keys(Array.prototype)).toEqual([]);
}

describe('hostile input', () => {
  let db: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    db = await createTestDatabase('hostile');
    h = createHarness(db);
    expect((await h.importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(ImportStatus.IMPORTED);
  });
  afterAll(() => db.drop());

  it('has an expectation for every file of the corpus, and the corpus stays small', () => {
    expect([...files].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(files.reduce((sum, f) => sum + read(f).length, 0)).toBeLessThan(5 * 1024 * 1024);
  });

  it('parses every file in the process (the ods bomb excepted: it needs the sandbox) without polluting prototypes', () => {
    const limits = loadConfig({}).importLimits;
    for (const file of files.filter((f) => !f.endsWith('.ods'))) {
      const parsed = parseWorkbook(read(file), { limits });
      const expected = EXPECTED[file]!;
      const errors = parsed.issues.filter((i) => i.severity === ImportIssueSeverity.ERROR).map((i) => i.code);
      if (parsed.kind === null)
        expect({ file, errors }).toEqual({ file, errors: [expected.code] }); // refused as a whole
      else if (expected.code !== 'PRODUCTO_INEXISTENTE' && expected.code)
        expect(errors).toContain(expected.code); // a cell
      else expect({ file, errors }).toEqual({ file, errors: [] }); // read fine: the database checks decide
    }
    expectPrototypesClean();
  });

  it('the real worker refuses or harmlessly imports each file with a clear message, with bounded memory, and goes on', async () => {
    const config = loadConfig({ IMPORT_PARSE_MAX_MEMORY_MB: '128' });
    const worker = new ImportWorker({
      ds: db.ds,
      logger: createLogger({ logLevel: 'silent' }),
      layout: h.layout,
      cron: '0 0 1 1 *',
      owner: 'hostile-worker',
      limits: config.importLimits,
      sandbox: config.parseSandbox,
    });
    const before = await h.checksums();
    for (const file of files) await fs.copyFile(path.join(HOSTILE_DIR, file), path.join(h.layout.inbox, file));
    const enqueued = await scanInbox(worker.store, h.layout, (file, err) => {
      throw new Error(`${file}: ${String(err)}`);
    });
    expect(enqueued).toHaveLength(files.length);
    // A valid workbook placed after all of them (other periods than the corpus's): the same worker, in the
    // same pass, must still import it.
    const validRows = [
      { policyCode: 'PP-EJ', productCode: 'C', year: 2024, period: 'ANUAL', value: 5 },
      { policyCode: 'PP-EJ', productCode: 'A', year: 2025, period: 'S1', value: 40 },
      { policyCode: 'PP-EJ', productCode: 'B', year: 2025, period: 'T1', value: 6 },
    ];
    await fs.writeFile(path.join(h.layout.inbox, 'zz-valido-despues.xlsx'), workbookOf(ImportKind.REPORTE, { Reporte: validRows }));

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let processed: number;
    try {
      processed = await worker.runOnce();
    } finally {
      clearInterval(sampler);
      await worker.stop();
    }
    expect(processed).toBe(files.length + 1);
    expect((peak - baseline) / 1024 / 1024).toBeLessThan(300);

    const batches = await db.ds.getRepository(ImportBatchRecord).find({ where: { uploader: 'inbox' }, order: { id: 'ASC' } });
    const last = batches[batches.length - 1]!;
    expect({ file: last.fileName, status: last.status }).toEqual({ file: 'zz-valido-despues.xlsx', status: ImportStatus.IMPORTED });
    for (const batch of batches.slice(0, -1)) {
      const expected = EXPECTED[batch.fileName]!;
      const issues = await db.ds.getRepository(ImportIssueRecord).findBy({ batchId: batch.id });
      const errors = issues.filter((i) => i.severity === ImportIssueSeverity.ERROR);
      expect({ file: batch.fileName, status: batch.status, attempts: batch.attempts }).toEqual({
        file: batch.fileName,
        status: expected.status,
        attempts: 1,
      });
      if (expected.code)
        expect({ file: batch.fileName, codes: errors.map((i) => i.code) }).toEqual({
          file: batch.fileName,
          codes: expect.arrayContaining([expected.code]),
        });
      if (expected.message) expect(errors.map((i) => i.message).join('\n')).toMatch(expected.message);
      for (const i of issues) {
        expect(i.message).toMatch(/^(Hoja|[A-ZÁÉÍÓÚ])[^\n]*[a-záéíóúñ]/); // a Spanish sentence, not a stack trace
        expect(i.message.length).toBeLessThan(2000);
        expect(i.message).not.toMatch(/Error:|at .*\.(js|ts):\d+/);
      }
      expect(path.dirname(batch.storagePath!)).toBe(h.layout.storage);
      // Rejected inbox files are filed with an Errores workbook next to them.
      if (batch.status === ImportStatus.REJECTED) {
        const stem = batch.fileName.replace(/\.[^.]*$/, '');
        const errores = await fs.readFile(path.join(h.layout.rejected, `${batch.id}-errores-${stem}.xlsx`));
        expect(readBack(errores).sheets.map((s) => s.name)).toContain('Errores');
      }
    }
    expectPrototypesClean();

    // The database holds only what the harmless files wrote: their reports, texts verbatim (never evaluated).
    const after = await h.checksums();
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    expect(changed.filter((t) => !['progress_reports', 'progress_report_changes'].includes(t))).toEqual([]);
    expect(
      Number((await db.ds.query(`SELECT COUNT(*) AS n FROM products WHERE code IN ('__proto__', 'constructor', 'prototype')`))[0].n),
    ).toBe(0);
    const stored = (await db.ds.query(
      `SELECT p.code, r.year, r.period, r.qualitative, r.difficulties, r.evidence, r.reported_by AS reportedBy, r.import_batch_id AS batchId
         FROM progress_reports r JOIN products p ON p.id = r.product_id`,
    )) as StoredReport[];
    expect(stored).toHaveLength(REPORTS.length + 6 + validRows.length);
    for (const batch of batches.filter((b) => b.status === ImportStatus.IMPORTED)) {
      const parsed = parseWorkbook(batch.fileName.startsWith('zz-') ? await fs.readFile(batch.storagePath!) : read(batch.fileName));
      if (parsed.kind !== ImportKind.REPORTE) throw new Error(`${batch.fileName} is not a REPORTE`);
      for (const r of parsed.data.reports) {
        const row = stored.find((x) => x.code === r.productCode && x.year === r.year && x.period === r.period);
        expect(row).toEqual({
          code: r.productCode,
          year: r.year,
          period: r.period,
          qualitative: r.qualitativeProgress,
          difficulties: r.difficulties,
          evidence: r.evidence,
          reportedBy: r.reportedBy,
          batchId: batch.id,
        });
      }
    }
    const texts = stored.flatMap((r) => [r.qualitative, r.evidence, r.reportedBy]);
    for (const payload of ["=cmd|' /C calc'!A0", '@SUM(1+1)', "+SUM(1+1)*cmd|' /C notepad'!A0", '=1+1']) expect(texts).toContain(payload);
    // The one real formula of the workbook was read from its cached text, not evaluated.
    expect(stored.find((r) => r.code === 'A' && r.year === 2024 && r.period === 'S1')!.evidence).toBe('clic');
  });

  it('refuses the corpus GraphQL queries with the limits’ codes', async () => {
    const admin = (await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, createdBy: 'test' })).secret;
    const api = await startTestHttp(db);
    const wide = await startTestHttp(db, { GRAPHQL_MAX_TOKENS: '100000' });
    try {
      const refusal = async (server: typeof api, file: string) => {
        const res = await server.gql(read(file).toString('utf8'), { token: admin });
        return {
          status: res.status,
          code: res.body.errors?.[0]?.extensions?.code,
          limit: res.body.errors?.[0]?.extensions?.limit,
          message: res.body.errors?.[0]?.message,
        };
      };
      expect(await refusal(api, 'graphql-deep.graphql')).toEqual({
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'MAX_DEPTH',
        message: 'Query depth limit of 12 exceeded, found 100.',
      });
      // 2 000 aliases are 6 000 tokens: the token limit stops the parser first; without it, the alias limit refuses it.
      expect(await refusal(api, 'graphql-aliases.graphql')).toMatchObject({
        status: 400,
        code: 'GRAPHQL_PARSE_FAILED',
        limit: 'MAX_TOKENS',
      });
      expect(await refusal(wide, 'graphql-aliases.graphql')).toEqual({
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'MAX_ALIASES',
        message: 'Aliases limit of 30 exceeded, found 2000.',
      });
    } finally {
      await api.stop();
      await wide.stop();
    }
  });
});
