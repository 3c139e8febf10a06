import { formatDateTime, formatDuration, formatSignedPercent, isIsoDate, todayInBogota } from './format';

const NBSP = '\u00a0';

describe('web-only formatting', () => {
  it.each([
    [0.025, `+2,5${NBSP}%`],
    [-0.12, `-12,0${NBSP}%`],
    [0, `0,0${NBSP}%`],
    [-0.00001, `0,0${NBSP}%`],
    [0.00001, `0,0${NBSP}%`],
    [null, ''],
  ])('gap %p → %p', (gap, text) => {
    expect(formatSignedPercent(gap)).toBe(text);
  });

  it.each([
    ['2024-06-30T19:05:00Z', '30/06/2024 14:05'],
    ['2024-01-01T03:00:00.000Z', '31/12/2023 22:00'],
    [null, ''],
    ['no es fecha', ''],
  ])('date-time %p in Bogotá → %p', (iso, text) => {
    expect(formatDateTime(iso)).toBe(text);
  });

  it.each([
    [1234, `1,2${NBSP}s`],
    [0, `0,0${NBSP}s`],
    [null, ''],
  ])('duration %p → %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['30/06/2024', false],
    [null, false],
  ])('isIsoDate(%p) = %p', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('today in Bogotá is the date there, not in UTC', () => {
    expect(todayInBogota(new Date('2024-07-01T03:00:00Z'))).toBe('2024-06-30');
    expect(todayInBogota(new Date('2024-07-01T06:00:00Z'))).toBe('2024-07-01');
  });
});
