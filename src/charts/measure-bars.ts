/**
 * Shared shape of charts 1 and 2 (seed 001): three bars — progress, ideal trajectory and gap — of one
 * measure, each labelled with its percentage.
 */
import type { EChartsOption } from 'echarts';
import { formatPercent } from '../formatting/number-format';
import type { Measure } from './chart.types';
import { AXIS_COLOR, baseOption, gapColor, LABELS, MEASURE_COLORS, percentAxisLabel } from './chart-theme';

export interface MeasureBarsOptions {
  title?: string;
  /** Decimals of the progress and ideal labels. */
  decimals: number;
  /** Decimals of the gap label. */
  gapDecimals: number;
}

export function measureBarsOption(measure: Measure, options: MeasureBarsOptions): EChartsOption {
  const bars = [
    { name: LABELS.progress, value: measure.progress, color: MEASURE_COLORS.progress, decimals: options.decimals },
    { name: LABELS.ideal, value: measure.ideal, color: MEASURE_COLORS.ideal, decimals: options.decimals },
    { name: LABELS.gap, value: measure.gap, color: gapColor(measure.gap), decimals: options.gapDecimals },
  ];
  return {
    ...baseOption(options.title),
    grid: { left: 16, right: 16, top: options.title ? 48 : 28, bottom: 16, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: (v) => formatPercent(Number(v), options.decimals) },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.name),
      axisTick: { show: false },
      axisLabel: { color: AXIS_COLOR, fontSize: 12 },
    },
    yAxis: {
      type: 'value',
      // Room below a negative gap bar for its label, clear of the category labels.
      boundaryGap: ['12%', '8%'],
      axisLabel: { formatter: percentAxisLabel, color: AXIS_COLOR },
      splitLine: { lineStyle: { color: '#e5e5e5' } },
    },
    series: [
      {
        type: 'bar',
        name: LABELS.progress,
        barWidth: '45%',
        data: bars.map((b) => ({
          name: b.name,
          value: b.value,
          itemStyle: { color: b.color },
          label: {
            show: true,
            position: b.value < 0 ? 'bottom' : 'top',
            formatter: formatPercent(b.value, b.decimals),
            fontSize: 13,
            fontWeight: 'bold',
          },
        })),
      },
    ],
  };
}
