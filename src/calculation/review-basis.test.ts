/**
 * Figures on a review basis (docs/calculation.md §10, docs/review.md): the caller chooses the values
 * (approved ones, or the latest sent) and names the periods waiting for review; the calculation
 * flags pendingReview when such a period is closed at the cut and counts the flags in aggregates.
 */
import { AnnualizationType, Periodicity, TrafficLight } from '../domain/enums';
import { computePolicyProgress } from './aggregate-progress.calculator';
import { computeProductProgress } from './product-progress.calculator';
import { policy, policyProduct, product, reports, yearGoals } from './test-fixtures';
import { PeriodRef, ProductCalcInput } from './types';

const SEMESTERS: Partial<ProductCalcInput> = { periodicity: Periodicity.SEMESTRAL, goals: yearGoals({ 2024: 10, 2025: 10 }) };
const pending = (...refs: [number, string][]): PeriodRef[] => refs.map(([year, period]) => ({ year, period }));

// [name, overrides (reports = the basis' values), cut, expected { missing, pending, A, light }]
const CASES: [string, Partial<ProductCalcInput>, string, { missing: boolean; pending: boolean; A: number; light: TrafficLight }][] = [
  [
    'APPROVED: the only report is pending → not counted, missing, flagged',
    { ...SEMESTERS, reports: [], pendingReports: pending([2024, 'S1']) },
    '2024-06-30',
    { missing: true, pending: true, A: 0, light: TrafficLight.BAJO },
  ],
  [
    'SUBMITTED: the same pending report is counted, still flagged',
    { ...SEMESTERS, reports: reports([2024, 'S1', 5]), pendingReports: pending([2024, 'S1']) },
    '2024-06-30',
    { missing: false, pending: true, A: 5, light: TrafficLight.ALTO },
  ],
  [
    'APPROVED: a changed value waiting keeps the last approved one',
    { ...SEMESTERS, reports: reports([2024, 'S1', 3]), pendingReports: pending([2024, 'S1']) },
    '2024-06-30',
    { missing: false, pending: true, A: 3, light: TrafficLight.MEDIO },
  ],
  [
    'a pending period not yet closed at the cut does not flag',
    { ...SEMESTERS, reports: reports([2024, 'S1', 5]), pendingReports: pending([2024, 'S2']) },
    '2024-06-30',
    { missing: false, pending: false, A: 5, light: TrafficLight.ALTO },
  ],
  [
    'a pending code foreign to the periodicity is ignored, like its value',
    { ...SEMESTERS, reports: reports([2024, 'S1', 5]), pendingReports: pending([2024, 'T1']) },
    '2024-12-31',
    { missing: true, pending: false, A: 5, light: TrafficLight.BAJO },
  ],
  [
    'no pending list: never flagged',
    { ...SEMESTERS, reports: reports([2024, 'S1', 5], [2024, 'S2', 5]) },
    '2024-12-31',
    { missing: false, pending: false, A: 10, light: TrafficLight.ALTO },
  ],
  [
    'an unmeasurable DECRECIENTE still says a value waits',
    {
      annualizationType: AnnualizationType.DECRECIENTE,
      baseline: null,
      goals: yearGoals({ 2024: 5 }),
      reports: [],
      pendingReports: pending([2024, 'ANUAL']),
    },
    '2024-12-31',
    { missing: false, pending: true, A: 0, light: TrafficLight.NOT_DUE },
  ],
];

describe('pendingReview on a basis', () => {
  it.each(CASES)('%s', (_name, overrides, cut, expected) => {
    const result = computeProductProgress(policy(), product(overrides), cut);
    expect({ missing: result.missingReport, pending: result.pendingReview, A: result.achieved, light: result.trafficLight }).toEqual(
      expected,
    );
  });

  it('aggregates count pendingReview per set, withdrawn products left out', () => {
    const progress = computePolicyProgress(
      policy(),
      [
        policyProduct({ id: 1, ...SEMESTERS, objectiveId: 1, pendingReports: pending([2024, 'S1']) }),
        policyProduct({ id: 2, ...SEMESTERS, objectiveId: 2, pendingReports: pending([2024, 'S1']) }),
        policyProduct({ id: 3, ...SEMESTERS, objectiveId: 2, reports: reports([2024, 'S1', 5]) }),
        policyProduct({ id: 4, ...SEMESTERS, objectiveId: 2, pendingReports: pending([2024, 'S1']), withdrawnFrom: '2024-01-01' }),
      ],
      '2024-06-30',
    );
    expect(progress.total.pendingReviewCount).toBe(2);
    expect(progress.total.missingReportCount).toBe(2);
    expect(progress.byObjective.map((o) => [o.objectiveId, o.progress.pendingReviewCount])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});
