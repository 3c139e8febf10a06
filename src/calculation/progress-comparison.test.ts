import { TrafficLight } from '../domain/enums';
import { changedFields, compareProducts } from './progress-comparison';
import { ProductProgressResult, WeightedProgress } from './types';

function figures(over: Partial<ProductProgressResult> = {}, weight = 0.5): WeightedProgress {
  return {
    weight,
    progress: {
      cut: '2024-12-31',
      due: true,
      goalToDate: 10,
      achieved: 6,
      finalGoal: 20,
      ratio: 0.6,
      toDate: { progress: 0.6, ideal: 1, gap: -0.4 },
      cumulative: { progress: 0.3, ideal: 0.5, gap: -0.2 },
      trafficLight: TrafficLight.MEDIO,
      overExecution: false,
      missingReport: false,
      pendingReview: false,
      unmeasuredReason: null,
      ...over,
    },
  };
}

describe('changedFields', () => {
  it.each([
    ['identical', figures(), []],
    ['noise below 1e-12 is no change', figures({ achieved: 6 + 1e-15 }), []],
    [
      'a new approved value',
      figures({
        achieved: 9,
        ratio: 0.9,
        toDate: { progress: 0.9, ideal: 1, gap: -0.1 },
        cumulative: { progress: 0.45, ideal: 0.5, gap: -0.05 },
        trafficLight: TrafficLight.ALTO,
      }),
      ['achieved', 'ratio', 'progress', 'cumulative', 'trafficLight'],
    ],
    ['a value now waiting for review', figures({ pendingReview: true }), ['pendingReview']],
    ['the weight changed', figures({}, 0.25), ['weight']],
    [
      'now missing and not due',
      figures({ due: false, goalToDate: null, ratio: null, toDate: null, trafficLight: TrafficLight.NOT_DUE }),
      ['goalToDate', 'ratio', 'progress', 'due', 'trafficLight'],
    ],
  ] as [string, WeightedProgress, string[]][])('%s', (_name, live, expected) => {
    expect(changedFields(figures(), live)).toEqual(expected);
  });
});

describe('compareProducts', () => {
  it('lists changed, added and removed products by id; equal ones are left out', () => {
    const published = new Map([
      [1, figures()],
      [2, figures()],
      [3, figures()],
    ]);
    const live = new Map([
      [1, figures()],
      [2, figures({ achieved: 7 })],
      [4, figures()],
    ]);
    expect(compareProducts(published, live).map((c) => [c.productId, c.kind, c.fields])).toEqual([
      [2, 'CHANGED', ['achieved']],
      [3, 'REMOVED', []],
      [4, 'ADDED', []],
    ]);
  });
});
