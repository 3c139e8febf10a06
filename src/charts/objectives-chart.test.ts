import { objectivesChart } from './objectives-chart';
import { MEASURE_COLORS } from './chart-theme';

const NBSP = '\u00a0';
const pct = (s: string) => `${s}${NBSP}%`;

describe('objectivesChart (chart 3)', () => {
  it.each([
    [
      'seed 001 objectives',
      [
        { number: 1, toDate: { progress: 0.2, ideal: 0.2, gap: 0 } },
        { number: 2, name: 'Oferta institucional', toDate: { progress: 0.25, ideal: 0.27, gap: -0.02 } },
        { number: 3, toDate: { progress: 0.126, ideal: 0.17, gap: -0.044 } },
      ],
      ['Objetivo 1', 'Objetivo 2', 'Objetivo 3'],
      [
        ['20,0', '27,0', '17,0'],
        ['20,0', '25,0', '12,6'],
        ['0,0', '-2,0', '-4,4'],
      ],
    ],
    ['no objectives', [], [], [[], [], []]],
  ])('%s', (_name, objectives, categories, labels) => {
    const option = objectivesChart(objectives) as any;
    expect(option.animation).toBe(false);
    expect(option.xAxis.data).toEqual(categories);
    expect(option.series.map((s: any) => s.name)).toEqual(['Trayectoria ideal', 'Avance', 'Brecha']);
    expect(option.series[0].itemStyle.color).toBe(MEASURE_COLORS.ideal);
    expect(option.series[1].itemStyle.color).toBe(MEASURE_COLORS.progress);
    expect(option.series[0].data.map((d: any) => d.value)).toEqual(objectives.map((o) => o.toDate.ideal));
    expect(option.series[1].data.map((d: any) => d.value)).toEqual(objectives.map((o) => o.toDate.progress));
    expect(option.series[2].data.map((d: any) => d.value)).toEqual(objectives.map((o) => o.toDate.gap));
    option.series.forEach((s: any, i: number) => expect(s.data.map((d: any) => d.label.formatter)).toEqual(labels[i].map(pct)));
    for (const d of option.series[2].data) expect(d.itemStyle.color).toBe(MEASURE_COLORS.negativeGap);
    expect(option.legend.data).toEqual(['Trayectoria ideal', 'Avance', 'Brecha']);
  });
});
