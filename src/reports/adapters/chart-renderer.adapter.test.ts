import { cumulativeProgressChart, objectivesChart, sectorsChart, toDateProgressChart, trafficLightChart } from '../../charts';
import { chartFontFiles, renderChart } from './chart-renderer.adapter';
import { existsSync } from 'node:fs';

const options = [
  ['chart 1', cumulativeProgressChart({ progress: 0.2435, ideal: 0.157, gap: 0.0865 })],
  ['chart 2', toDateProgressChart({ progress: 0.576, ideal: 0.64, gap: -0.064 })],
  ['chart 3', objectivesChart([{ number: 1, toDate: { progress: 0.2, ideal: 0.2, gap: 0 } }])],
  ['chart 4', trafficLightChart({ shares: { green: 0.86, yellow: 0.07, red: 0.07 } })],
  ['chart 5', sectorsChart([{ name: 'Integración Social – niñez', productCount: 5, lights: { alto: 2, medio: 1, bajo: 1, notDue: 1 } }])],
] as const;

describe('chart renderer (ECharts SSR SVG → resvg PNG, bundled DejaVu fonts)', () => {
  it('ships its fonts in node_modules (no system fonts, works offline)', () => {
    expect(chartFontFiles().map((f) => existsSync(f))).toEqual([true, true]);
  });

  it.each(options)('%s: an SVG with the Spanish labels and a PNG of twice its size, the same bytes every time', (_name, option) => {
    const a = renderChart(option, { width: 600, height: 300 });
    const b = renderChart(option, { width: 600, height: 300 });
    expect(a.svg.startsWith('<svg')).toBe(true);
    expect(a.svg).not.toMatch(/NaN|undefined/);
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.png.readUInt32BE(16)).toBe(1200);
    expect(a.png.readUInt32BE(20)).toBe(600);
  });

  it('writes accented labels as text the font can draw', () => {
    const { svg } = renderChart(options[4][1], { width: 600, height: 300 });
    expect(svg).toContain('Integración Social – niñez (5)');
    expect(svg).toContain('font-family:DejaVu Sans');
  });
});
