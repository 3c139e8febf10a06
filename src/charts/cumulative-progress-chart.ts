/**
 * Chart 1 of the follow-up report (seed 001, "Gráfico 1. Avance acumulado de la Política Pública"):
 * cumulative progress against the final goal vs the ideal trajectory, and the gap (which can be
 * positive: ahead of the trajectory). Labels as the headline sentence: two decimals, the gap one.
 */
import type { EChartsOption } from 'echarts';
import type { ChartCommonOptions, Measure } from './chart.types';
import { measureBarsOption } from './measure-bars';

export function cumulativeProgressChart(cumulative: Measure, options: ChartCommonOptions = {}): EChartsOption {
  return measureBarsOption(cumulative, { title: options.title, decimals: 2, gapDecimals: 1 });
}
