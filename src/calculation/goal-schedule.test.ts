/** buildGoalSchedule: yearly goals, final goal G and the period goals MP (calculation.md §2). */
import { AnnualizationType, Periodicity } from '../domain/enums';
import { buildGoalSchedule, ProductCalcInput } from './index';
import { policy, product, yearGoals } from './test-fixtures';

const { CONSTANTE, CRECIENTE, DECRECIENTE } = AnnualizationType;
const { SEMESTRAL, TRIMESTRAL, MENSUAL } = Periodicity;

describe('buildGoalSchedule — default period goals MP', () => {
  const goalsOf = (overrides: Partial<ProductCalcInput>): (number | null)[] =>
    buildGoalSchedule(policy(), product(overrides)).periods.map((p) => p.goal);

  it.each([
    ['SUMA quarterly: g·3/12', { periodicity: TRIMESTRAL, goals: yearGoals({ 2024: 40, 2025: 80 }) }, [10, 10, 10, 10, 20, 20, 20, 20]],
    ['SUMA semestral: g·6/12', { periodicity: SEMESTRAL, goals: yearGoals({ 2024: 100, 2025: 60 }) }, [50, 50, 30, 30]],
    ['SUMA annual: g', { goals: yearGoals({ 2024: 7, 2025: 9 }) }, [7, 9]],
    [
      'CONSTANTE semestral: first year flat, then 100 → 80',
      { annualizationType: CONSTANTE, periodicity: SEMESTRAL, goals: yearGoals({ 2024: 100, 2025: 80 }) },
      [100, 100, 90, 80],
    ],
    [
      'CRECIENTE quarterly from B = 10',
      { annualizationType: CRECIENTE, periodicity: TRIMESTRAL, baseline: 10, goals: yearGoals({ 2024: 30, 2025: 50 }) },
      [15, 20, 25, 30, 35, 40, 45, 50],
    ],
    [
      'DECRECIENTE semestral from B = 1000',
      { annualizationType: DECRECIENTE, periodicity: SEMESTRAL, baseline: 1000, goals: yearGoals({ 2024: 900, 2025: 750 }) },
      [950, 900, 825, 750],
    ],
    ['a year without a goal has no period goals', { periodicity: SEMESTRAL, goals: yearGoals({ 2025: 10 }) }, [null, null, 5, 5]],
  ])('%s', (_name, overrides, expected) => {
    const goals = goalsOf(overrides as Partial<ProductCalcInput>);
    expect(goals).toHaveLength(expected.length);
    goals.forEach((goal, k) => (expected[k] === null ? expect(goal).toBeNull() : expect(goal).toBeCloseTo(expected[k] as number, 9)));
  });

  it('monthly DECRECIENTE: M01 = 990, M06 = 940, M12 = 880 (B = 1000, g = 880)', () => {
    const periods = buildGoalSchedule(
      policy(),
      product({ annualizationType: DECRECIENTE, periodicity: MENSUAL, baseline: 1000, goals: yearGoals({ 2024: 880 }) }),
    ).periods;
    expect(periods[0].goal).toBeCloseTo(990, 9);
    expect(periods[5].goal).toBeCloseTo(940, 9);
    expect(periods[11].goal).toBeCloseTo(880, 9);
  });

  it('marks explicit goals and derives G per type', () => {
    const schedule = buildGoalSchedule(
      policy(),
      product({
        periodicity: SEMESTRAL,
        goals: [...yearGoals({ 2024: 100, 2025: 100 }), { year: 2025, period: 'S2', value: 70 }, { year: 2025, period: '', value: 100 }],
      }),
    );
    expect(schedule.periods.map((p) => p.explicit)).toEqual([false, false, false, true]);
    expect(schedule.finalGoal).toBe(200);
    const level = buildGoalSchedule(policy(), product({ annualizationType: CRECIENTE, goals: yearGoals({ 2024: 30, 2025: 50 }) }));
    expect(level.finalGoal).toBe(50);
  });
});
