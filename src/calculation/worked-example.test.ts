/**
 * The worked example of docs/calculation.md §9, reproduced to 1e-9: 5 products with equal
 * weights 0.2, policy starting 2024 with 2 vigencias, cut 2024-06-30.
 */
import { AnnualizationType, Periodicity, TrafficLight } from '../domain/enums';
import { computePolicyProgress, computeWeights, PolicyProductInput } from './index';
import { policy, policyProduct, reports, yearGoals } from './test-fixtures';

const CUT = '2024-06-30';
const POLICY = policy({ startYear: 2024, vigencias: 2 });

const { SUMA, CONSTANTE, CRECIENTE } = AnnualizationType;
const { SEMESTRAL, TRIMESTRAL, ANUAL } = Periodicity;

const PRODUCTS: PolicyProductInput[] = [
  policyProduct({
    id: 1, // A
    annualizationType: SUMA,
    periodicity: SEMESTRAL,
    goals: yearGoals({ 2024: 100, 2025: 100 }),
    reports: reports([2024, 'S1', 70]),
  }),
  policyProduct({
    id: 2, // B
    annualizationType: SUMA,
    periodicity: TRIMESTRAL,
    goals: yearGoals({ 2024: 40, 2025: 40 }),
    reports: reports([2024, 'T1', 5], [2024, 'T2', 10]),
  }),
  policyProduct({
    id: 3, // C
    annualizationType: SUMA,
    periodicity: ANUAL,
    goals: yearGoals({ 2024: 10, 2025: 10 }),
  }),
  policyProduct({
    id: 4, // D
    annualizationType: CONSTANTE,
    periodicity: SEMESTRAL,
    goals: yearGoals({ 2024: 100, 2025: 100 }),
    reports: reports([2024, 'S1', 45]),
  }),
  policyProduct({
    id: 5, // E
    annualizationType: CRECIENTE,
    periodicity: TRIMESTRAL,
    baseline: 10,
    goals: yearGoals({ 2024: 30, 2025: 50 }),
    reports: reports([2024, 'T1', 14], [2024, 'T2', 18]),
  }),
];

// product, D (null = not due), r, p, light, c, i, overExecution, G
const ROWS: [string, number, number | null, number | null, number | null, TrafficLight, number, number, boolean, number][] = [
  ['A', 1, 50, 1.4, 1, TrafficLight.ALTO, 0.35, 0.25, true, 200],
  ['B', 2, 20, 0.75, 0.75, TrafficLight.MEDIO, 0.1875, 0.25, false, 80],
  ['C', 3, null, null, null, TrafficLight.NOT_DUE, 0, 0, false, 20],
  ['D', 4, 100, 0.45, 0.45, TrafficLight.BAJO, 0.45, 1, false, 100],
  ['E', 5, 20, 0.8, 0.8, TrafficLight.ALTO, 0.2, 0.25, false, 50],
];

describe('calculation.md §8 worked example', () => {
  const result = computePolicyProgress(POLICY, PRODUCTS, CUT);

  it('gives equal weights 0.2 (no explicit weights, no priorities)', () => {
    for (const weight of computeWeights(PRODUCTS).values()) expect(weight).toBeCloseTo(0.2, 9);
    for (const { weight } of result.products.values()) expect(weight).toBeCloseTo(0.2, 9);
  });

  it.each(ROWS)('product %s (id %i): D=%p r=%p p=%p %s c=%p i=%p', (_name, id, d, r, p, light, c, i, over, g) => {
    const { progress } = result.products.get(id)!;
    expect(progress.cut).toBe(CUT);
    expect(progress.due).toBe(d !== null);
    if (d === null) {
      expect(progress.goalToDate).toBeNull();
      expect(progress.ratio).toBeNull();
      expect(progress.toDate).toBeNull();
    } else {
      expect(progress.goalToDate).toBeCloseTo(d, 9);
      expect(progress.ratio).toBeCloseTo(r!, 9);
      expect(progress.toDate!.progress).toBeCloseTo(p!, 9);
      expect(progress.toDate!.ideal).toBe(1);
      expect(progress.toDate!.gap).toBeCloseTo(p! - 1, 9);
    }
    expect(progress.trafficLight).toBe(light);
    expect(progress.cumulative.progress).toBeCloseTo(c, 9);
    expect(progress.cumulative.ideal).toBeCloseTo(i, 9);
    expect(progress.cumulative.gap).toBeCloseTo(c - i, 9);
    expect(progress.overExecution).toBe(over);
    expect(progress.missingReport).toBe(false);
    expect(progress.finalGoal).toBeCloseTo(g, 9);
  });

  it('policy totals', () => {
    const total = result.total;
    expect(total.cut).toBe(CUT);
    expect(total.productCount).toBe(5);
    expect(total.weight).toBeCloseTo(1, 9);
    expect(total.toDate.progress).toBeCloseTo(0.6, 9);
    expect(total.toDate.ideal).toBeCloseTo(0.8, 9);
    expect(total.toDate.gap).toBeCloseTo(-0.2, 9);
    expect(total.cumulative.progress).toBeCloseTo(0.2375, 9);
    expect(total.cumulative.ideal).toBeCloseTo(0.35, 9);
    expect(total.cumulative.gap).toBeCloseTo(-0.1125, 9);
  });

  it('policy lights, shares and flags', () => {
    const total = result.total;
    expect(total.lights).toEqual({ alto: 2, medio: 1, bajo: 1, notDue: 1 });
    expect(total.shares.green).toBeCloseTo(0.6, 9);
    expect(total.shares.yellow).toBeCloseTo(0.2, 9);
    expect(total.shares.red).toBeCloseTo(0.2, 9);
    expect(total.overExecutionCount).toBe(1);
    expect(total.missingReportCount).toBe(0);
  });

  it('one objective, sector and entity holding every product equal the total', () => {
    expect(result.byObjective).toHaveLength(1);
    expect(result.bySector).toHaveLength(1);
    expect(result.byEntity).toHaveLength(1);
    expect(result.byObjective[0].progress).toEqual(result.total);
  });
});
