import { ImportKind } from '../../src/domain/enums';
import { parseWorkbook } from '../parsing/workbook.parser';
import { buildWorkbook } from '../test-support/workbook.builder';
import { looksLikeCsv, readCsv } from './csv.reader';
import { DEFAULT_READ_LIMITS, WorkbookReadResult } from './workbook.types';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const texts = (r: WorkbookReadResult) => {
  if (!r.ok) throw new Error(r.failure.detail);
  return r.workbook.sheets[0]!.rows.map((row) => (row ?? []).map((c) => (c?.type === 'string' ? c.value : null)));
};
const read = (text: string | Buffer, limits = DEFAULT_READ_LIMITS) =>
  readCsv(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), 'Reporte', limits);

describe('csv.reader', () => {
  it('tells CSV-like text from binary containers and plain text', () => {
    expect(looksLikeCsv(Buffer.from('a;b\n1;2'))).toBe(true);
    expect(looksLikeCsv(Buffer.from('hola'))).toBe(false); // no separator: not a CSV
    expect(looksLikeCsv(Buffer.alloc(0))).toBe(false);
    expect(looksLikeCsv(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x2c]))).toBe(false);
    expect(looksLikeCsv(buildWorkbook({ Hoja: [['a,b']] }))).toBe(false);
    expect(looksLikeCsv(Buffer.from([0xff, 0xfe, 0x61, 0]))).toBe(true); // UTF-16: refused later with a reason
  });

  it('reads `,`, `;` and tab separators chosen from the first line, quotes, CRLF and a BOM; every field is text', () => {
    expect(texts(read('a;b;c\r\n1,5;"x;y";\r\n'))).toEqual([
      ['a', 'b', 'c'],
      ['1,5', 'x;y', null],
    ]);
    expect(texts(read('a,b\n"he said ""hi""","line\nbreak"\n'))).toEqual([
      ['a', 'b'],
      ['he said "hi"', 'line\nbreak'],
    ]);
    expect(texts(read(Buffer.concat([BOM, Buffer.from('Código\tValor\n=1+1\t@SUM(1)')])))).toEqual([
      ['Código', 'Valor'],
      ['=1+1', '@SUM(1)'],
    ]);
    expect(texts(read('sep=,\na;b,c\n'))).toEqual([['a;b', 'c']]);
  });

  it('refuses other encodings, NUL bytes and unclosed quotes with a clear reason', () => {
    const latin = Buffer.from('Código;Valor\nMaría;1\n', 'latin1');
    expect(read(latin)).toMatchObject({
      ok: false,
      failure: { reason: 'UNREADABLE', detail: expect.stringContaining('no está codificado en UTF-8') },
    });
    expect(read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b', 'utf16le')]))).toMatchObject({
      ok: false,
      failure: { detail: expect.stringContaining('UTF-16') },
    });
    expect(read('a;b\n1;\u0000')).toMatchObject({ ok: false, failure: { detail: expect.stringContaining('caracteres nulos') } });
    expect(read('a;b\n"1;2\n')).toMatchObject({ ok: false, failure: { detail: expect.stringContaining('comillas sin cerrar') } });
  });

  it('caps size, rows and columns while reading', () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 3, maxColumns: 2, maxBytes: 1000 };
    expect(read('a;b\n1;2\n3;4\n', limits).ok).toBe(true);
    expect(read('a;b\n1;2\n3;4\n5;6\n', limits)).toMatchObject({
      ok: false,
      failure: { reason: 'TOO_LARGE', detail: 'el archivo CSV tiene más de 3 filas' },
    });
    expect(read('a;b;c\n', limits)).toMatchObject({
      ok: false,
      failure: { reason: 'TOO_LARGE', detail: expect.stringContaining('más de 2 columnas') },
    });
    expect(read(`a;${'x'.repeat(1000)}`, limits)).toMatchObject({ ok: false, failure: { reason: 'TOO_LARGE' } });
  });
});

describe('CSV uploads through parseWorkbook', () => {
  const header = 'Código política;Código producto;Vigencia;Periodo;Valor;Avance cualitativo';

  it('reads a REPORTE CSV (Spanish Excel: `;`, decimal comma) as the Reporte sheet, formulas kept as text', () => {
    const csv = Buffer.concat([BOM, Buffer.from(`${header}\r\nPP-EJ;A;2024;S1;70,5;=HYPERLINK("http://x")\r\n`)]);
    const parsed = parseWorkbook(csv);
    expect(parsed.issues).toEqual([]);
    expect(parsed.kind).toBe(ImportKind.REPORTE);
    if (parsed.kind !== ImportKind.REPORTE) return;
    expect(parsed.sheetNames).toEqual(['Reporte']);
    expect(parsed.data.reports).toEqual([
      expect.objectContaining({
        policyCode: 'PP-EJ',
        productCode: 'A',
        year: 2024,
        period: 'S1',
        value: 70.5,
        qualitativeProgress: '=HYPERLINK("http://x")',
      }),
    ]);
  });

  it('reports a missing column of a recognised REPORTE CSV like a workbook would', () => {
    const parsed = parseWorkbook(Buffer.from('Código política,Código producto,Vigencia,Periodo\nPP-EJ,A,2024,S1\n'));
    expect(parsed.kind).toBe(ImportKind.REPORTE);
    expect(parsed.issues.map((i) => i.code)).toContain('COLUMNA_REQUERIDA');
  });

  it('refuses any other CSV saying that only REPORTE may be sent as CSV', () => {
    const parsed = parseWorkbook(Buffer.from('Código,Nombre,Sector\n01,Secretaría,Gobierno\n'));
    expect(parsed.kind).toBeNull();
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        code: 'LIBRO_NO_RECONOCIDO',
        message: expect.stringContaining('solo el reporte de avance puede enviarse como CSV'),
      }),
    ]);
    const latin = parseWorkbook(Buffer.from(`${header}\n`, 'latin1'));
    expect(latin.issues).toEqual([expect.objectContaining({ code: 'LIBRO_ILEGIBLE', message: expect.stringContaining('CSV UTF-8') })]);
  });
});
