import { deflateRawSync } from 'node:zlib';
import { entry, minimalOds, minimalXlsx, rawZip, RawEntry, sheetXml, xlsxParts, xmlRow } from '../../scripts/hostile/raw-zip';
import { buildWorkbook } from '../test-support/workbook.builder';
import { inspectZip, maxRowsInXml, RATIO_GRACE_BYTES, readZipDirectory, ZipLimits } from './zip.inspector';

const LIMITS: ZipLimits = { maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxCompressionRatio: 200, maxRows: 1000 };
const MiB = 1024 * 1024;

/** A deflated run of zeros declaring `declared` bytes (honest unless told otherwise). */
function zeros(name: string, size: number, declared = size, extra: Partial<RawEntry> = {}): RawEntry {
  const data = deflateRawSync(Buffer.alloc(size));
  return { name, data, method: 8, crc: 0, compressedSize: data.length, uncompressedSize: declared, ...extra };
}

const refusal = (bytes: Buffer, limits: Partial<ZipLimits> = {}) => {
  const r = inspectZip(bytes, { ...LIMITS, ...limits });
  return r.ok ? null : { reason: r.reason, detail: r.detail };
};

describe('zip.inspector', () => {
  it('accepts a real workbook and reads its directory as SheetJS does', () => {
    const xlsx = buildWorkbook({ Hoja: [['a', 1]] });
    const result = inspectZip(xlsx, LIMITS);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(refusal(minimalXlsx('Hoja', xmlRow(['x'])))).toBeNull();
  });

  it('bounds the number of entries before reading them', () => {
    const many = rawZip([...xlsxParts('Hoja'), ...Array.from({ length: 20 }, (_, i) => entry(`p${i}`, 'x', true))]);
    expect(refusal(many, { maxEntries: 10 })).toEqual({
      reason: 'TOO_LARGE',
      detail: 'el archivo comprimido tiene 24 partes; el máximo es 10',
    });
    expect(refusal(many, { maxEntries: 24 })).toBeNull();
  });

  it('refuses a total declared size above the limit without inflating (overlapping entries included)', () => {
    const bomb = zeros('xl/worksheets/sheet1.xml', MiB, 40 * MiB);
    const copies = Array.from({ length: 5 }, (_, i): RawEntry => ({ ...bomb, name: `copy${i}`, sameDataAs: bomb.name }));
    expect(refusal(rawZip([...xlsxParts('Hoja'), bomb, ...copies]))).toMatchObject({
      reason: 'TOO_LARGE',
      detail: expect.stringContaining('el contenido descomprimido ocuparía 240,0 MB; el máximo es 50,0 MB'),
    });
    // Under the size limit, entries sharing their data are refused as manipulated.
    const small = zeros('a.xml', 1000);
    expect(refusal(rawZip([small, { ...small, name: 'b.xml', sameDataAs: 'a.xml' }]))).toMatchObject({ reason: 'UNREADABLE' });
  });

  it('refuses a compression ratio above the limit, per entry and overall', () => {
    expect(refusal(rawZip([zeros('x.xml', 8 * MiB)]))).toMatchObject({
      reason: 'TOO_LARGE',
      detail: expect.stringMatching(/^la parte «x\.xml» se descomprime \d+ veces su tamaño \(8,0 MB\); el máximo admitido es 200 veces/),
    });
    expect(refusal(rawZip([zeros('x.xml', 8 * MiB)]), { maxCompressionRatio: 2000 })).toBeNull();
    // Small entries are below the grace size one by one, but not together.
    const parts = Array.from({ length: 8 }, (_, i) => zeros(`p${i}.xml`, RATIO_GRACE_BYTES - 1));
    expect(refusal(rawZip(parts))).toMatchObject({ reason: 'TOO_LARGE', detail: expect.stringMatching(/^el archivo se descomprime/) });
  });

  it('verifies declared sizes: sizes 0 (data descriptor) or too small over a bigger stream are refused at once', () => {
    const lying = zeros('xl/worksheets/sheet1.xml', 4 * MiB, 0, { compressedSize: 0, flags: 0x08 });
    expect(refusal(rawZip([...xlsxParts('Hoja'), lying]))).toEqual({
      reason: 'UNREADABLE',
      detail:
        'el archivo comprimido está manipulado: la parte «xl/worksheets/sheet1.xml» se descomprime en más bytes de los que declara (posible «bomba zip»)',
    });
    expect(refusal(rawZip([zeros('a.xml', 5000, 4000)]))).toMatchObject({
      reason: 'UNREADABLE',
      detail: expect.stringContaining('manipulado'),
    });
    expect(refusal(rawZip([zeros('a.xml', 3000, 4000)]))).toMatchObject({
      reason: 'UNREADABLE',
      detail: expect.stringContaining('no ocupa lo que declara'),
    });
  });

  it('refuses truncated, ZIP64, encrypted and unknown-method archives', () => {
    const xlsx = buildWorkbook({ Hoja: [['a']] });
    expect(refusal(xlsx.subarray(0, xlsx.length - 30))).toEqual({
      reason: 'UNREADABLE',
      detail: 'el archivo comprimido está incompleto o dañado',
    });
    expect(refusal(xlsx.subarray(0, 200))).toMatchObject({ reason: 'UNREADABLE' });
    const zip64 = rawZip([{ ...entry('a.xml', 'x'), uncompressedSize: 0xffffffff }]);
    expect(refusal(zip64)).toMatchObject({ detail: expect.stringContaining('ZIP64') });
    expect(refusal(rawZip([{ ...entry('a.xml', 'x'), flags: 1 }]))).toMatchObject({ detail: 'el archivo está protegido con contraseña' });
    expect(refusal(rawZip([{ ...entry('a.xml', 'x'), method: 14 as 8 }]))).toMatchObject({ detail: expect.stringContaining('método') });
    // A stored entry whose two sizes disagree.
    expect(refusal(rawZip([{ ...entry('a.xml', 'xyz', true), uncompressedSize: 9 }]))).toMatchObject({ reason: 'UNREADABLE' });
  });

  it('uses the last end-of-directory record, as SheetJS does', () => {
    const honest = rawZip([zeros('a.xml', 1000)]);
    const fakeEnd = Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 9, 9]); // a signature near the end, record cut short
    expect(Array.isArray(readZipDirectory(honest))).toBe(true);
    expect(refusal(Buffer.concat([honest, fakeEnd]))).toMatchObject({ reason: 'UNREADABLE' });
  });

  it('counts rows in the inflated XML before any parser runs: per part (xlsx) and per table (ods)', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => xmlRow([i])).join('');
    expect(refusal(minimalXlsx('Hoja', rows(1000)))).toBeNull();
    expect(refusal(minimalXlsx('Hoja', rows(1001)))).toEqual({
      reason: 'TOO_LARGE',
      detail: 'una hoja del libro tiene 1001 filas; el máximo es 1000',
    });
    expect(maxRowsInXml(Buffer.from(sheetXml('<x:row/><x:row r="2"></x:row><rows/><row\n/>')))).toBe(3);
    const table = (n: number) =>
      `<table:table table:name="t">${'<table:table-row><table:table-cell/></table:table-row>'.repeat(n)}</table:table>`;
    const content = (...tables: string[]) =>
      `<office:document-content><office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document-content>`;
    expect(refusal(minimalOds(content(table(800), table(800))))).toBeNull();
    expect(refusal(minimalOds(content(table(800), table(1200))))).toMatchObject({
      detail: 'una hoja del libro tiene 1200 filas; el máximo es 1000',
    });
  });
});
