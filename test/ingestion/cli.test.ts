import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportKind } from '../../src/domain/enums';
import { run } from '../../ingestion/cli/rumbo.cli';
import { CliIo } from '../../ingestion/cli/cli.io';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { readBack, workbookOf } from '../../ingestion/test-support/workbook.builder';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The `rumbo` command's import, validate and template subcommands, as an operator runs them. */
describe('rumbo CLI', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-cli-'));
  const saved = { ...process.env };
  let out: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => out.push(s), progress: () => undefined };
  const file = async (name: string, bytes: Buffer) => {
    const p = path.join(dir, name);
    await fs.writeFile(p, bytes);
    return p;
  };

  beforeAll(async () => {
    db = await createTestDatabase('cli');
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      INBOX_DIR: path.join(dir, 'inbox'),
      STORAGE_DIR: path.join(dir, 'storage'),
      LOG_LEVEL: 'silent',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await db.drop();
  });
  beforeEach(() => {
    out = [];
  });

  it('writes blank templates', async () => {
    const target = path.join(dir, 'plantilla.xlsx');
    expect(await run(['template', 'reporte', '-o', target], io)).toBe(0);
    expect(readBack(await fs.readFile(target)).sheets.map((s) => s.name)).toEqual(['Instrucciones', 'Reporte', 'Entidades']);
    expect(await run(['template', 'presupuesto', '-o', target], io)).toBe(2);
  });

  it('validates without writing, then imports, and exits 1 with every error and an Errores workbook on rejection', async () => {
    const plan = await file('plan.xlsx', workbookOf(ImportKind.PLAN, planObjects()));
    expect(await run(['validate', plan], io)).toBe(0);
    expect(out.join('\n')).toMatch(/válido/);
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM policies'))[0].n)).toBe(0);

    expect(await run(['import', plan], io)).toBe(0);
    expect(out.join('\n')).toMatch(/importado/);
    const bad = await file(
      'malo.xlsx',
      workbookOf(ImportKind.REPORTE, {
        Reporte: [
          { ...REPORTS[0]!, value: -1 },
          { ...REPORTS[1]!, productCode: 'NO' },
        ],
      }),
    );
    out = [];
    expect(await run(['import', bad], io)).toBe(1);
    const text = out.join('\n');
    expect(text).toMatch(/rechazado/);
    expect(text).toMatch(/VALOR_NEGATIVO/);
    expect(text).toMatch(/PRODUCTO_INEXISTENTE/);
    const written = await fs.readFile(path.join(dir, 'malo.errores.xlsx'));
    expect(readBack(written).sheets.map((s) => s.name)).toContain('Errores');
    // Nothing kept without --conservar: the batch names neither the file nor an Errores workbook.
    const [batch] = (await db.ds.query(`SELECT storage_path, errors_path FROM import_batches WHERE file_name = 'malo.xlsx'`)) as {
      storage_path: string | null;
      errors_path: string | null;
    }[];
    expect(batch).toEqual({ storage_path: null, errors_path: null });
    out = [];
    expect(await run(['import', plan], io)).toBe(0);
    expect(out.join('\n')).toMatch(/duplicado/);
  });

  it('keeps no copy of an imported file unless asked with --conservar', async () => {
    const storage = path.join(dir, 'storage');
    const stored = async () => (await fs.readdir(storage).catch(() => [] as string[])).length;
    const before = await stored();
    const plan = await file('plan2.xlsx', workbookOf(ImportKind.PLAN, planObjects()));
    out = [];
    expect(await run(['validate', plan], io)).toBe(0);
    const bad = await file('malo2.xlsx', workbookOf(ImportKind.REPORTE, { Reporte: [{ ...REPORTS[0]!, value: -2 }] }));
    expect(await run(['import', bad], io)).toBe(1);
    expect(await stored()).toBe(before);
    const [last] = await db.ds.query('SELECT storage_path FROM import_batches ORDER BY id DESC LIMIT 1');
    expect(last.storage_path).toBeNull();

    out = [];
    expect(await run(['import', '--conservar', bad], io)).toBe(1);
    // The file and its Errores workbook, the same build that GET /batches/:id/errores.xlsx serves.
    expect(await stored()).toBe(before + 2);
    const [kept] = await db.ds.query('SELECT storage_path, errors_path FROM import_batches ORDER BY id DESC LIMIT 1');
    expect(path.dirname(kept.storage_path)).toBe(storage);
    const written = await fs.readFile(path.join(dir, 'malo2.errores.xlsx'));
    expect((await fs.readFile(kept.errors_path)).equals(written)).toBe(true);
  });

  it('answers usage errors with exit code 2', async () => {
    expect(await run(['import'], io)).toBe(2);
    expect(await run(['frobnicate'], io)).toBe(2);
  });
});
