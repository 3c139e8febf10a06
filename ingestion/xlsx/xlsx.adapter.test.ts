import { buildWorkbook, readBack } from '../test-support/workbook.builder';
import { isoToSerial, serialToIso } from './excel-date.converter';
import { appendSheet, readWorkbook, writeWorkbook } from './xlsx.adapter';
import { DEFAULT_READ_LIMITS } from './workbook.types';
import { isZip, zipUncompressedSize } from './zip.inspector';

describe('excel-date.converter', () => {
  it('converts serials both ways in the 1900 system, without time zone', () => {
    expect(serialToIso(45292)).toBe('2024-01-01T00:00:00');
    expect(serialToIso(1)).toBe('1900-01-01T00:00:00');
    expect(serialToIso(61)).toBe('1900-03-01T00:00:00');
    expect(isoToSerial('2024-01-01')).toBe(45292);
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(serialToIso(isoToSerial('2020-12-18T08:05'))).toBe('2020-12-18T08:05:00');
  });

  it('reads time-only serials with the date part 1899-12-31 and rounds to the second', () => {
    expect(serialToIso(0.3333333)).toBe('1899-12-31T08:00:00');
    expect(isoToSerial('08:00')).toBeCloseTo(1 / 3, 10);
  });

  it('supports the 1904 system and rejects out-of-range serials', () => {
    expect(serialToIso(0, true)).toBe('1904-01-01T00:00:00');
    expect(serialToIso(-1)).toBeNull();
    expect(serialToIso(3_000_000)).toBeNull();
  });
});

describe('xlsx.adapter', () => {
  const buffer = buildWorkbook({
    Hoja: [
      [
        'texto',
        { type: 'date', value: '2024-03-15' },
        { type: 'number', value: 0.45, format: '0%' },
        { type: 'formula', formula: '=1+2', cached: 3 },
      ],
      ['=SUMA(A1)', { type: 'date', value: '08:30' }, true, { type: 'number', value: 2, format: '00' }],
      [null, null, '  espacios  '],
    ],
  });

  it('reads cells with type, value and number format', () => {
    const [sheet] = readBack(buffer).sheets;
    expect(sheet!.name).toBe('Hoja');
    const [r1, r2] = sheet!.rows;
    expect(r1![0]).toMatchObject({ type: 'string', value: 'texto' });
    expect(r1![1]).toMatchObject({ type: 'date', value: '2024-03-15T00:00:00' });
    expect(r1![2]).toMatchObject({ type: 'number', value: 0.45, format: '0%' });
    expect(r1![3]).toMatchObject({ type: 'number', value: 3 });
    expect(r2![1]).toMatchObject({ type: 'date', value: '1899-12-31T08:30:00' });
    expect(r2![2]).toMatchObject({ type: 'boolean', value: true });
    expect(r2![3]).toMatchObject({ type: 'number', value: 2, text: '02' });
  });

  it('keeps formula-looking text as a string and never evaluates it', () => {
    const [sheet] = readBack(buffer).sheets;
    expect(sheet!.rows[1]![0]).toEqual(expect.objectContaining({ type: 'string', value: '=SUMA(A1)' }));
  });

  it('refuses files that are not workbooks (text, CSV, garbage)', () => {
    for (const bytes of [Buffer.from('a;b;c\n1;2;3\n'), Buffer.from('<html></html>'), Buffer.alloc(0)]) {
      const read = readWorkbook(bytes);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.failure.reason).toBe('UNREADABLE');
    }
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]);
    expect(readWorkbook(broken)).toMatchObject({ ok: false, failure: { reason: 'UNREADABLE' } });
  });

  it('enforces the size, inflated size, row and column limits', () => {
    expect(readWorkbook(buffer, { ...DEFAULT_READ_LIMITS, maxBytes: 100 })).toMatchObject({ ok: false, failure: { reason: 'TOO_LARGE' } });
    expect(readWorkbook(buffer, { ...DEFAULT_READ_LIMITS, maxUncompressedBytes: 100 })).toMatchObject({
      ok: false,
      failure: { reason: 'TOO_LARGE' },
    });
    expect(readWorkbook(buffer, { ...DEFAULT_READ_LIMITS, maxRows: 2 })).toMatchObject({ ok: false, failure: { reason: 'TOO_LARGE' } });
    expect(readWorkbook(buffer, { ...DEFAULT_READ_LIMITS, maxRows: 3 }).ok).toBe(true);
    expect(readWorkbook(buffer, { ...DEFAULT_READ_LIMITS, maxColumns: 3 })).toMatchObject({ ok: false, failure: { reason: 'TOO_LARGE' } });
  });

  it('inspects the zip directory of an xlsx', () => {
    expect(isZip(buffer)).toBe(true);
    expect(zipUncompressedSize(buffer)).toBeGreaterThan(buffer.length);
  });

  it('appends a sheet, replacing one with the same name and keeping the others', () => {
    const once = appendSheet(buffer, { name: 'Errores', rows: [['uno']] });
    const twice = appendSheet(once, { name: 'Errores', rows: [['dos']] });
    const sheets = readBack(twice).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['Hoja', 'Errores']);
    expect(sheets[1]!.rows[0]![0]).toMatchObject({ value: 'dos' });
    expect(sheets[0]!.rows[0]![3]).toMatchObject({ type: 'number', value: 3 });
  });

  it('writes a new workbook when the original cannot be read', () => {
    const out = appendSheet(Buffer.from('no es un libro'), { name: 'Errores', rows: [['x']] });
    expect(readBack(out).sheets.map((s) => s.name)).toEqual(['Errores']);
  });

  it('writes sheets in order with column widths', () => {
    const out = writeWorkbook([
      { name: 'B', rows: [['b']], columnWidths: [30] },
      { name: 'A', rows: [['a']] },
    ]);
    expect(readBack(out).sheets.map((s) => s.name)).toEqual(['B', 'A']);
  });
});
