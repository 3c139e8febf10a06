import { periodicityOfCode, periodSpan, periodWithin } from './period-span';

const H = { startYear: 2022, vigencias: 10 };

describe('periodWithin: what closing a period closes', () => {
  // [inner year, inner code, closed year, closed code, within]
  it.each([
    [2022, 'T1', 2022, 'S1', true],
    [2022, 'T2', 2022, 'S1', true],
    [2022, 'T3', 2022, 'S1', false],
    [2022, 'M01', 2022, 'S1', true],
    [2022, 'M06', 2022, 'S1', true],
    [2022, 'M07', 2022, 'S1', false],
    [2022, 'S1', 2022, 'S1', true],
    [2022, 'ANUAL', 2022, 'S1', false],
    [2022, 'B3', 2022, 'S1', true],
    [2022, 'C2', 2022, 'S1', false], // May–August crosses the end of S1
    [2022, 'C2', 2022, 'ANUAL', true],
    [2023, 'T1', 2022, 'ANUAL', false],
    [2022, 'S2', 2023, 'BIENIO', true], // a 2022 plan's first BIENIO is 2022–2023, stored under 2023
    [2023, 'ANUAL', 2023, 'BIENIO', true],
    [2024, 'T1', 2023, 'BIENIO', false],
    [2022, 'S1', 2022, 'BIENIO', false], // no BIENIO ends in 2022
    [2022, 'X9', 2022, 'ANUAL', false],
  ] as [number, string, number, string, boolean][])('%i %s within %i %s: %s', (year, code, closedYear, closedCode, within) => {
    expect(periodWithin(H, year, code, closedYear, closedCode)).toBe(within);
  });

  it('reads the periodicity from the code', () => {
    expect(['ANUAL', 'S2', 'C3', 'T4', 'B6', 'M12', 'BIENIO', 'QUINQUENIO', 'M13', ''].map(periodicityOfCode)).toEqual([
      'ANUAL',
      'SEMESTRAL',
      'CUATRIMESTRAL',
      'TRIMESTRAL',
      'BIMESTRAL',
      'MENSUAL',
      'BIENAL',
      'QUINQUENAL',
      null,
      null,
    ]);
  });

  it('spans: outside the horizon there is no period', () => {
    expect(periodSpan(H, 2022, 'S1')).toEqual({ start: '2022-01-01', end: '2022-06-30' });
    expect(periodSpan(H, 2021, 'S1')).toBeNull();
    expect(periodSpan(H, 2031, 'BIENIO')).toEqual({ start: '2030-01-01', end: '2031-12-31' });
  });
});
