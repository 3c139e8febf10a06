/** Builders shared by the calculation tests (test-only; not exported from index.ts). */
import { AnnualizationType, Periodicity, TrafficLight } from '../domain/enums';
import { PolicyCalcInput, PolicyProductInput, ProductCalcInput, ProductProgressResult } from './types';

/** A policy 2024-2025 with the default thresholds. */
export function policy(overrides: Partial<PolicyCalcInput> = {}): PolicyCalcInput {
  return { startYear: 2024, vigencias: 2, highThreshold: 0.75, mediumThreshold: 0.5, ...overrides };
}

/** A SUMA/ANUAL product with no goals and no reports unless overridden. */
export function product(overrides: Partial<ProductCalcInput> = {}): ProductCalcInput {
  return {
    id: 1,
    annualizationType: AnnualizationType.SUMA,
    periodicity: Periodicity.ANUAL,
    baseline: null,
    finalGoal: null,
    weight: null,
    priority: null,
    goals: [],
    reports: [],
    ...overrides,
  };
}

/** Whole-year goals g_y from a { year: value } record. */
export function yearGoals(values: Record<number, number>): ProductCalcInput['goals'] {
  return Object.entries(values).map(([year, value]) => ({ year: Number(year), period: null, value }));
}

/** Reports from [year, period, value] triples. */
export function reports(...rows: [number, string, number][]): ProductCalcInput['reports'] {
  return rows.map(([year, period, value]) => ({ year, period, value }));
}

export function policyProduct(overrides: Partial<PolicyProductInput> & Pick<PolicyProductInput, 'id'>): PolicyProductInput {
  return { objectiveId: 1, sectorId: 1, entityId: 1, ...product(overrides), ...overrides };
}

/** Figures of a product result a test may check; only the keys given are compared. */
export interface ExpectedFigures {
  due: boolean;
  light: TrafficLight;
  /** D(t) */
  D?: number | null;
  /** A(t) */
  A?: number;
  /** G */
  G?: number;
  r?: number | null;
  p?: number | null;
  c?: number;
  i?: number;
  over?: boolean;
  missing?: boolean;
}

const round9 = (value: unknown): unknown => (typeof value === 'number' ? Math.round(value * 1e9) / 1e9 + 0 : value);

/** The expected figures with numbers rounded to 9 decimals (compare with `figuresOf`). */
export function rounded(expected: ExpectedFigures): Record<string, unknown> {
  return Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, round9(value)]));
}

/** The result's figures named as in ExpectedFigures, restricted to the expected keys, rounded to 9 decimals. */
export function figuresOf(result: ProductProgressResult, expected: ExpectedFigures): Record<string, unknown> {
  const actual: Record<keyof ExpectedFigures, unknown> = {
    due: result.due,
    light: result.trafficLight,
    D: result.goalToDate,
    A: result.achieved,
    G: result.finalGoal,
    r: result.ratio,
    p: result.toDate?.progress ?? null,
    c: result.cumulative.progress,
    i: result.cumulative.ideal,
    over: result.overExecution,
    missing: result.missingReport,
  };
  return Object.fromEntries(Object.keys(expected).map((key) => [key, round9(actual[key as keyof ExpectedFigures])]));
}

/** Invariants every product result keeps (an empty list when all hold). */
export function invariantViolations(result: ProductProgressResult): string[] {
  const violations: string[] = [];
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-12;
  if (!near(result.cumulative.gap, result.cumulative.progress - result.cumulative.ideal)) violations.push('cumulative gap ≠ c - i');
  if (result.due) {
    if (result.toDate === null || result.ratio === null || result.goalToDate === null) violations.push('due without figures');
    else {
      if (result.toDate.ideal !== 1) violations.push('to-date ideal ≠ 1');
      if (!near(result.toDate.gap, result.toDate.progress - 1)) violations.push('to-date gap ≠ p - 1');
      if (result.toDate.progress < 0 || result.toDate.progress > 1) violations.push('p outside [0, 1]');
    }
    if (result.trafficLight === TrafficLight.NOT_DUE) violations.push('due but NOT_DUE');
  } else {
    if (result.toDate !== null || result.ratio !== null || result.goalToDate !== null) violations.push('not due with to-date figures');
    if (result.trafficLight !== TrafficLight.NOT_DUE) violations.push('not due but lit');
    if (result.overExecution || result.missingReport) violations.push('not due but flagged');
  }
  return violations;
}
