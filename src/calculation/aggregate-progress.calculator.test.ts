import { AnnualizationType, Periodicity, TrafficLight } from '../domain/enums';
import { aggregateProgress, computePolicyProgress, computeProductProgress, PolicyProductInput, ProductProgressResult } from './index';
import { policy, policyProduct, reports, yearGoals } from './test-fixtures';

const CUT = '2024-12-31';

/** A minimal product result for aggregation tests. */
function result(
  light: TrafficLight,
  p: number | null,
  c: number,
  i: number,
  flags: { over?: boolean; missing?: boolean; pending?: boolean } = {},
): ProductProgressResult {
  const due = p !== null;
  return {
    cut: CUT,
    due,
    goalToDate: due ? 1 : null,
    achieved: 0,
    finalGoal: 1,
    ratio: p,
    toDate: due ? { progress: p, ideal: 1, gap: p - 1 } : null,
    cumulative: { progress: c, ideal: i, gap: c - i },
    unmeasuredReason: null,
    trafficLight: light,
    overExecution: flags.over ?? false,
    missingReport: flags.missing ?? false,
    pendingReview: flags.pending ?? false,
  };
}

describe('aggregateProgress', () => {
  it('an empty set: zeros everywhere, shares 0', () => {
    expect(aggregateProgress([], CUT)).toEqual({
      cut: CUT,
      weight: 0,
      productCount: 0,
      toDate: { progress: 0, ideal: 0, gap: 0 },
      cumulative: { progress: 0, ideal: 0, gap: 0 },
      lights: { alto: 0, medio: 0, bajo: 0, notDue: 0 },
      shares: { green: 0, yellow: 0, red: 0 },
      missingReportCount: 0,
      overExecutionCount: 0,
      pendingReviewCount: 0,
      withdrawnCount: 0,
    });
  });

  // items [light, p, c, i, weight], expected [W, toDate progress, toDate ideal, cum progress, cum ideal, green, yellow, red]
  it.each([
    [
      'only due products count in the to-date ideal',
      [
        [TrafficLight.ALTO, 0.9, 0.5, 0.4, 0.5],
        [TrafficLight.NOT_DUE, null, 0.1, 0, 0.5],
      ],
      [1, 0.45, 0.5, 0.3, 0.2, 1, 0, 0],
    ],
    [
      'weights in policy units (a subset)',
      [
        [TrafficLight.MEDIO, 0.6, 0.3, 0.5, 0.1],
        [TrafficLight.BAJO, 0.2, 0.1, 0.5, 0.3],
      ],
      [0.4, 0.12, 0.4, 0.06, 0.2, 0, 0.5, 0.5],
    ],
    [
      'NOT_DUE counted green in the shares',
      [
        [TrafficLight.NOT_DUE, null, 0, 0, 0.25],
        [TrafficLight.NOT_DUE, null, 0, 0, 0.25],
        [TrafficLight.BAJO, 0, 0, 0.5, 0.25],
        [TrafficLight.ALTO, 1, 1, 0.5, 0.25],
      ],
      [1, 0.25, 0.5, 0.25, 0.25, 0.75, 0, 0.25],
    ],
  ] as [string, [TrafficLight, number | null, number, number, number][], number[]][])('%s', (_name, rows, expected) => {
    const aggregate = aggregateProgress(
      rows.map(([light, p, c, i, weight]) => ({ progress: result(light, p, c, i), weight })),
      CUT,
    );
    const [w, tp, ti, cp, ci, green, yellow, red] = expected;
    expect(aggregate.productCount).toBe(rows.length);
    expect(aggregate.weight).toBeCloseTo(w, 12);
    expect(aggregate.toDate.progress).toBeCloseTo(tp, 12);
    expect(aggregate.toDate.ideal).toBeCloseTo(ti, 12);
    expect(aggregate.toDate.gap).toBeCloseTo(tp - ti, 12);
    expect(aggregate.toDate.gap).toBeLessThanOrEqual(0);
    expect(aggregate.cumulative.progress).toBeCloseTo(cp, 12);
    expect(aggregate.cumulative.ideal).toBeCloseTo(ci, 12);
    expect(aggregate.cumulative.gap).toBeCloseTo(cp - ci, 12);
    expect(aggregate.shares.green).toBeCloseTo(green, 12);
    expect(aggregate.shares.yellow).toBeCloseTo(yellow, 12);
    expect(aggregate.shares.red).toBeCloseTo(red, 12);
  });

  it('counts lights and flags', () => {
    const aggregate = aggregateProgress(
      [
        { progress: result(TrafficLight.ALTO, 1, 1, 1, { over: true }), weight: 0.25 },
        { progress: result(TrafficLight.BAJO, 0, 0, 1, { missing: true, pending: true }), weight: 0.25 },
        { progress: result(TrafficLight.BAJO, 0.1, 0, 1, { missing: true }), weight: 0.25 },
        { progress: result(TrafficLight.MEDIO, 0.6, 0, 1), weight: 0.25 },
      ],
      CUT,
    );
    expect(aggregate.lights).toEqual({ alto: 1, medio: 1, bajo: 2, notDue: 0 });
    expect(aggregate.missingReportCount).toBe(2);
    expect(aggregate.overExecutionCount).toBe(1);
    expect(aggregate.pendingReviewCount).toBe(1);
  });

  it('cumulative gap can be positive (ahead of the trajectory)', () => {
    const aggregate = aggregateProgress([{ progress: result(TrafficLight.ALTO, 1, 0.6, 0.5), weight: 1 }], CUT);
    expect(aggregate.cumulative.gap).toBeCloseTo(0.1, 12);
  });
});

describe('computePolicyProgress', () => {
  const { SUMA, CRECIENTE } = AnnualizationType;
  const products: PolicyProductInput[] = [
    policyProduct({
      id: 10,
      objectiveId: 2,
      sectorId: 7,
      entityId: 100,
      priority: 3,
      goals: yearGoals({ 2024: 10, 2025: 10 }),
      reports: reports([2024, 'ANUAL', 10]),
    }),
    policyProduct({
      id: 11,
      objectiveId: 1,
      sectorId: 7,
      entityId: 101,
      priority: 1,
      goals: yearGoals({ 2024: 10, 2025: 10 }),
      reports: reports([2024, 'ANUAL', 4]),
    }),
    policyProduct({
      id: 12,
      objectiveId: 1,
      sectorId: null,
      entityId: 100,
      priority: 2,
      annualizationType: CRECIENTE,
      baseline: 0,
      periodicity: Periodicity.SEMESTRAL,
      goals: yearGoals({ 2024: 20, 2025: 40 }),
      reports: reports([2024, 'S1', 5]),
    }),
    policyProduct({
      id: 13,
      objectiveId: 2,
      sectorId: 8,
      entityId: 102,
      priority: 2,
      annualizationType: SUMA,
      goals: yearGoals({ 2025: 5 }),
    }),
  ];
  const progress = computePolicyProgress(policy(), products, CUT);

  it('computes every product once with the priority weights', () => {
    expect(progress.products.size).toBe(4);
    expect(progress.products.get(10)!.weight).toBeCloseTo(3 / 8, 12);
    expect(progress.products.get(11)!.weight).toBeCloseTo(1 / 8, 12);
    expect(progress.products.get(12)!.weight).toBeCloseTo(2 / 8, 12);
    for (const product of products) {
      expect(progress.products.get(product.id)!.progress).toEqual(computeProductProgress(policy(), product, CUT));
    }
  });

  it('groups by objective, sector (null left out) and entity, in ascending id order', () => {
    expect(progress.byObjective.map((g) => [g.objectiveId, g.progress.productCount])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(progress.bySector.map((g) => [g.sectorId, g.progress.productCount])).toEqual([
      [7, 2],
      [8, 1],
    ]);
    expect(progress.byEntity.map((g) => [g.entityId, g.progress.productCount])).toEqual([
      [100, 2],
      [101, 1],
      [102, 1],
    ]);
  });

  it('the objectives add up to the policy (policy-weight units)', () => {
    const add = (key: 'weight' | 'toDateProgress' | 'toDateIdeal' | 'cumProgress' | 'cumIdeal'): number =>
      progress.byObjective.reduce(
        (total, { progress: p }) =>
          total +
          {
            weight: p.weight,
            toDateProgress: p.toDate.progress,
            toDateIdeal: p.toDate.ideal,
            cumProgress: p.cumulative.progress,
            cumIdeal: p.cumulative.ideal,
          }[key],
        0,
      );
    expect(add('weight')).toBeCloseTo(progress.total.weight, 12);
    expect(add('toDateProgress')).toBeCloseTo(progress.total.toDate.progress, 12);
    expect(add('toDateIdeal')).toBeCloseTo(progress.total.toDate.ideal, 12);
    expect(add('cumProgress')).toBeCloseTo(progress.total.cumulative.progress, 12);
    expect(add('cumIdeal')).toBeCloseTo(progress.total.cumulative.ideal, 12);
  });

  it('policy figures by hand', () => {
    // 10: p = 1, c = 0.5, i = 0.5; 11: p = 0.4, c = 0.2, i = 0.5;
    // 12: CRECIENTE (B = 0): reference period S2 2024 (MP = 20) is unreported → A carries S1's 5,
    //     p = 5/20 = 0.25, missing; c = 5/40, i = 20/40 = 0.5;
    // 13: no goal in 2024 → NOT_DUE.
    const w = [3 / 8, 1 / 8, 2 / 8, 2 / 8];
    expect(progress.products.get(12)!.progress.missingReport).toBe(true);
    expect(progress.total.toDate.progress).toBeCloseTo(w[0] * 1 + w[1] * 0.4 + w[2] * 0.25, 12);
    expect(progress.total.cumulative.ideal).toBeCloseTo(w[0] * 0.5 + w[1] * 0.5 + w[2] * 0.5 + w[3] * 0, 12);
    expect(progress.total.toDate.ideal).toBeCloseTo(w[0] + w[1] + w[2], 12);
    expect(progress.total.lights).toEqual({ alto: 1, medio: 0, bajo: 2, notDue: 1 });
    expect(progress.total.missingReportCount).toBe(1);
  });

  it('rejects a product listed twice', () => {
    expect(() => computePolicyProgress(policy(), [products[0], products[0]], CUT)).toThrow(RangeError);
  });

  it('a policy without products', () => {
    const empty = computePolicyProgress(policy(), [], CUT);
    expect(empty.total.productCount).toBe(0);
    expect(empty.byObjective).toEqual([]);
    expect(empty.products.size).toBe(0);
  });
});
