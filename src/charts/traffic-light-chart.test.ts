import { trafficLightChart } from './traffic-light-chart';
import { LIGHT_COLORS } from './chart-theme';

const NBSP = '\u00a0';

describe('trafficLightChart (chart 4)', () => {
  it.each([
    [
      'seed 001 shares with counts (NOT_DUE counted green)',
      { shares: { green: 0.8571, yellow: 0.0714, red: 0.0714 }, counts: { alto: 14, medio: 2, bajo: 2, notDue: 10 } },
      [`Alto: 86${NBSP}%\n24 productos`, `Medio: 7${NBSP}%\n2 productos`, `Bajo: 7${NBSP}%\n2 productos`],
      [true, true, true],
    ],
    [
      'shares only, one empty slice',
      { shares: { green: 0.6, yellow: 0.4, red: 0 } },
      [`Alto: 60${NBSP}%`, `Medio: 40${NBSP}%`, `Bajo: 0${NBSP}%`],
      [true, true, false],
    ],
    [
      'one product',
      { shares: { green: 0, yellow: 0, red: 1 }, counts: { alto: 0, medio: 0, bajo: 1, notDue: 0 } },
      [`Alto: 0${NBSP}%\n0 productos`, `Medio: 0${NBSP}%\n0 productos`, `Bajo: 100${NBSP}%\n1 producto`],
      [false, false, true],
    ],
  ])('%s', (_name, input, labels, shown) => {
    const option = trafficLightChart(input) as any;
    expect(option.animation).toBe(false);
    const data = option.series[0].data;
    expect(data.map((d: any) => d.name)).toEqual(['Alto', 'Medio', 'Bajo']);
    expect(data.map((d: any) => d.value)).toEqual([input.shares.green, input.shares.yellow, input.shares.red]);
    expect(data.map((d: any) => d.itemStyle.color)).toEqual([LIGHT_COLORS.green, LIGHT_COLORS.yellow, LIGHT_COLORS.red]);
    expect(data.map((d: any) => d.label.formatter)).toEqual(labels);
    expect(data.map((d: any) => d.label.show)).toEqual(shown);
  });
});
