import {
  capitalize,
  formatFixed,
  formatLongDate,
  formatMonthYear,
  formatNumber,
  formatPercent,
  formatReportPercent,
  formatShortDate,
  PERCENT_SPACE,
  percentDigits,
  roundFractionAsPercent,
  roundTo,
} from './number-format';

const NBSP = '\u00a0';

describe('formatPercent (web style, no-break space)', () => {
  it('uses U+00A0 between number and sign', () => expect(PERCENT_SPACE).toBe(NBSP));
  it.each<[number | null | undefined, number | undefined, string]>([
    [0.576, 1, `57,6${NBSP}%`],
    [0.576, undefined, `57,6${NBSP}%`],
    [0.64, 1, `64,0${NBSP}%`],
    [1, 0, `100${NBSP}%`],
    [0, 1, `0,0${NBSP}%`],
    [-0.064, 1, `-6,4${NBSP}%`],
    [-0.0004, 1, `0,0${NBSP}%`],
    [0.12345, 2, `12,35${NBSP}%`],
    [12.345, 1, `1.234,5${NBSP}%`],
    [null, 1, ''],
    [undefined, 1, ''],
    [Number.NaN, 1, ''],
  ])('%p with %p decimals → %p', (value, decimals, expected) => {
    expect(formatPercent(value, decimals)).toBe(expected);
  });
});

describe('formatReportPercent (report sentences as seed 001 writes them)', () => {
  it.each<[number | null, number, string]>([
    [0.2435, 2, '24,35%'],
    [0.157, 2, '15,70%'],
    [0.0865, 1, '8,7%'],
    [0.086, 1, '8,6%'],
    [0.576, 1, '57,6%'],
    [0.64, 1, '64,0%'],
    [0.86, 0, '86%'],
    [0.0714, 0, '7%'],
    [0.02, 1, '2,0%'],
    [-0.044, 1, '-4,4%'],
    [0.000049, 2, '0,00%'],
    [null, 1, ''],
  ])('%p with %p decimals → %p', (value, decimals, expected) => {
    expect(formatReportPercent(value, decimals)).toBe(expected);
  });
});

describe('formatNumber (es-CO)', () => {
  it.each<[number, number | undefined, number | undefined, string]>([
    [1234.5, undefined, undefined, '1.234,5'],
    [1234567.891, undefined, undefined, '1.234.567,89'],
    [999, undefined, undefined, '999'],
    [1000, undefined, undefined, '1.000'],
    [0, undefined, undefined, '0'],
    [-1234.5, undefined, undefined, '-1.234,5'],
    [-0.001, 2, undefined, '0'],
    [1.005, 2, undefined, '1,01'],
    [2.5, 0, undefined, '3'],
    [-2.5, 0, undefined, '-3'],
    [12, 2, 2, '12,00'],
    [0.1 + 0.2, 2, undefined, '0,3'],
    [Number.POSITIVE_INFINITY, 2, undefined, ''],
  ])('%p (max %p, min %p) → %p', (value, max, min, expected) => {
    expect(formatNumber(value, max, min)).toBe(expected);
  });

  it.each<[number, number, string]>([
    [64, 1, '64,0'],
    [8.6, 2, '8,60'],
    [1234, 0, '1.234'],
  ])('formatFixed(%p, %p) → %p', (value, decimals, expected) => expect(formatFixed(value, decimals)).toBe(expected));
});

describe('rounding used for words that depend on the shown figure', () => {
  it.each<[number, number, number]>([
    [0.0864, 3, 0.086],
    [0.0865, 3, 0.087],
    [-0.0865, 3, -0.087],
    [-0.0004, 3, 0],
    [1.005, 2, 1.01],
  ])('roundTo(%p, %p) → %p', (value, decimals, expected) => expect(roundTo(value, decimals)).toBe(expected));

  it.each<[number, number, number]>([
    [-0.00049, 1, 0],
    [-0.0005, 1, -0.001],
    [0.2435, 2, 0.2435],
  ])('roundFractionAsPercent(%p, %p) → %p', (value, decimals, expected) => expect(roundFractionAsPercent(value, decimals)).toBe(expected));

  it('never shows a minus on a value that rounds to zero', () => {
    expect(percentDigits(-0.00001, 1)).toBe('0,0');
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });
});

describe('dates', () => {
  it.each<[string, string, string, string]>([
    ['2022-06-30', 'junio 30 de 2022', '30/06/2022', 'junio 2022'],
    ['2022-11-05', 'noviembre 5 de 2022', '05/11/2022', 'noviembre 2022'],
    ['2024-01-01', 'enero 1 de 2024', '01/01/2024', 'enero 2024'],
    ['2031-12-31', 'diciembre 31 de 2031', '31/12/2031', 'diciembre 2031'],
    ['2023-09-15', 'septiembre 15 de 2023', '15/09/2023', 'septiembre 2023'],
  ])('%p → %p, %p, %p', (iso, long, short, monthYear) => {
    expect(formatLongDate(iso)).toBe(long);
    expect(formatShortDate(iso)).toBe(short);
    expect(formatMonthYear(iso)).toBe(monthYear);
  });

  it.each(['2022-6-30', '30/06/2022', '2022-13-01', ''])('rejects %p with a Spanish message', (bad) => {
    expect(() => formatLongDate(bad)).toThrow(/Fecha no válida/);
  });

  it('capitalizes the first letter', () => expect(capitalize(formatMonthYear('2022-11-15'))).toBe('Noviembre 2022'));
});
