/** computeProductProgress: the rules of calculation.md §2-5 per annualization type and goal kind. */
import { AnnualizationType, Periodicity, TrafficLight } from '../domain/enums';
import { runProductCases } from './product-cases.test-support';
import { reports, yearGoals } from './test-fixtures';

const { CONSTANTE, CRECIENTE, DECRECIENTE } = AnnualizationType;
const { SEMESTRAL, TRIMESTRAL, MENSUAL } = Periodicity;
const { ALTO, MEDIO, BAJO, NOT_DUE } = TrafficLight;

const run = runProductCases;

describe('computeProductProgress — every annualization type', () => {
  run([
    [
      'SUMA annual, first year',
      { goals: yearGoals({ 2024: 10, 2025: 10 }), reports: reports([2024, 'ANUAL', 8]) },
      '2024-12-31',
      { due: true, light: ALTO, D: 10, A: 8, G: 20, r: 0.8, p: 0.8, c: 0.4, i: 0.5, over: false, missing: false },
    ],
    [
      'SUMA annual, both years add up',
      { goals: yearGoals({ 2024: 10, 2025: 10 }), reports: reports([2024, 'ANUAL', 8], [2025, 'ANUAL', 12]) },
      '2025-12-31',
      { due: true, light: ALTO, D: 20, A: 20, G: 20, r: 1, p: 1, c: 1, i: 1 },
    ],
    [
      'SUMA monthly: D = 100·9/12 exactly, p = 0.75 is MEDIO',
      {
        periodicity: MENSUAL,
        goals: yearGoals({ 2024: 100, 2025: 100 }),
        reports: reports(...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((m): [number, string, number] => [2024, `M0${m}`, 6.25])),
      },
      '2024-09-30',
      { due: true, light: MEDIO, D: 75, A: 56.25, r: 0.75, p: 0.75, G: 200, c: 0.28125, i: 0.375 },
    ],
    [
      'CONSTANTE annual',
      { annualizationType: CONSTANTE, goals: yearGoals({ 2024: 100, 2025: 100 }), reports: reports([2024, 'ANUAL', 90]) },
      '2024-12-31',
      { due: true, light: ALTO, D: 100, A: 90, G: 100, r: 0.9, p: 0.9, c: 0.9, i: 1 },
    ],
    [
      'CONSTANTE second year: level moves 100 → 90, A = latest report',
      {
        annualizationType: CONSTANTE,
        goals: yearGoals({ 2024: 100, 2025: 90 }),
        reports: reports([2024, 'ANUAL', 100], [2025, 'ANUAL', 81]),
      },
      '2025-12-31',
      { due: true, light: ALTO, D: 90, A: 81, G: 90, r: 0.9, p: 0.9, c: 0.9, i: 1 },
    ],
    [
      'CRECIENTE annual',
      { annualizationType: CRECIENTE, baseline: 10, goals: yearGoals({ 2024: 30, 2025: 50 }), reports: reports([2024, 'ANUAL', 25]) },
      '2024-12-31',
      { due: true, light: MEDIO, D: 30, A: 25, G: 50, r: 0.75, p: 0.75, c: 0.375, i: 0.5 },
    ],
    [
      'CRECIENTE semestral, second year S1',
      {
        annualizationType: CRECIENTE,
        periodicity: SEMESTRAL,
        baseline: 10,
        goals: yearGoals({ 2024: 30, 2025: 50 }),
        reports: reports([2024, 'S2', 30], [2025, 'S1', 34]),
      },
      '2025-06-30',
      { due: true, light: ALTO, D: 40, A: 34, G: 50, r: 0.8, p: 0.8, c: 0.6, i: 0.75 },
    ],
    [
      'CRECIENTE above the final goal: capped, over-executed',
      { annualizationType: CRECIENTE, baseline: 10, goals: yearGoals({ 2024: 30, 2025: 50 }), reports: reports([2024, 'ANUAL', 70]) },
      '2024-12-31',
      { due: true, light: ALTO, D: 30, r: 3, p: 1, c: 1, i: 0.5, over: true },
    ],
    [
      'DECRECIENTE annual',
      {
        annualizationType: DECRECIENTE,
        baseline: 1000,
        goals: yearGoals({ 2024: 900, 2025: 750 }),
        reports: reports([2024, 'ANUAL', 950]),
      },
      '2024-12-31',
      { due: true, light: BAJO, D: 900, A: 950, G: 750, r: 0.5, p: 0.5, c: 0.2, i: 0.4 },
    ],
    [
      'DECRECIENTE quarterly, T3 of the second year',
      {
        annualizationType: DECRECIENTE,
        periodicity: TRIMESTRAL,
        baseline: 1000,
        goals: yearGoals({ 2024: 900, 2025: 750 }),
        reports: reports([2025, 'T3', 800]),
      },
      '2025-09-30',
      { due: true, light: ALTO, D: 787.5, A: 800, G: 750, r: 200 / 212.5, p: 200 / 212.5, c: 0.8, i: 0.85, missing: false },
    ],
    [
      'DECRECIENTE worse than the baseline: r < 0, p = 0',
      {
        annualizationType: DECRECIENTE,
        periodicity: TRIMESTRAL,
        baseline: 1000,
        goals: yearGoals({ 2024: 900, 2025: 750 }),
        reports: reports([2025, 'T3', 1100]),
      },
      '2025-09-30',
      { due: true, light: BAJO, D: 787.5, r: -100 / 212.5, p: 0, c: 0, i: 0.85 },
    ],
  ]);
});

describe('computeProductProgress — explicit vs default period goals', () => {
  run([
    [
      'SUMA semestral, default S1 = g·6/12',
      { periodicity: SEMESTRAL, goals: yearGoals({ 2024: 100, 2025: 100 }), reports: reports([2024, 'S1', 20]) },
      '2024-06-30',
      { due: true, light: BAJO, D: 50, r: 0.4, G: 200 },
    ],
    [
      'SUMA semestral, explicit S1 = 20 overrides the default',
      {
        periodicity: SEMESTRAL,
        goals: [...yearGoals({ 2024: 100, 2025: 100 }), { year: 2024, period: 'S1', value: 20 }],
        reports: reports([2024, 'S1', 20]),
      },
      '2024-06-30',
      { due: true, light: ALTO, D: 20, r: 1, G: 200, c: 0.1, i: 0.1 },
    ],
    [
      'SUMA semestral, explicit S1 then default S2: D = 20 + 50',
      {
        periodicity: SEMESTRAL,
        goals: [...yearGoals({ 2024: 100, 2025: 100 }), { year: 2024, period: 'S1', value: 20 }],
        reports: reports([2024, 'S1', 20], [2024, 'S2', 50]),
      },
      '2024-12-31',
      { due: true, light: ALTO, D: 70, A: 70, r: 1 },
    ],
    [
      'CRECIENTE, explicit T2 = 12 (default would be 20)',
      {
        annualizationType: CRECIENTE,
        periodicity: TRIMESTRAL,
        baseline: 10,
        goals: [...yearGoals({ 2024: 30, 2025: 50 }), { year: 2024, period: 'T2', value: 12 }],
        reports: reports([2024, 'T2', 14]),
      },
      '2024-06-30',
      { due: true, light: ALTO, D: 12, r: 2, p: 1, over: true },
    ],
    [
      'a goal whose period does not match the periodicity is ignored',
      {
        periodicity: SEMESTRAL,
        goals: [...yearGoals({ 2024: 100, 2025: 100 }), { year: 2024, period: 'T1', value: 5 }],
        reports: reports([2024, 'S1', 50]),
      },
      '2024-06-30',
      { due: true, light: ALTO, D: 50, r: 1 },
    ],
    [
      'SUMA with period goals only in 2024: g_2024 = S1 + S2',
      {
        periodicity: SEMESTRAL,
        goals: [{ year: 2024, period: 'S1', value: 30 }, { year: 2024, period: 'S2', value: 70 }, ...yearGoals({ 2025: 100 })],
        reports: reports([2024, 'S1', 30]),
      },
      '2024-06-30',
      { due: true, light: ALTO, D: 30, r: 1, G: 200, c: 0.15, i: 0.15 },
    ],
    [
      'CRECIENTE with period goals only in 2024: prev of 2025 = goal of 2024 S2',
      {
        annualizationType: CRECIENTE,
        periodicity: SEMESTRAL,
        goals: [{ year: 2024, period: 'S1', value: 40 }, { year: 2024, period: 'S2', value: 60 }, ...yearGoals({ 2025: 100 })],
        reports: reports([2025, 'S1', 80]),
      },
      '2025-06-30',
      { due: true, light: ALTO, D: 80, r: 1, G: 100, c: 0.8, i: 0.8 },
    ],
    [
      'goals outside the horizon are ignored (G not inflated)',
      { goals: yearGoals({ 2023: 500, 2024: 10, 2025: 10, 2026: 500 }), reports: reports([2024, 'ANUAL', 10]) },
      '2024-12-31',
      { due: true, light: ALTO, D: 10, G: 20 },
    ],
    [
      'a final goal given in the plan is used as is',
      { finalGoal: 40, goals: yearGoals({ 2024: 10, 2025: 10 }), reports: reports([2024, 'ANUAL', 10]) },
      '2024-12-31',
      { due: true, light: ALTO, G: 40, c: 0.25, i: 0.25 },
    ],
  ]);
});

describe('computeProductProgress — first-year prev', () => {
  run([
    [
      'CONSTANTE: prev = g_y, S1 goal = 100',
      {
        annualizationType: CONSTANTE,
        periodicity: SEMESTRAL,
        goals: yearGoals({ 2024: 100, 2025: 100 }),
        reports: reports([2024, 'S1', 50]),
      },
      '2024-06-30',
      { due: true, light: BAJO, D: 100, r: 0.5 },
    ],
    [
      'CRECIENTE: prev = B (absent → 0), S1 goal = 50',
      {
        annualizationType: CRECIENTE,
        periodicity: SEMESTRAL,
        goals: yearGoals({ 2024: 100, 2025: 100 }),
        reports: reports([2024, 'S1', 50]),
      },
      '2024-06-30',
      { due: true, light: ALTO, D: 50, r: 1, G: 100, c: 0.5, i: 0.5 },
    ],
    [
      'CRECIENTE with goals from 2025 only: prev = B',
      {
        annualizationType: CRECIENTE,
        periodicity: SEMESTRAL,
        baseline: 20,
        goals: yearGoals({ 2025: 60 }),
        reports: reports([2025, 'S1', 40]),
      },
      '2025-06-30',
      { due: true, light: ALTO, D: 40, r: 1, G: 60, c: 0.5, i: 0.5 },
    ],
    [
      '… and not due in 2024, yet c is measured from its latest report',
      {
        annualizationType: CRECIENTE,
        periodicity: SEMESTRAL,
        baseline: 20,
        goals: yearGoals({ 2025: 60 }),
        reports: reports([2024, 'S2', 25]),
      },
      '2024-12-31',
      { due: false, light: NOT_DUE, A: 25, G: 60, c: 0.125, i: 0 },
    ],
    [
      'CONSTANTE with goals from 2025 only: prev = g_2025',
      { annualizationType: CONSTANTE, periodicity: SEMESTRAL, goals: yearGoals({ 2025: 80 }), reports: reports([2025, 'S1', 80]) },
      '2025-06-30',
      { due: true, light: ALTO, D: 80, r: 1 },
    ],
  ]);
});

describe('computeProductProgress — D = B and G = B', () => {
  const growing = { annualizationType: CRECIENTE, baseline: 50, goals: yearGoals({ 2024: 50, 2025: 60 }) };
  const falling = { annualizationType: DECRECIENTE, baseline: 50, goals: yearGoals({ 2024: 50, 2025: 40 }) };
  const flatUp = { annualizationType: CRECIENTE, baseline: 50, goals: yearGoals({ 2024: 50, 2025: 50 }) };
  const flatDown = { annualizationType: DECRECIENTE, baseline: 50, goals: yearGoals({ 2024: 50, 2025: 50 }) };
  run([
    [
      'CRECIENTE D = B, A = D: met, r = 1',
      { ...growing, reports: reports([2024, 'ANUAL', 50]) },
      '2024-12-31',
      { due: true, light: ALTO, D: 50, r: 1, c: 0, i: 0 },
    ],
    [
      'CRECIENTE D = B, A > D: met, r = 1',
      { ...growing, reports: reports([2024, 'ANUAL', 55]) },
      '2024-12-31',
      { due: true, light: ALTO, r: 1, c: 0.5, i: 0 },
    ],
    [
      'CRECIENTE D = B, A < D: not met, r = 0',
      { ...growing, reports: reports([2024, 'ANUAL', 45]) },
      '2024-12-31',
      { due: true, light: BAJO, r: 0, p: 0, c: 0 },
    ],
    [
      'DECRECIENTE D = B, A < D: met, r = 1',
      { ...falling, reports: reports([2024, 'ANUAL', 45]) },
      '2024-12-31',
      { due: true, light: ALTO, r: 1, c: 0.5 },
    ],
    [
      'DECRECIENTE D = B, A > D: not met, r = 0',
      { ...falling, reports: reports([2024, 'ANUAL', 55]) },
      '2024-12-31',
      { due: true, light: BAJO, r: 0, c: 0 },
    ],
    [
      'CRECIENTE G = B, met: c = 1, i = 1',
      { ...flatUp, reports: reports([2024, 'ANUAL', 50]) },
      '2024-12-31',
      { due: true, light: ALTO, r: 1, G: 50, c: 1, i: 1 },
    ],
    [
      'CRECIENTE G = B, not met: c = 0, i = 1',
      { ...flatUp, reports: reports([2024, 'ANUAL', 40]) },
      '2024-12-31',
      { due: true, light: BAJO, r: 0, c: 0, i: 1 },
    ],
    [
      'DECRECIENTE G = B, met: c = 1, i = 1',
      { ...flatDown, reports: reports([2024, 'ANUAL', 40]) },
      '2024-12-31',
      { due: true, light: ALTO, r: 1, c: 1, i: 1 },
    ],
    [
      'G = B before anything is due: c = 0, i = 0',
      { ...flatUp, reports: reports([2024, 'ANUAL', 50]) },
      '2024-06-30',
      { due: false, light: NOT_DUE, c: 0, i: 0 },
    ],
  ]);
});
