/**
 * The product page's chart (like the youth-policy tablero's value-vs-goal chart per product): at the end
 * of each reporting period, the cumulative value achieved and the goal due to date, as the API computed
 * them (`Product.trajectory`). Periods where nothing was due yet show no goal point.
 */
import type { EChartsOption } from 'echarts';
import { formatNumber } from '../formatting/number-format';
import type { ChartCommonOptions } from './chart.types';
import { AXIS_COLOR, baseOption, MEASURE_COLORS } from './chart-theme';

export interface ProductTrajectoryItem {
  /** Category label: `2024 T2`. */
  label: string;
  achieved: number;
  /** Goal due to date; null when nothing was due yet. */
  goalToDate: number | null;
}

export const TRAJECTORY_LABELS = { achieved: 'Logro acumulado', goal: 'Meta a la fecha' } as const;

export function productTrajectoryChart(points: readonly ProductTrajectoryItem[], options: ChartCommonOptions = {}): EChartsOption {
  return {
    ...baseOption(options.title),
    legend: { bottom: 0, data: [TRAJECTORY_LABELS.goal, TRAJECTORY_LABELS.achieved] },
    grid: { left: 16, right: 24, top: options.title ? 48 : 24, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : formatNumber(Number(v), 2)) },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: AXIS_COLOR }, axisTick: { show: false } },
    yAxis: { type: 'value', axisLabel: { color: AXIS_COLOR, formatter: (v: number) => formatNumber(v, 2) } },
    series: [
      {
        type: 'line',
        name: TRAJECTORY_LABELS.goal,
        data: points.map((p) => p.goalToDate),
        itemStyle: { color: MEASURE_COLORS.ideal },
        lineStyle: { type: 'dashed', width: 2 },
        symbol: 'circle',
        connectNulls: false,
      },
      {
        type: 'line',
        name: TRAJECTORY_LABELS.achieved,
        data: points.map((p) => p.achieved),
        itemStyle: { color: MEASURE_COLORS.progress },
        lineStyle: { width: 3 },
        symbol: 'circle',
      },
    ],
  };
}
