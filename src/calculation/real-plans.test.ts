/**
 * The method on real plans (docs/calculation.md §1, §2, §3, §7, §13): every SDP periodicity, missing
 * reports of level indicators, 0 yearly goals of level series, withdrawn products, DECRECIENTE without
 * baseline, and the scale check. Each table row reads next to the document.
 */
import { AnnualizationType, Periodicity, TrafficLight } from '../domain/enums';
import { computePolicyProgress } from './aggregate-progress.calculator';
import { closedPeriods, isPeriodOf, periodCodes, periodsOf, reportingYears } from './period-calendar';
import { computeProductProgress } from './product-progress.calculator';
import { runProductCases } from './product-cases.test-support';
import { checkScale, checkScaleReports, ScaleFinding, scaleGoals, scaleOfReport } from './scale-check';
import { policy, policyProduct, product, reports, yearGoals } from './test-fixtures';
import { ProductCalcInput } from './types';
import { computeWeights } from './weights.calculator';

const { CONSTANTE, CRECIENTE, DECRECIENTE } = AnnualizationType;
const P = Periodicity;
const { ALTO, MEDIO, BAJO, NOT_DUE } = TrafficLight;

describe('§1 every periodicity of the SDP catalogue', () => {
  const horizon = { startYear: 2024, vigencias: 10 };
  // periodicity, codes of one year
  it.each([
    [P.MENSUAL, ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12']],
    [P.BIMESTRAL, ['B1', 'B2', 'B3', 'B4', 'B5', 'B6']],
    [P.TRIMESTRAL, ['T1', 'T2', 'T3', 'T4']],
    [P.CUATRIMESTRAL, ['C1', 'C2', 'C3']],
    [P.SEMESTRAL, ['S1', 'S2']],
    [P.ANUAL, ['ANUAL']],
    [P.BIENAL, ['BIENIO']],
    [P.TRIENAL, ['TRIENIO']],
    [P.CUATRIENAL, ['CUATRIENIO']],
    [P.QUINQUENAL, ['QUINQUENIO']],
  ])('%s has the codes %j', (periodicity, codes) => {
    expect(periodCodes(periodicity)).toEqual(codes);
  });

  // periodicity, year, code, start, end (= due date: a period is closed, its report due, from its last day), months
  it.each([
    [P.BIMESTRAL, 2024, 'B1', '2024-01-01', '2024-02-29', 2],
    [P.BIMESTRAL, 2025, 'B6', '2025-11-01', '2025-12-31', 2],
    [P.CUATRIMESTRAL, 2024, 'C1', '2024-01-01', '2024-04-30', 4],
    [P.CUATRIMESTRAL, 2024, 'C2', '2024-05-01', '2024-08-31', 4],
    [P.CUATRIMESTRAL, 2024, 'C3', '2024-09-01', '2024-12-31', 4],
    [P.BIENAL, 2025, 'BIENIO', '2024-01-01', '2025-12-31', 24],
    [P.BIENAL, 2033, 'BIENIO', '2032-01-01', '2033-12-31', 24],
    [P.TRIENAL, 2026, 'TRIENIO', '2024-01-01', '2026-12-31', 36],
    [P.TRIENAL, 2033, 'TRIENIO', '2033-01-01', '2033-12-31', 12], // last span cut at the horizon's end
    [P.CUATRIENAL, 2031, 'CUATRIENIO', '2028-01-01', '2031-12-31', 48],
    [P.CUATRIENAL, 2033, 'CUATRIENIO', '2032-01-01', '2033-12-31', 24],
    [P.QUINQUENAL, 2028, 'QUINQUENIO', '2024-01-01', '2028-12-31', 60],
    [P.QUINQUENAL, 2033, 'QUINQUENIO', '2029-01-01', '2033-12-31', 60],
  ])('%s %i %s runs %s..%s (%i months)', (periodicity, year, code, start, end, months) => {
    const period = periodsOf(periodicity, year, horizon).find((p) => p.code === code);
    expect(period).toMatchObject({ year, code, start, end, months, endMonth: Number(end.slice(5, 7)) });
  });

  // multi-year spans are aligned to the plan's start year and reported once, in the span's last year
  it.each([
    [P.BIENAL, [2025, 2027, 2029, 2031, 2033]],
    [P.TRIENAL, [2026, 2029, 2032, 2033]],
    [P.CUATRIENAL, [2027, 2031, 2033]],
    [P.QUINQUENAL, [2028, 2033]],
    [P.ANUAL, [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033]],
  ])('%s reports in %j of a 2024 + 10 plan', (periodicity, years) => {
    expect(reportingYears(periodicity, horizon)).toEqual(years);
    expect(isPeriodOf(periodicity, horizon, years[0], periodCodes(periodicity)[0])).toBe(true);
    expect(isPeriodOf(periodicity, horizon, years[0] - 1, periodCodes(periodicity)[0])).toBe(periodicity === P.ANUAL && years[0] > 2024);
  });

  it('a span is closed only on its last day', () => {
    expect(closedPeriods(P.BIENAL, horizon, '2025-12-30')).toEqual([]);
    expect(closedPeriods(P.BIENAL, horizon, '2025-12-31').map((p) => p.code)).toEqual(['BIENIO']);
    expect(() => periodsOf(P.BIENAL, 2025)).toThrow(RangeError); // spans need the horizon
  });
});

describe('§2-3 default goals and figures of the new periodicities', () => {
  runProductCases(
    [
      [
        'SUMA CUATRIMESTRAL: MP = g·4/12; at 31 Aug D = 40·8/12',
        { periodicity: P.CUATRIMESTRAL, goals: yearGoals({ 2024: 30, 2025: 30 }), reports: reports([2024, 'C1', 10], [2024, 'C2', 5]) },
        '2024-08-31',
        { due: true, light: MEDIO, D: 20, A: 15, r: 0.75, p: 0.75, G: 60, c: 0.25, i: 20 / 60 },
      ],
      [
        'SUMA BIMESTRAL: B3 ends 30 June',
        {
          periodicity: P.BIMESTRAL,
          goals: yearGoals({ 2024: 12, 2025: 12 }),
          reports: reports([2024, 'B1', 2], [2024, 'B2', 2], [2024, 'B3', 2]),
        },
        '2024-06-30',
        { due: true, light: ALTO, D: 6, A: 6, r: 1, p: 1 },
      ],
      [
        'SUMA BIENAL: the span 2024-2025 has the goal 10 + 10; not due before 31 Dec 2025',
        { periodicity: P.BIENAL, goals: yearGoals({ 2024: 10, 2025: 10 }), reports: reports([2025, 'BIENIO', 15]) },
        '2025-06-30',
        { due: false, light: NOT_DUE, D: null, A: 0, G: 20, c: 0, i: 0 },
      ],
      [
        'SUMA BIENAL at the end of the span',
        { periodicity: P.BIENAL, goals: yearGoals({ 2024: 10, 2025: 10 }), reports: reports([2025, 'BIENIO', 15]) },
        '2025-12-31',
        { due: true, light: MEDIO, D: 20, A: 15, r: 0.75, p: 0.75, G: 20, c: 0.75, i: 1 },
      ],
      [
        'CRECIENTE BIENAL: the span goal is its last year goal',
        {
          annualizationType: CRECIENTE,
          periodicity: P.BIENAL,
          baseline: 10,
          goals: yearGoals({ 2024: 20, 2025: 30 }),
          reports: reports([2025, 'BIENIO', 25]),
        },
        '2025-12-31',
        { due: true, light: MEDIO, D: 30, A: 25, r: 0.75, p: 0.75, G: 30, c: 0.75, i: 1 },
      ],
      [
        'a BIENIO report for a year where no span ends is ignored',
        { periodicity: P.BIENAL, goals: yearGoals({ 2024: 10, 2025: 10 }), reports: reports([2024, 'BIENIO', 15]) },
        '2025-12-31',
        { due: true, light: BAJO, A: 0, missing: true },
      ],
    ],
    {},
  );
});

describe('§3 a missing report never improves a level indicator', () => {
  const decreasing = { annualizationType: DECRECIENTE, baseline: 100, goals: yearGoals({ 2024: 90, 2025: 80 }) };
  runProductCases([
    [
      'DECRECIENTE (B 100, goal 80), year unreported, nothing ever reported: A = B, p = 0 (was ratio 5, ALTO)',
      decreasing,
      '2025-12-31',
      { due: true, light: BAJO, D: 80, A: 100, r: 0, p: 0, c: 0, i: 1, over: false, missing: true },
    ],
    [
      'DECRECIENTE, 2025 unreported: 2024 level 95 carries forward',
      { ...decreasing, reports: reports([2024, 'ANUAL', 95]) },
      '2025-12-31',
      { due: true, light: BAJO, D: 80, A: 95, r: 0.25, p: 0.25, c: 0.25, missing: true },
    ],
    [
      'CRECIENTE (B 10, goals 30 / 50), 2025 unreported: 2024 level 30 carries forward',
      { annualizationType: CRECIENTE, baseline: 10, goals: yearGoals({ 2024: 30, 2025: 50 }), reports: reports([2024, 'ANUAL', 30]) },
      '2025-12-31',
      { due: true, light: BAJO, D: 50, A: 30, r: 0.5, p: 0.5, c: 0.5, missing: true },
    ],
    [
      'CONSTANTE 100, 2025 unreported: 2024 level 90 carries forward',
      { annualizationType: CONSTANTE, goals: yearGoals({ 2024: 100, 2025: 100 }), reports: reports([2024, 'ANUAL', 90]) },
      '2025-12-31',
      { due: true, light: ALTO, D: 100, A: 90, r: 0.9, p: 0.9, missing: true },
    ],
    [
      'CONSTANTE never reported: A = 0',
      { annualizationType: CONSTANTE, goals: yearGoals({ 2024: 100, 2025: 100 }) },
      '2025-12-31',
      { due: true, light: BAJO, A: 0, p: 0, missing: true },
    ],
  ]);
});

describe('§2 a 0 yearly goal of a level series means "not programmed"', () => {
  runProductCases(
    [
      [
        'CRECIENTE goals 4, 5, 0, 0, 0 (B 2): 2026 holds 5, so D = 5 and a report of 5 meets it (was D = 0, ALTO for anything)',
        {
          annualizationType: CRECIENTE,
          baseline: 2,
          goals: yearGoals({ 2024: 4, 2025: 5, 2026: 0, 2027: 0, 2028: 0 }),
          reports: reports([2026, 'ANUAL', 3.5]),
        },
        '2026-12-31',
        { due: true, light: BAJO, D: 5, A: 3.5, r: 0.5, p: 0.5, G: 5, c: 0.5, i: 1 },
      ],
      [
        'CONSTANTE goals 0, 80: 2024 not programmed, no goal yet → NOT_DUE',
        { annualizationType: CONSTANTE, goals: yearGoals({ 2024: 0, 2025: 80 }), reports: reports([2024, 'ANUAL', 50]) },
        '2024-12-31',
        { due: false, light: NOT_DUE, G: 80 },
      ],
      [
        'DECRECIENTE to zero (final goal 0 given) keeps its zeros',
        {
          annualizationType: DECRECIENTE,
          baseline: 4,
          finalGoal: 0,
          goals: yearGoals({ 2024: 2, 2025: 0, 2026: 0, 2027: 0, 2028: 0 }),
          reports: reports([2025, 'ANUAL', 1]),
        },
        '2025-12-31',
        { due: true, light: MEDIO, D: 0, A: 1, r: 0.75, p: 0.75 },
      ],
      [
        'SUMA keeps a 0 yearly goal as a goal of 0 (not due that year)',
        { goals: yearGoals({ 2024: 0, 2025: 10 }) },
        '2024-12-31',
        { due: false, light: NOT_DUE, G: 10 },
      ],
    ],
    { vigencias: 5 },
  );
});

describe('V16 DECRECIENTE without baseline: figures null with a reason', () => {
  it('is not due, has no ratio, c = i = 0, and says why', () => {
    const result = computeProductProgress(
      policy(),
      product({
        annualizationType: DECRECIENTE,
        baseline: null,
        goals: yearGoals({ 2024: 80, 2025: 70 }),
        reports: reports([2024, 'ANUAL', 85]),
      }),
      '2024-12-31',
    );
    expect(result).toMatchObject({
      due: false,
      ratio: null,
      toDate: null,
      goalToDate: null,
      trafficLight: NOT_DUE,
      unmeasuredReason: 'LINEA_BASE_FALTANTE',
    });
    expect(result.cumulative).toEqual({ progress: 0, ideal: 0, gap: 0 });
  });
});

describe('§7-8 withdrawn products weigh 0 from their date', () => {
  const items = [
    policyProduct({ id: 1, weight: 0.5, goals: yearGoals({ 2024: 10 }), reports: reports([2024, 'ANUAL', 10]) }),
    policyProduct({ id: 2, weight: 0.3, goals: yearGoals({ 2024: 10 }), reports: reports([2024, 'ANUAL', 5]) }),
    policyProduct({ id: 3, weight: 0.2, goals: yearGoals({ 2024: 10 }), withdrawnFrom: '2024-07-01' }),
  ];
  // cut, weights, total toDate progress, productCount, withdrawnCount
  it.each([
    ['2024-06-30', [0.5, 0.3, 0.2], 0, 3, 0],
    ['2024-12-31', [0.5, 0.3, 0], 0.5 + 0.3 * 0.5, 2, 1],
  ])('at %s: weights %j, progress %d, %i products counted, %i withdrawn', (cut, weights, progress, count, withdrawn) => {
    const result = computePolicyProgress(policy(), items, cut);
    expect([1, 2, 3].map((id) => result.products.get(id)!.weight)).toEqual(weights);
    expect(result.total.toDate.progress).toBeCloseTo(progress, 12);
    expect(result.total.productCount).toBe(count);
    expect(result.total.withdrawnCount).toBe(withdrawn);
  });

  it('equal and priority weights are shared by the vigente products only', () => {
    const equal = computeWeights(
      [
        { id: 1, weight: null, priority: null },
        { id: 2, weight: null, priority: null },
        { id: 3, weight: null, priority: null, withdrawnFrom: '2024-01-01' },
      ],
      '2024-12-31',
    );
    expect([...equal.values()]).toEqual([0.5, 0.5, 0]);
  });

  it('explicit weights of 1/28 each add up to 1 within 1e-12', () => {
    const weights = computeWeights(Array.from({ length: 28 }, (_, i) => ({ id: i, weight: 1 / 28, priority: null })));
    expect(Math.abs([...weights.values()].reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
  });
});

describe('§2-4 results are measured with the same functions as products', () => {
  it('PolicyProgress.results aggregates the result indicators apart from the products', () => {
    const result = {
      ...product({
        id: 50,
        annualizationType: CRECIENTE,
        baseline: 0,
        goals: yearGoals({ 2024: 10 }),
        reports: reports([2024, 'ANUAL', 8]),
      }),
      objectiveId: 1,
    };
    const out = computePolicyProgress(
      policy(),
      [policyProduct({ id: 1, goals: yearGoals({ 2024: 10 }), reports: reports([2024, 'ANUAL', 10]) })],
      '2024-12-31',
      [result],
    );
    expect(out.resultsById.get(50)!.progress).toEqual(computeProductProgress(policy(), result, '2024-12-31'));
    expect(out.results).toMatchObject({ productCount: 1, weight: 1, lights: { alto: 1, medio: 0, bajo: 0, notDue: 0 } });
    expect(out.results.toDate.progress).toBeCloseTo(0.8, 12);
    expect(out.total.toDate.progress).toBe(1);
  });
});

describe('§13 scale check: once per series', () => {
  const horizon = { startYear: 2024, vigencias: 4 };
  // name, product, unit, finding, count
  const cases: [string, ProductCalcInput, string, ScaleFinding | null, number][] = [
    [
      'goal 34.6, report 0.3005 (343 095 %)',
      product({ annualizationType: CONSTANTE, goals: yearGoals({ 2024: 34.6 }), reports: reports([2024, 'ANUAL', 0.3005]) }),
      '%',
      'REPORTE_CIEN_VECES_MENOR',
      1,
    ],
    [
      'goals as fractions, every report ×100',
      product({
        annualizationType: CONSTANTE,
        goals: yearGoals({ 2024: 0.5, 2025: 0.6 }),
        reports: reports([2024, 'ANUAL', 48], [2025, 'ANUAL', 61]),
      }),
      'número',
      'REPORTE_CIEN_VECES_MAYOR',
      2,
    ],
    [
      '% goals 0.5 next to 60, 70',
      product({ annualizationType: CRECIENTE, goals: yearGoals({ 2024: 0.5, 2025: 60, 2026: 70 }) }),
      '%',
      'FRACCIONES_Y_PORCENTAJES',
      1,
    ],
    [
      'SDP writes 100 % as 1 everywhere: consistent, no finding',
      product({ annualizationType: CONSTANTE, goals: yearGoals({ 2024: 1, 2025: 1 }), reports: reports([2024, 'ANUAL', 0.95]) }),
      '%',
      null,
      0,
    ],
    [
      'a plain shortfall is not a scale problem',
      product({ goals: yearGoals({ 2024: 100 }), reports: reports([2024, 'ANUAL', 40]) }),
      'número',
      null,
      0,
    ],
    [
      'a report of 0 is never flagged',
      product({ goals: yearGoals({ 2024: 100 }), reports: reports([2024, 'ANUAL', 0]) }),
      'número',
      null,
      0,
    ],
  ];
  it.each(cases)('%s', (_name, p, unit, finding, count) => {
    const out = checkScale(horizon, p, unit);
    expect(out?.finding ?? null).toBe(finding);
    expect(out?.count ?? 0).toBe(count);
  });

  // an import works out the goals' part once per product and compares each report with it as the
  // reports come (scaleOfReport): the same finding as the whole check
  it.each(cases)('%s: goals once, then the reports one by one (as an import does)', (_name, p, unit) => {
    const goals = scaleGoals(horizon, p, unit);
    const whole = checkScale(horizon, p, unit);
    expect(checkScaleReports(goals, p.reports)).toEqual(whole);
    const flagged = goals.goalFinding ? [] : p.reports.map((r) => scaleOfReport(goals, r)).filter((f) => f !== null);
    expect(flagged.length).toBe(whole?.reportIndex === null ? 0 : (whole?.count ?? 0));
    expect(checkScaleReports(goals, [])).toEqual(goals.goalFinding);
  });
});
