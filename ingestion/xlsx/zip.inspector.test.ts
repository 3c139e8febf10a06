import { deflateRawSync } from 'node:zlib';
import { entry, minimalOds, minimalXlsx, rawZip, RawEntry, sheetXml, xlsxParts, xmlRow } from '../../scripts/hostile/raw-zip';
import { buildWorkbook } from '../test-support/workbook.builder';
import {
  inspectZip,
  inspectZipStreaming,
  maxRowsInXml,
  RATIO_GRACE_BYTES,
  readZipDirectory,
  RowCounter,
  ZipInspection,
  ZipLimits,
} from './zip.inspector';

const LIMITS: ZipLimits = { maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxCompressionRatio: 200, maxRows: 1000 };
const MiB = 1024 * 1024;

/** A deflated run of zeros declaring `declared` bytes (honest unless told otherwise). */
function zeros(name: string, size: number, declared = size, extra: Partial<RawEntry> = {}): RawEntry {
  const data = deflateRawSync(Buffer.alloc(size));
  return { name, data, method: 8, crc: 0, compressedSize: data.length, uncompressedSize: declared, ...extra };
}

type Inspect = (bytes: Uint8Array, limits: ZipLimits) => ZipInspection | Promise<ZipInspection>;

// Both inspectors give the same answer to every case: the streaming one is what the parsing thread runs first.
describe.each<[string, Inspect]>([
  ['inspectZip', inspectZip],
  ['inspectZipStreaming', inspectZipStreaming],
])('zip.inspector (%s)', (_name, inspect) => {
  const refusal = async (bytes: Buffer, limits: Partial<ZipLimits> = {}) => {
    const r = await inspect(bytes, { ...LIMITS, ...limits });
    return r.ok ? null : { reason: r.reason, detail: r.detail };
  };

  it('accepts a real workbook and reads its directory as SheetJS does', async () => {
    const xlsx = buildWorkbook({ Hoja: [['a', 1]] });
    const result = await inspect(xlsx, LIMITS);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(await refusal(minimalXlsx('Hoja', xmlRow(['x'])))).toBeNull();
  });

  it('bounds the number of entries before reading them', async () => {
    const many = rawZip([...xlsxParts('Hoja'), ...Array.from({ length: 20 }, (_, i) => entry(`p${i}`, 'x', true))]);
    expect(await refusal(many, { maxEntries: 10 })).toEqual({
      reason: 'TOO_LARGE',
      detail: 'el archivo comprimido tiene 24 partes; el máximo es 10',
    });
    expect(await refusal(many, { maxEntries: 24 })).toBeNull();
  });

  it('refuses a total declared size above the limit without inflating (overlapping entries included)', async () => {
    const bomb = zeros('xl/worksheets/sheet1.xml', MiB, 40 * MiB);
    const copies = Array.from({ length: 5 }, (_, i): RawEntry => ({ ...bomb, name: `copy${i}`, sameDataAs: bomb.name }));
    expect(await refusal(rawZip([...xlsxParts('Hoja'), bomb, ...copies]))).toMatchObject({
      reason: 'TOO_LARGE',
      detail: expect.stringContaining('el contenido descomprimido ocuparía 240,0 MB; el máximo es 50,0 MB'),
    });
    // Under the size limit, entries sharing their data are refused as manipulated.
    const small = zeros('a.xml', 1000);
    expect(await refusal(rawZip([small, { ...small, name: 'b.xml', sameDataAs: 'a.xml' }]))).toMatchObject({ reason: 'UNREADABLE' });
  });

  it('refuses a compression ratio above the limit, per entry and overall', async () => {
    expect(await refusal(rawZip([zeros('x.xml', 8 * MiB)]))).toMatchObject({
      reason: 'TOO_LARGE',
      detail: expect.stringMatching(/^la parte «x\.xml» se descomprime \d+ veces su tamaño \(8,0 MB\); el máximo admitido es 200 veces/),
    });
    expect(await refusal(rawZip([zeros('x.xml', 8 * MiB)]), { maxCompressionRatio: 2000 })).toBeNull();
    // Small entries are below the grace size one by one, but not together.
    const parts = Array.from({ length: 8 }, (_, i) => zeros(`p${i}.xml`, RATIO_GRACE_BYTES - 1));
    expect(await refusal(rawZip(parts))).toMatchObject({
      reason: 'TOO_LARGE',
      detail: expect.stringMatching(/^el archivo se descomprime/),
    });
  });

  it('verifies declared sizes: sizes 0 (data descriptor) or too small over a bigger stream are refused at once', async () => {
    const lying = zeros('xl/worksheets/sheet1.xml', 4 * MiB, 0, { compressedSize: 0, flags: 0x08 });
    expect(await refusal(rawZip([...xlsxParts('Hoja'), lying]))).toEqual({
      reason: 'UNREADABLE',
      detail:
        'el archivo comprimido está manipulado: la parte «xl/worksheets/sheet1.xml» se descomprime en más bytes de los que declara (posible «bomba zip»)',
    });
    expect(await refusal(rawZip([zeros('a.xml', 5000, 4000)]))).toMatchObject({
      reason: 'UNREADABLE',
      detail: expect.stringContaining('manipulado'),
    });
    expect(await refusal(rawZip([zeros('a.xml', 3000, 4000)]))).toMatchObject({
      reason: 'UNREADABLE',
      detail: expect.stringContaining('no ocupa lo que declara'),
    });
  });

  it('verifies declared sizes of large parts too (streamed above 1 MB)', async () => {
    const loose = { maxCompressionRatio: 10_000 };
    expect(await refusal(rawZip([zeros('big.xml', 4 * MiB, 2 * MiB)]), loose)).toEqual({
      reason: 'UNREADABLE',
      detail:
        'el archivo comprimido está manipulado: la parte «big.xml» se descomprime en más bytes de los que declara (posible «bomba zip»)',
    });
    expect(await refusal(rawZip([zeros('big.xml', 2 * MiB, 3 * MiB)]), loose)).toMatchObject({
      detail: expect.stringContaining('no ocupa lo que declara'),
    });
    expect(await refusal(rawZip([zeros('big.xml', 3 * MiB)]), loose)).toBeNull();
    const cut = zeros('big.xml', 3 * MiB);
    expect(await refusal(rawZip([{ ...cut, data: cut.data.subarray(0, cut.data.length - 50) }]), loose)).toMatchObject({
      reason: 'UNREADABLE',
    });
  });

  it('refuses truncated, ZIP64, encrypted and unknown-method archives', async () => {
    const xlsx = buildWorkbook({ Hoja: [['a']] });
    expect(await refusal(xlsx.subarray(0, xlsx.length - 30))).toEqual({
      reason: 'UNREADABLE',
      detail: 'el archivo comprimido está incompleto o dañado',
    });
    expect(await refusal(xlsx.subarray(0, 200))).toMatchObject({ reason: 'UNREADABLE' });
    const zip64 = rawZip([{ ...entry('a.xml', 'x'), uncompressedSize: 0xffffffff }]);
    expect(await refusal(zip64)).toMatchObject({ detail: expect.stringContaining('ZIP64') });
    expect(await refusal(rawZip([{ ...entry('a.xml', 'x'), flags: 1 }]))).toMatchObject({
      detail: 'el archivo está protegido con contraseña',
    });
    expect(await refusal(rawZip([{ ...entry('a.xml', 'x'), method: 14 as 8 }]))).toMatchObject({
      detail: expect.stringContaining('método'),
    });
    // A stored entry whose two sizes disagree.
    expect(await refusal(rawZip([{ ...entry('a.xml', 'xyz', true), uncompressedSize: 9 }]))).toMatchObject({ reason: 'UNREADABLE' });
  });

  it('uses the last end-of-directory record, as SheetJS does', async () => {
    const honest = rawZip([zeros('a.xml', 1000)]);
    const fakeEnd = Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 9, 9]); // a signature near the end, record cut short
    expect(Array.isArray(readZipDirectory(honest))).toBe(true);
    expect(await refusal(Buffer.concat([honest, fakeEnd]))).toMatchObject({ reason: 'UNREADABLE' });
  });

  it('counts rows in the inflated XML before any parser runs: per part (xlsx) and per table (ods)', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => xmlRow([i])).join('');
    expect(await refusal(minimalXlsx('Hoja', rows(1000)))).toBeNull();
    expect(await refusal(minimalXlsx('Hoja', rows(1001)))).toEqual({
      reason: 'TOO_LARGE',
      detail: 'una hoja del libro tiene 1001 filas; el máximo es 1000',
    });
    expect(maxRowsInXml(Buffer.from(sheetXml('<x:row/><x:row r="2"></x:row><rows/><row\n/>')))).toBe(3);
    const table = (n: number) =>
      `<table:table table:name="t">${'<table:table-row><table:table-cell/></table:table-row>'.repeat(n)}</table:table>`;
    const content = (...tables: string[]) =>
      `<office:document-content><office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document-content>`;
    expect(await refusal(minimalOds(content(table(800), table(800))))).toBeNull();
    expect(await refusal(minimalOds(content(table(800), table(1200))))).toMatchObject({
      detail: 'una hoja del libro tiene 1200 filas; el máximo es 1000',
    });
  });
});

describe('RowCounter', () => {
  it('counts rows fed in chunks of any size the same as in one piece, tags cut across chunks included', () => {
    const xml = Buffer.from(
      sheetXml(`${'<row r="1"><c><v>1</v></c></row>'.repeat(50)}<x:row/><rows/><row\n/><rowing/>`) +
        `<table:table>${'<table:table-row/>'.repeat(70)}</table:table><table:table>${'<table:table-row/>'.repeat(3)}</table:table>`,
    );
    const whole = maxRowsInXml(xml);
    expect(whole).toBe(70);
    for (const size of [1, 2, 3, 5, 7, 64, 1000]) {
      const counter = new RowCounter();
      for (let i = 0; i < xml.length; i += size) counter.feed(xml.subarray(i, i + size));
      expect({ size, rows: counter.flush() }).toEqual({ size, rows: whole });
    }
    const rowsOnly = new RowCounter();
    for (const piece of ['<ro', 'w/><', 'row', '/><r', 'ow']) rowsOnly.feed(Buffer.from(piece));
    expect(rowsOnly.flush()).toBe(3); // a last "<row" cut by the end counts, as in one piece
  });
});

describe('inspectZipStreaming on a 1 000 000-row sheet (issue 14, item 7)', () => {
  it('refuses it with the same answer as the in-memory check, inflating in bounded chunks', async () => {
    const million = minimalXlsx('Hoja', '<row/>'.repeat(1_000_000));
    const limits = { ...LIMITS, maxRows: 200_000, maxCompressionRatio: 10_000 };
    const expected = { ok: false, reason: 'TOO_LARGE', detail: 'una hoja del libro tiene 1000000 filas; el máximo es 200000' };
    expect(await inspectZipStreaming(million, limits)).toEqual(expected);
    expect(inspectZip(million, limits)).toEqual(expected);
  });
});
