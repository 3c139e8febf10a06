import { Periodicity } from '../domain/enums';
import { closedPeriods, horizonYears, isIsoDate, isValidPeriodCode, periodCodes, periodsOf } from './index';
import { periodSlot, periodSlotCount } from './period-calendar';

const { ANUAL, SEMESTRAL, TRIMESTRAL, MENSUAL } = Periodicity;

describe('periodsOf: calendar splits of a year', () => {
  // periodicity, year, code, start, end, months, endMonth
  it.each([
    [ANUAL, 2024, 'ANUAL', '2024-01-01', '2024-12-31', 12, 12],
    [SEMESTRAL, 2024, 'S1', '2024-01-01', '2024-06-30', 6, 6],
    [SEMESTRAL, 2024, 'S2', '2024-07-01', '2024-12-31', 6, 12],
    [TRIMESTRAL, 2025, 'T1', '2025-01-01', '2025-03-31', 3, 3],
    [TRIMESTRAL, 2025, 'T2', '2025-04-01', '2025-06-30', 3, 6],
    [TRIMESTRAL, 2025, 'T3', '2025-07-01', '2025-09-30', 3, 9],
    [TRIMESTRAL, 2025, 'T4', '2025-10-01', '2025-12-31', 3, 12],
    [MENSUAL, 2024, 'M01', '2024-01-01', '2024-01-31', 1, 1],
    [MENSUAL, 2024, 'M02', '2024-02-01', '2024-02-29', 1, 2], // leap year
    [MENSUAL, 2025, 'M02', '2025-02-01', '2025-02-28', 1, 2],
    [MENSUAL, 2100, 'M02', '2100-02-01', '2100-02-28', 1, 2], // not a leap year
    [MENSUAL, 2000, 'M02', '2000-02-01', '2000-02-29', 1, 2], // leap year
    [MENSUAL, 2024, 'M04', '2024-04-01', '2024-04-30', 1, 4],
    [MENSUAL, 2024, 'M06', '2024-06-01', '2024-06-30', 1, 6],
    [MENSUAL, 2024, 'M09', '2024-09-01', '2024-09-30', 1, 9],
    [MENSUAL, 2024, 'M11', '2024-11-01', '2024-11-30', 1, 11],
    [MENSUAL, 2024, 'M12', '2024-12-01', '2024-12-31', 1, 12],
  ])('%s %i %s runs %s..%s (%i months, ends in month %i)', (periodicity, year, code, start, end, months, endMonth) => {
    const period = periodsOf(periodicity, year).find((p) => p.code === code);
    expect(period).toEqual({ year, code, start, end, months, endMonth });
  });

  it.each([
    [ANUAL, ['ANUAL']],
    [SEMESTRAL, ['S1', 'S2']],
    [TRIMESTRAL, ['T1', 'T2', 'T3', 'T4']],
    [MENSUAL, ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12']],
  ])('%s has the codes %j, covering the year without gaps', (periodicity, codes) => {
    const periods = periodsOf(periodicity, 2024);
    expect(periods.map((p) => p.code)).toEqual(codes);
    expect(periodCodes(periodicity)).toEqual(codes);
    expect(periods.reduce((total, p) => total + p.months, 0)).toBe(12);
    expect(periods[0].start).toBe('2024-01-01');
    expect(periods[periods.length - 1].end).toBe('2024-12-31');
    periods.forEach((p) => expect(isIsoDate(p.start) && isIsoDate(p.end)).toBe(true));
  });

  it.each([
    [SEMESTRAL, 'S1', true],
    [SEMESTRAL, 'T1', false],
    [TRIMESTRAL, 'T4', true],
    [TRIMESTRAL, 'T5', false],
    [MENSUAL, 'M12', true],
    [MENSUAL, 'M1', false],
    [ANUAL, 'ANUAL', true],
    [ANUAL, 'S1', false],
  ])('isValidPeriodCode(%s, %s) = %p', (periodicity, code, valid) => {
    expect(isValidPeriodCode(periodicity, code)).toBe(valid);
  });

  it('rejects an unknown periodicity', () => {
    expect(() => periodsOf('QUINCENAL' as Periodicity, 2024)).toThrow(RangeError);
  });
});

describe('closedPeriods: a period is closed when it ends on or before the cut', () => {
  const horizon = { startYear: 2024, vigencias: 2 };

  it('the horizon is startYear .. startYear + vigencias - 1', () => {
    expect(horizonYears(horizon)).toEqual([2024, 2025]);
    expect(horizonYears({ startYear: 2022, vigencias: 10 })).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]);
  });

  // periodicity, cut, closed periods as 'year code'
  it.each([
    [TRIMESTRAL, '2023-12-31', []], // before the policy starts
    [TRIMESTRAL, '2024-03-30', []],
    [TRIMESTRAL, '2024-03-31', ['2024 T1']], // the end day itself closes the period
    [TRIMESTRAL, '2024-06-30', ['2024 T1', '2024 T2']],
    [SEMESTRAL, '2024-06-30', ['2024 S1']],
    [SEMESTRAL, '2024-06-29', []],
    [ANUAL, '2024-06-30', []], // an annual product at a 30 June cut of its first year
    [ANUAL, '2024-12-31', ['2024 ANUAL']],
    [MENSUAL, '2024-02-29', ['2024 M01', '2024 M02']],
    [ANUAL, '2040-01-01', ['2024 ANUAL', '2025 ANUAL']], // after the end: nothing beyond the horizon
    [SEMESTRAL, '2026-06-30', ['2024 S1', '2024 S2', '2025 S1', '2025 S2']],
  ])('%s at %s → %j', (periodicity, cut, expected) => {
    expect(closedPeriods(periodicity, horizon, cut).map((p) => `${p.year} ${p.code}`)).toEqual(expected);
  });

  it('all 24 monthly periods are closed after the end', () => {
    expect(closedPeriods(MENSUAL, horizon, '2026-01-01')).toHaveLength(24);
  });

  it.each(['2024-6-30', '2024-02-30', '30/06/2024', '', '2024-13-01'])('rejects the cut %p', (cut) => {
    expect(() => closedPeriods(ANUAL, horizon, cut)).toThrow(RangeError);
  });

  it.each([[{ startYear: 2024, vigencias: 0 }], [{ startYear: 2024.5, vigencias: 2 }], [{ startYear: 2024, vigencias: 1.5 }]])(
    'rejects the horizon %j',
    (bad) => {
      expect(() => closedPeriods(ANUAL, bad, '2024-12-31')).toThrow(RangeError);
    },
  );
});

describe('periodSlot: where a period sits in one array per indicator (year after year, codes in order)', () => {
  const horizon = { startYear: 2024, vigencias: 2 };
  it.each([
    [Periodicity.TRIMESTRAL, 2024, 'T1', 0],
    [Periodicity.TRIMESTRAL, 2024, 'T4', 3],
    [Periodicity.TRIMESTRAL, 2025, 'T1', 4],
    [Periodicity.TRIMESTRAL, 2025, 'T4', 7],
    [Periodicity.TRIMESTRAL, 2026, 'T1', -1], // after the horizon
    [Periodicity.TRIMESTRAL, 2023, 'T4', -1], // before it
    [Periodicity.TRIMESTRAL, 2024.5, 'T1', -1],
    [Periodicity.TRIMESTRAL, 2024, 'S1', -1], // not a quarter
    [Periodicity.SEMESTRAL, 2025, 'S2', 3],
  ])('%s %d %s → %d', (periodicity, year, code, slot) => {
    expect(periodSlot(periodicity, horizon, year, code)).toBe(slot);
  });
  it('counts every code of every year', () => {
    expect(periodSlotCount(Periodicity.TRIMESTRAL, horizon)).toBe(8);
    expect(periodSlotCount(Periodicity.MENSUAL, horizon)).toBe(24);
    const all = periodCodes(Periodicity.MENSUAL).flatMap((c) => [2024, 2025].map((y) => periodSlot(Periodicity.MENSUAL, horizon, y, c)));
    expect(new Set(all).size).toBe(24);
    expect(Math.max(...all)).toBe(23);
  });
});
