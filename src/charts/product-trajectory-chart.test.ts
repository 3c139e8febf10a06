import { productTrajectoryChart, TRAJECTORY_LABELS } from './product-trajectory-chart';
import { MEASURE_COLORS } from './chart-theme';

describe('productTrajectoryChart (product page)', () => {
  it.each([
    // one point per closed period; nothing due yet → no goal point
    [[{ label: '2024 T1', achieved: 0, goalToDate: null }], [null], [0], ['2024 T1']],
    [
      [
        { label: '2024 S1', achieved: 120, goalToDate: 100 },
        { label: '2024 S2', achieved: 180.5, goalToDate: 250 },
      ],
      [100, 250],
      [120, 180.5],
      ['2024 S1', '2024 S2'],
    ],
    [[], [], [], []],
  ])('%p → goal %p, achieved %p', (points, goals, achieved, labels) => {
    const option = productTrajectoryChart(points) as any;
    expect(option.animation).toBe(false);
    expect(option.xAxis.data).toEqual(labels);
    expect(option.series.map((s: any) => s.name)).toEqual([TRAJECTORY_LABELS.goal, TRAJECTORY_LABELS.achieved]);
    expect(option.series[0].data).toEqual(goals);
    expect(option.series[1].data).toEqual(achieved);
    expect(option.series[1].itemStyle.color).toBe(MEASURE_COLORS.progress);
  });

  it.each([
    [1234.5, '1.234,5'],
    [null, '—'],
    [0.125, '0,13'],
  ])('tooltip writes %p as %p', (value, text) => {
    expect((productTrajectoryChart([]) as any).tooltip.valueFormatter(value)).toBe(text);
  });
});
