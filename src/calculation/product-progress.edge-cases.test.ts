/** computeProductProgress: missing reports, over-execution, products without goals, thresholds, cuts, input checks. */
import { AnnualizationType, Periodicity, TrafficLight } from '../domain/enums';
import { computeProductProgress, ProductCalcInput, trafficLightOf } from './index';
import { runProductCases } from './product-cases.test-support';
import { policy, product, reports, yearGoals } from './test-fixtures';

const { CONSTANTE, CRECIENTE } = AnnualizationType;
const { TRIMESTRAL } = Periodicity;
const { ALTO, MEDIO, BAJO, NOT_DUE } = TrafficLight;

const run = runProductCases;

describe('computeProductProgress — missing reports', () => {
  const quarterly = { periodicity: TRIMESTRAL, goals: yearGoals({ 2024: 40, 2025: 40 }) };
  const growing = { annualizationType: CRECIENTE, periodicity: TRIMESTRAL, baseline: 10, goals: yearGoals({ 2024: 30, 2025: 50 }) };
  run([
    [
      'SUMA: T2 not reported counts 0 and flags missingReport',
      { ...quarterly, reports: reports([2024, 'T1', 10]) },
      '2024-06-30',
      { due: true, light: BAJO, D: 20, A: 10, r: 0.5, missing: true },
    ],
    [
      'SUMA: every closed period reported',
      { ...quarterly, reports: reports([2024, 'T1', 10], [2024, 'T2', 10]) },
      '2024-06-30',
      { due: true, light: ALTO, missing: false },
    ],
    [
      'SUMA: an earlier period missing still flags',
      { ...quarterly, reports: reports([2024, 'T2', 20]) },
      '2024-06-30',
      { due: true, light: ALTO, A: 20, r: 1, missing: true },
    ],
    [
      'SUMA: a period with goal 0 expects no report',
      { ...quarterly, goals: [...quarterly.goals, { year: 2024, period: 'T2', value: 0 }], reports: reports([2024, 'T1', 10]) },
      '2024-06-30',
      { due: true, light: ALTO, D: 10, r: 1, missing: false },
    ],
    [
      'CRECIENTE: latest closed period missing → the last reported level (T1: 14) carries forward, flagged',
      { ...growing, reports: reports([2024, 'T1', 14]) },
      '2024-06-30',
      { due: true, light: BAJO, D: 20, A: 14, r: 0.4, p: 0.4, c: 0.1, i: 0.25, missing: true },
    ],
    [
      'CRECIENTE: only an earlier period missing → not flagged',
      { ...growing, reports: reports([2024, 'T2', 18]) },
      '2024-06-30',
      { due: true, light: ALTO, A: 18, r: 0.8, missing: false },
    ],
    [
      'reports of periods not closed at the cut are ignored',
      { ...quarterly, reports: reports([2024, 'T1', 10], [2024, 'T2', 10], [2024, 'T3', 100]) },
      '2024-06-30',
      { due: true, light: ALTO, A: 20, r: 1, over: false },
    ],
    [
      'reports outside the horizon are ignored',
      { goals: yearGoals({ 2024: 10, 2025: 10 }), reports: reports([2023, 'ANUAL', 50], [2024, 'ANUAL', 10]) },
      '2024-12-31',
      { due: true, light: ALTO, A: 10, r: 1 },
    ],
    [
      'a report whose period does not match the periodicity is ignored',
      { goals: yearGoals({ 2024: 10, 2025: 10 }), reports: reports([2024, 'S1', 50]) },
      '2024-12-31',
      { due: true, light: BAJO, A: 0, r: 0, missing: true },
    ],
  ]);
});

describe('computeProductProgress — over-execution (r > 1.25)', () => {
  const annual = { goals: yearGoals({ 2024: 100, 2025: 100 }) };
  run([
    [
      'r = 1.25 is not over-execution',
      { ...annual, reports: reports([2024, 'ANUAL', 125]) },
      '2024-12-31',
      { due: true, light: ALTO, r: 1.25, p: 1, over: false },
    ],
    [
      'r = 1.26 is over-execution',
      { ...annual, reports: reports([2024, 'ANUAL', 126]) },
      '2024-12-31',
      { due: true, light: ALTO, r: 1.26, p: 1, over: true },
    ],
  ]);
});

describe('computeProductProgress — products with no goals, zero goals, years without a goal', () => {
  run([
    [
      'no goals at all: never due, c = i = 0',
      { reports: reports([2024, 'ANUAL', 5]) },
      '2024-12-31',
      { due: false, light: NOT_DUE, A: 5, G: 0, c: 0, i: 0, D: null, r: null, p: null },
    ],
    [
      'no yearly goals but a final goal: c against G, i = 0',
      { annualizationType: CRECIENTE, finalGoal: 100, reports: reports([2024, 'ANUAL', 40]) },
      '2024-12-31',
      { due: false, light: NOT_DUE, A: 40, G: 100, c: 0.4, i: 0 },
    ],
    [
      'SUMA with goal 0 in its first year is not due',
      { goals: yearGoals({ 2024: 0, 2025: 10 }), reports: reports([2024, 'ANUAL', 3]) },
      '2024-12-31',
      { due: false, light: NOT_DUE, A: 3, G: 10, c: 0.3, i: 0 },
    ],
    [
      '… and due once a goal above zero closes',
      { goals: yearGoals({ 2024: 0, 2025: 10 }), reports: reports([2024, 'ANUAL', 3], [2025, 'ANUAL', 7]) },
      '2025-12-31',
      { due: true, light: ALTO, D: 10, A: 10, r: 1, missing: false },
    ],
    [
      'CONSTANTE with yearly goals 0: not programmed, so no goal at all → NOT_DUE, G = 0, c = i = 0',
      { annualizationType: CONSTANTE, goals: yearGoals({ 2024: 0, 2025: 0 }), reports: reports([2024, 'ANUAL', 0]) },
      '2024-12-31',
      { due: false, light: NOT_DUE, D: null, r: null, G: 0, c: 0, i: 0 },
    ],
    [
      'CONSTANTE with no goal in 2025: reference stays 2024',
      { annualizationType: CONSTANTE, goals: yearGoals({ 2024: 100 }), reports: reports([2024, 'ANUAL', 90], [2025, 'ANUAL', 95]) },
      '2025-12-31',
      { due: true, light: ALTO, D: 100, A: 90, r: 0.9, G: 100, c: 0.9, i: 1 },
    ],
  ]);
});

describe('computeProductProgress — traffic-light thresholds', () => {
  const cases: [number, number, number, TrafficLight][] = [
    [100, 0.75, 0.5, ALTO],
    [75.01, 0.75, 0.5, ALTO],
    [75, 0.75, 0.5, MEDIO], // p = 0.75 is MEDIO
    [50.01, 0.75, 0.5, MEDIO],
    [50, 0.75, 0.5, BAJO], // p = 0.50 is BAJO
    [0, 0.75, 0.5, BAJO],
    [91, 0.9, 0.6, ALTO],
    [90, 0.9, 0.6, MEDIO],
    [80, 0.9, 0.6, MEDIO],
    [60.5, 0.9, 0.6, MEDIO],
    [60, 0.9, 0.6, BAJO],
  ];
  it.each(cases)('report %p of 100 with thresholds %p / %p → %s', (value, high, medium, light) => {
    const result = computeProductProgress(
      policy({ highThreshold: high, mediumThreshold: medium }),
      product({ goals: yearGoals({ 2024: 100, 2025: 100 }), reports: reports([2024, 'ANUAL', value]) }),
      '2024-12-31',
    );
    expect(result.trafficLight).toBe(light);
  });

  it.each([
    [0.7500000000000001, MEDIO], // floating-point noise above a threshold counts as the threshold
    [0.7500001, ALTO],
    [0.5000000000000001, BAJO],
    [0.50001, MEDIO],
    [null, NOT_DUE],
  ])('trafficLightOf(%p) = %s', (p, light) => {
    expect(trafficLightOf(p, { high: 0.75, medium: 0.5 })).toBe(light);
  });

  it('absent thresholds default to 0.75 / 0.50', () => {
    const result = computeProductProgress(
      { startYear: 2024, vigencias: 2, highThreshold: null },
      product({ goals: yearGoals({ 2024: 100 }), reports: reports([2024, 'ANUAL', 75]) }),
      '2024-12-31',
    );
    expect(result.trafficLight).toBe(MEDIO);
  });
});

describe('computeProductProgress — cuts before the start and after the end', () => {
  const quarterly: Partial<ProductCalcInput> = {
    periodicity: TRIMESTRAL,
    goals: yearGoals({ 2024: 40, 2025: 40 }),
    reports: [2024, 2025, 2026].flatMap((year) => ['T1', 'T2', 'T3', 'T4'].map((period) => ({ year, period, value: 10 }))),
  };
  const growing: Partial<ProductCalcInput> = {
    annualizationType: CRECIENTE,
    baseline: 10,
    goals: yearGoals({ 2024: 30, 2025: 50 }),
    reports: reports([2024, 'ANUAL', 30], [2025, 'ANUAL', 45], [2026, 'ANUAL', 60]),
  };
  run([
    [
      'before the policy starts: nothing closed, reports ignored',
      quarterly,
      '2023-12-31',
      { due: false, light: NOT_DUE, A: 0, G: 80, c: 0, i: 0 },
    ],
    ['the day before T1 closes', quarterly, '2024-03-30', { due: false, light: NOT_DUE, A: 0, c: 0, i: 0 }],
    ['the day T1 closes', quarterly, '2024-03-31', { due: true, light: ALTO, D: 10, A: 10, r: 1, c: 0.125, i: 0.125 }],
    [
      'after the end: every period closed, nothing beyond the horizon',
      quarterly,
      '2031-12-31',
      { due: true, light: ALTO, D: 80, A: 80, r: 1, c: 1, i: 1 },
    ],
    [
      'an annual product at 30 June of its first year is NOT_DUE',
      { goals: yearGoals({ 2024: 10 }) },
      '2024-06-30',
      { due: false, light: NOT_DUE, c: 0, i: 0 },
    ],
    [
      'a level product after the end uses the last year of the horizon',
      growing,
      '2030-01-01',
      { due: true, light: ALTO, D: 50, A: 45, r: 0.875, c: 0.875, i: 1 },
    ],
  ]);
});

describe('computeProductProgress — input checks and purity', () => {
  const valid = product({ goals: yearGoals({ 2024: 10 }), reports: reports([2024, 'ANUAL', 5]) });

  it.each(['2024-12-32', '31/12/2024', ''])('rejects the cut %p', (cut) => {
    expect(() => computeProductProgress(policy(), valid, cut)).toThrow(RangeError);
  });

  it('rejects thresholds with medium above high', () => {
    expect(() => computeProductProgress(policy({ highThreshold: 0.5, mediumThreshold: 0.75 }), valid, '2024-12-31')).toThrow(RangeError);
  });

  it('rejects an unknown annualization type', () => {
    const bad = product({ annualizationType: 'PROMEDIO' as AnnualizationType });
    expect(() => computeProductProgress(policy(), bad, '2024-12-31')).toThrow(RangeError);
  });

  it('does not mutate its input and gives the same answer twice', () => {
    const frozen = Object.freeze({ ...valid, goals: Object.freeze([...valid.goals]), reports: Object.freeze([...valid.reports]) });
    const first = computeProductProgress(Object.freeze(policy()), frozen, '2024-12-31');
    expect(computeProductProgress(policy(), frozen, '2024-12-31')).toEqual(first);
  });
});
