/**
 * Chart 5 of the follow-up report (seed 001, "Gráfico 5. Productos por sector responsable"): the number of
 * products of each sector, stacked by light (green = ALTO + NOT_DUE, as the office counts them; yellow =
 * MEDIO; red = BAJO). Sectors are drawn in the order given, the first on top.
 */
import type { EChartsOption } from 'echarts';
import { formatNumber } from '../formatting/number-format';
import type { ChartCommonOptions, SectorChartItem } from './chart.types';
import { AXIS_COLOR, baseOption, LABELS, LIGHT_COLORS } from './chart-theme';

/** Category label of a sector: its name and how many products it has, `Salud (4)`. */
export function sectorLabel(sector: SectorChartItem): string {
  return `${sector.name} (${formatNumber(sector.productCount)})`;
}

/** A height in pixels that fits `sectorCount` bars with their labels and the legend. */
export function sectorsChartHeight(sectorCount: number): number {
  return Math.max(220, 90 + 34 * sectorCount);
}

function segment(value: number) {
  return { value, label: { show: value > 0, formatter: formatNumber(value), fontSize: 11 } };
}

export function sectorsChart(sectors: readonly SectorChartItem[], options: ChartCommonOptions = {}): EChartsOption {
  const stacks = [
    { name: LABELS.alto, color: LIGHT_COLORS.green, value: (s: SectorChartItem) => s.lights.alto + s.lights.notDue, labelColor: '#ffffff' },
    { name: LABELS.medio, color: LIGHT_COLORS.yellow, value: (s: SectorChartItem) => s.lights.medio, labelColor: '#222222' },
    { name: LABELS.bajo, color: LIGHT_COLORS.red, value: (s: SectorChartItem) => s.lights.bajo, labelColor: '#ffffff' },
  ];
  return {
    ...baseOption(options.title),
    legend: { bottom: 0, data: stacks.map((s) => s.name) },
    grid: { left: 16, right: 24, top: options.title ? 48 : 16, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sectors.map(sectorLabel),
      axisTick: { show: false },
      axisLabel: { color: AXIS_COLOR, fontSize: 12 },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: AXIS_COLOR, formatter: (v: number) => formatNumber(v) },
      splitLine: { lineStyle: { color: '#e5e5e5' } },
    },
    series: stacks.map((st) => ({
      type: 'bar' as const,
      name: st.name,
      stack: 'productos',
      barMaxWidth: 26,
      itemStyle: { color: st.color },
      label: { position: 'inside' as const, color: st.labelColor },
      data: sectors.map((s) => segment(st.value(s))),
    })),
  };
}
