import { cumulativeProgressChart } from './cumulative-progress-chart';
import { LIGHT_COLORS, MEASURE_COLORS } from './chart-theme';

const NBSP = '\u00a0';

describe('cumulativeProgressChart (chart 1)', () => {
  it.each([
    // seed 001's headline: 24,35 % vs 15,70 %, positive gap 8,6 %
    [{ progress: 0.2435, ideal: 0.157, gap: 0.0865 }, ['24,35', '15,70', '8,7'], MEASURE_COLORS.positiveGap],
    [{ progress: 0.2375, ideal: 0.35, gap: -0.1125 }, ['23,75', '35,00', '-11,3'], LIGHT_COLORS.red],
    [{ progress: 0, ideal: 0, gap: 0 }, ['0,00', '0,00', '0,0'], LIGHT_COLORS.red],
  ])('%p → labels %p', (measure, labels, gapColour) => {
    const option = cumulativeProgressChart(measure) as any;
    expect(option.animation).toBe(false);
    expect(option.xAxis.data).toEqual(['Avance', 'Trayectoria ideal', 'Brecha']);
    const data = option.series[0].data;
    expect(data.map((d: any) => d.value)).toEqual([measure.progress, measure.ideal, measure.gap]);
    expect(data.map((d: any) => d.label.formatter)).toEqual(labels.map((l) => `${l}${NBSP}%`));
    expect(data[0].itemStyle.color).toBe(MEASURE_COLORS.progress);
    expect(data[1].itemStyle.color).toBe(MEASURE_COLORS.ideal);
    expect(data[2].itemStyle.color).toBe(gapColour);
    expect(data[2].label.position).toBe(measure.gap < 0 ? 'bottom' : 'top');
    expect(option.yAxis.axisLabel.formatter(0.25)).toBe(`25${NBSP}%`);
  });

  it('draws a title only when asked', () => {
    expect((cumulativeProgressChart({ progress: 0, ideal: 0, gap: 0 }) as any).title).toBeUndefined();
    expect((cumulativeProgressChart({ progress: 0, ideal: 0, gap: 0 }, { title: 'Avance acumulado' }) as any).title.text).toBe(
      'Avance acumulado',
    );
  });
});
