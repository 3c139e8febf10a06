/** Table runner shared by the product-progress test files (jest only; not part of the build). */
import { computeProductProgress } from './product-progress.calculator';
import { ExpectedFigures, figuresOf, invariantViolations, policy, product, rounded } from './test-fixtures';
import { PolicyCalcInput, ProductCalcInput } from './types';

/** [name, product overrides, cut, expected figures (numbers compared to 9 decimals)] */
export type ProductCase = [string, Partial<ProductCalcInput>, string, ExpectedFigures];

/** One test per case: the figures asked for, the cut echoed, and the invariants of every result. */
export function runProductCases(cases: ProductCase[], policyOverrides: Partial<PolicyCalcInput> = {}): void {
  it.each(cases)('%s', (_name, overrides, cut, expected) => {
    const result = computeProductProgress(policy(policyOverrides), product(overrides), cut);
    expect(result.cut).toBe(cut);
    expect(figuresOf(result, expected)).toEqual(rounded(expected));
    expect(invariantViolations(result)).toEqual([]);
  });
}
