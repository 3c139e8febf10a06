import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportIssueSeverity, ImportKind } from '../../src/domain/enums';
import { Issue } from '../issues/issue.types';
import { parseWorkbook } from '../parsing/workbook.parser';
import { planObjects } from '../test-support/plan.fixture';
import { ReporteChunk } from '../model/reporte.types';
import { REPORTE_PART_ROWS } from '../parsing/reporte-stream.parser';
import { REPORTE_SHEET } from '../templates/reporte.template';
import { buildWorkbook, headerRow, readBack, Rows, workbookOf } from '../test-support/workbook.builder';
import { inProcessParser, ParseSandbox } from './parse.sandbox';

/** A 1 KB .ods whose one cell repeats 16 384 × 1 000 000 times (scripts/build-hostile-corpus.ts). */
const ODS_BOMB = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'hostile', 'ods-repeat-bomb.ods'));

describe('parse sandbox (worker thread with memory and time limits)', () => {
  const plan = workbookOf(ImportKind.PLAN, planObjects());
  const sandboxes: ParseSandbox[] = [];
  const sandbox = (options: ConstructorParameters<typeof ParseSandbox>[0] = {}) => {
    const s = new ParseSandbox(options);
    sandboxes.push(s);
    return s;
  };
  afterAll(() => Promise.all(sandboxes.map((s) => s.close())));

  it('gives exactly what parsing in the process gives (the parsed workbook survives structured cloning)', async () => {
    const s = sandbox();
    expect(await s.parse(plan)).toEqual(parseWorkbook(plan));
    expect(await s.parse(plan, { maxRows: 3 })).toEqual(await inProcessParser.parse(plan, { maxRows: 3 }));
  });

  it('writes the Errores workbook in the thread', async () => {
    const issue: Issue = {
      severity: ImportIssueSeverity.ERROR,
      code: 'VALOR_REQUERIDO',
      sheet: 'Metas',
      row: 2,
      column: 'Meta',
      value: null,
      message: 'Hoja «Metas», fila 2, columna «Meta»: prueba',
    };
    const out = await sandbox().errorsWorkbook(plan, [issue]);
    expect(Buffer.isBuffer(out)).toBe(true);
    expect(readBack(out!).sheets.map((x) => x.name)).toContain('Errores');
  });

  it('refuses a file that exhausts the memory limit, and the next file is parsed by a fresh thread', async () => {
    const s = sandbox({ maxMemoryMb: 96 });
    const refused = await s.parse(ODS_BOMB);
    expect(refused.kind).toBeNull();
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'LIBRO_DEMASIADO_GRANDE',
        message:
          'El libro es demasiado grande o complejo: leerlo necesitó más de 96 MB de memoria, el máximo permitido. Divida la información en varios libros',
      }),
    ]);
    expect((await s.parse(plan)).kind).toBe(ImportKind.PLAN);
  });

  it('refuses a file that takes longer than the time limit', async () => {
    const s = sandbox({ timeoutMs: 300 });
    const started = Date.now();
    const refused = await s.parse(ODS_BOMB);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(refused.issues).toEqual([
      expect.objectContaining({ code: 'LIBRO_DEMASIADO_GRANDE', message: expect.stringContaining('leerlo tomó más de 0,3 s') }),
    ]);
    expect((await s.parse(plan)).kind).toBe(ImportKind.PLAN);
  });

  it('does not blame the file when the thread itself cannot start', async () => {
    await expect(sandbox({ maxMemoryMb: 4 }).parse(plan)).rejects.toThrow(/The parsing thread could not start/);
  });

  it('runs one file at a time and ends an idle thread', async () => {
    const s = sandbox({ idleMs: 50 });
    const results = await Promise.all([s.parse(plan), s.parse(Buffer.from('hola')), s.parse(plan)]);
    expect(results.map((r) => r.kind)).toEqual([ImportKind.PLAN, null, ImportKind.PLAN]);
    await new Promise((r) => setTimeout(r, 150));
    expect((s as unknown as { thread: unknown }).thread).toBeNull();
    expect((await s.parse(plan)).kind).toBe(ImportKind.PLAN);
  });

  describe('a REPORTE in parts (the parts job)', () => {
    const rows = Array.from({ length: 2 * REPORTE_PART_ROWS + 10 }, (_, i) => [
      'POL-1',
      `P-${Math.floor(i / 4)}`,
      null,
      2024,
      `T${(i % 4) + 1}`,
      null,
      i % 9 === 0 ? 'mucho' : i % 7,
    ]);
    const reporte = buildWorkbook({ Reporte: [headerRow(REPORTE_SHEET), ...(rows as Rows)] });
    const collect = async (
      parser: Pick<ParseSandbox, 'parseInParts'>,
      onPart: (p: ReporteChunk) => Promise<void> = async () => undefined,
    ) => {
      const parts: ReporteChunk[] = [];
      const out = await parser.parseInParts(reporte, {}, async (p) => {
        parts.push(p);
        await onPart(p);
      });
      return { out, parts };
    };

    it('gives the parts and the end that parsing in the process gives, even when the parts take longer than the time limit', async () => {
      const expected = { parts: [] as ReporteChunk[], out: undefined as unknown };
      expected.out = await inProcessParser.parseInParts!(reporte, {}, async (p) => {
        expected.parts.push(p);
      });
      // the time the main thread spends on the parts is not the file's: 3 × 900 ms is over the 2 s limit
      const got = await collect(sandbox({ timeoutMs: 2000 }), () => new Promise((r) => setTimeout(r, 900)));
      expect(got.parts.length).toBe(3);
      expect(got.parts).toEqual(expected.parts);
      expect(got.out).toEqual(expected.out);
      expect(got.out.streamed).toBe(true);
    });

    it('a part whose handling fails ends the job with that error, and the next file is parsed', async () => {
      const s = sandbox();
      await expect(
        collect(s, async () => {
          throw new Error('la base de datos no responde');
        }),
      ).rejects.toThrow('la base de datos no responde');
      expect((await s.parse(plan)).kind).toBe(ImportKind.PLAN);
      expect((await collect(s)).parts.length).toBe(3);
    });

    it('moves the bytes into the thread when the caller gives them up (no second copy), copies them otherwise', async () => {
      const s = sandbox();
      const kept = Buffer.from(reporte);
      const given = new Uint8Array(reporte); // a buffer of its own
      const a = await s.parseInParts(kept, {}, async () => undefined);
      const b = await s.parseInParts(given, {}, async () => undefined, true);
      expect(b).toEqual(a);
      expect(kept.byteLength).toBe(reporte.byteLength);
      expect(given.byteLength).toBe(0); // moved: detached here
      const pooled = Buffer.from('hola'); // a slice of Node's shared pool is never moved
      await s.parseInParts(pooled, {}, async () => undefined, true);
      expect(pooled.toString()).toBe('hola');
    });

    it('another kind of file comes back whole, with no parts', async () => {
      const got = await sandbox().parseInParts(plan, {}, async () => {
        throw new Error('no part expected');
      });
      expect(got).toEqual({ parsed: parseWorkbook(plan), streamed: false });
    });
  });
});
