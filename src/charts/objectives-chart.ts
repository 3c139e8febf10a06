/**
 * Chart 3 of the follow-up report (seed 001, "Gráfico 3. Avance de la política por objetivos"): per
 * objective, the to-date ideal trajectory (green), the progress (blue) and the gap (red, drawn below the
 * axis), in policy-weight units as the API returns them (the objectives add up to the policy).
 */
import type { EChartsOption } from 'echarts';
import { formatPercent } from '../formatting/number-format';
import type { ChartCommonOptions, ObjectiveChartItem } from './chart.types';
import { AXIS_COLOR, baseOption, gapColor, LABELS, MEASURE_COLORS, percentAxisLabel } from './chart-theme';

const DECIMALS = 1;

/** Category label of an objective: `Objetivo 2`. */
export function objectiveLabel(number: number): string {
  return `Objetivo ${number}`;
}

function barLabel(value: number) {
  return {
    show: true,
    position: value < 0 ? ('bottom' as const) : ('top' as const),
    formatter: formatPercent(value, DECIMALS),
    fontSize: 11,
  };
}

export function objectivesChart(objectives: readonly ObjectiveChartItem[], options: ChartCommonOptions = {}): EChartsOption {
  return {
    ...baseOption(options.title),
    legend: { bottom: 0, data: [LABELS.ideal, LABELS.progress, LABELS.gap] },
    grid: { left: 16, right: 16, top: options.title ? 48 : 28, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatPercent(Number(v), DECIMALS) },
    xAxis: {
      type: 'category',
      data: objectives.map((o) => objectiveLabel(o.number)),
      axisTick: { show: false },
      axisLabel: { color: AXIS_COLOR },
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
        name: LABELS.ideal,
        itemStyle: { color: MEASURE_COLORS.ideal },
        data: objectives.map((o) => ({ value: o.toDate.ideal, label: barLabel(o.toDate.ideal) })),
      },
      {
        type: 'bar',
        name: LABELS.progress,
        itemStyle: { color: MEASURE_COLORS.progress },
        data: objectives.map((o) => ({ value: o.toDate.progress, label: barLabel(o.toDate.progress) })),
      },
      {
        type: 'bar',
        name: LABELS.gap,
        itemStyle: { color: MEASURE_COLORS.negativeGap },
        data: objectives.map((o) => ({
          value: o.toDate.gap,
          itemStyle: { color: gapColor(o.toDate.gap) },
          label: barLabel(o.toDate.gap),
        })),
      },
    ],
  };
}
