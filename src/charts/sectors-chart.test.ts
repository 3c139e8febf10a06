import { sectorsChart, sectorsChartHeight } from './sectors-chart';
import { LIGHT_COLORS } from './chart-theme';

describe('sectorsChart (chart 5)', () => {
  it.each([
    [
      'three sectors, NOT_DUE stacked with green',
      [
        { name: 'Integración Social', productCount: 5, lights: { alto: 2, medio: 1, bajo: 1, notDue: 1 } },
        { name: 'Gobierno', productCount: 4, lights: { alto: 1, medio: 0, bajo: 0, notDue: 3 } },
        { name: 'Salud', productCount: 1, lights: { alto: 0, medio: 1, bajo: 0, notDue: 0 } },
      ],
      ['Integración Social (5)', 'Gobierno (4)', 'Salud (1)'],
      [
        [3, 4, 0],
        [1, 0, 1],
        [1, 0, 0],
      ],
    ],
    ['no sectors', [], [], [[], [], []]],
  ])('%s', (_name, sectors, categories, stacks) => {
    const option = sectorsChart(sectors) as any;
    expect(option.animation).toBe(false);
    expect(option.yAxis.data).toEqual(categories);
    expect(option.yAxis.inverse).toBe(true);
    expect(option.series.map((s: any) => s.name)).toEqual(['Alto', 'Medio', 'Bajo']);
    expect(option.series.map((s: any) => s.itemStyle.color)).toEqual([LIGHT_COLORS.green, LIGHT_COLORS.yellow, LIGHT_COLORS.red]);
    expect(option.series.every((s: any) => s.stack === 'productos')).toBe(true);
    option.series.forEach((s: any, i: number) => {
      expect(s.data.map((d: any) => d.value)).toEqual(stacks[i]);
      expect(s.data.map((d: any) => d.label.formatter)).toEqual(stacks[i].map(String));
      expect(s.data.map((d: any) => d.label.show)).toEqual(stacks[i].map((v) => v > 0));
    });
  });

  it.each([
    [0, 220],
    [3, 220],
    [10, 430],
  ])('height for %p sectors → %p px', (n, h) => expect(sectorsChartHeight(n)).toBe(h));
});
