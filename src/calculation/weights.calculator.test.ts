import { checkWeights, computeWeights, weightBasis, WeightInput } from './index';

const items = (weights: (number | null)[], priorities: (number | null)[] = weights.map(() => null)): WeightInput[] =>
  weights.map((weight, k) => ({ id: k + 1, weight, priority: priorities[k] }));

describe('computeWeights', () => {
  it.each([
    ['explicit weights, used as given', items([0.5, 0.3, 0.2], [1, 2, 3]), 'EXPLICIT', [0.5, 0.3, 0.2]],
    ['from priority: w = priority / Σ priority', items([null, null, null], [1, 2, 3]), 'PRIORITY', [1 / 6, 2 / 6, 3 / 6]],
    ['from equal priorities', items([null, null], [2, 2]), 'PRIORITY', [0.5, 0.5]],
    ['equal: 1 / n', items([null, null, null, null]), 'EQUAL', [0.25, 0.25, 0.25, 0.25]],
    ['partial explicit weights are ignored → priority', items([0.5, null, null], [1, 1, 2]), 'PRIORITY', [0.25, 0.25, 0.5]],
    ['partial priorities are ignored → equal', items([null, null], [3, null]), 'EQUAL', [0.5, 0.5]],
    ['a priority outside 1..3 is not a priority → equal', items([null, null], [1, 4]), 'EQUAL', [0.5, 0.5]],
    ['explicit weights not summing to 1 are not normalised', items([0.5, 0.6]), 'EXPLICIT', [0.5, 0.6]],
  ])('%s', (_name, products, basis, expected) => {
    expect(weightBasis(products)).toBe(basis);
    const weights = computeWeights(products);
    expect([...weights.keys()]).toEqual(products.map((p) => p.id));
    [...weights.values()].forEach((w, k) => expect(w).toBeCloseTo(expected[k], 12));
  });

  it('an empty policy has no weights', () => {
    expect(computeWeights([]).size).toBe(0);
    expect(weightBasis([])).toBe('EQUAL');
  });
});

describe('checkWeights (import check, tolerance 0.001 inclusive)', () => {
  it.each([
    ['exactly 1', [0.5, 0.3, 0.2], 1, true, true],
    ['0.999 is within', [0.5, 0.3, 0.199], 0.999, true, true],
    ['1.001 is within', [0.5, 0.3, 0.201], 1.001, true, true],
    ['0.998 is out', [0.5, 0.3, 0.198], 0.998, false, false],
    ['1.0015 is out', [0.5, 0.5, 0.0015], 1.0015, false, false],
    ['percentages instead of fractions', [50, 30, 20], 100, false, false],
    ['no weights at all: nothing to check', [null, null], 0, false, true],
    ['some missing: rejected even if the sum is 1', [0.5, 0.5, null], 1, true, false],
  ])('%s', (_name, weights, sum, within, ok) => {
    const check = checkWeights(weights.map((weight) => ({ weight })));
    expect(check.sum).toBeCloseTo(sum, 12);
    expect(check.withinTolerance).toBe(within);
    expect(check.ok).toBe(ok);
    expect(check.given + check.missing).toBe(weights.length);
  });
});
