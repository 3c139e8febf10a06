import { toDateProgressChart } from './to-date-progress-chart';
import { LIGHT_COLORS } from './chart-theme';

const NBSP = '\u00a0';

describe('toDateProgressChart (chart 2)', () => {
  it.each([
    // seed 001: 57,6 % vs 64,0 %, negative gap 6,4 %
    [{ progress: 0.576, ideal: 0.64, gap: -0.064 }, ['57,6', '64,0', '-6,4']],
    [{ progress: 0.6, ideal: 0.8, gap: -0.2 }, ['60,0', '80,0', '-20,0']],
    [{ progress: 1, ideal: 1, gap: 0 }, ['100,0', '100,0', '0,0']],
  ])('%p → labels %p', (measure, labels) => {
    const option = toDateProgressChart(measure) as any;
    expect(option.animation).toBe(false);
    const data = option.series[0].data;
    expect(data.map((d: any) => d.name)).toEqual(['Avance', 'Trayectoria ideal', 'Brecha']);
    expect(data.map((d: any) => d.value)).toEqual([measure.progress, measure.ideal, measure.gap]);
    expect(data.map((d: any) => d.label.formatter)).toEqual(labels.map((l) => `${l}${NBSP}%`));
    expect(data[2].itemStyle.color).toBe(LIGHT_COLORS.red);
    expect(option.tooltip.valueFormatter(measure.progress)).toBe(`${labels[0]}${NBSP}%`);
  });
});
