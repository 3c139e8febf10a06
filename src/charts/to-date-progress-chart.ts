/**
 * Chart 2 of the follow-up report (seed 001, "Gráfico 2. Avance acumulado hasta la vigencia"): to-date
 * progress vs its ideal (the weight of the due products) and the gap (never positive). One decimal.
 */
import type { EChartsOption } from 'echarts';
import type { ChartCommonOptions, Measure } from './chart.types';
import { measureBarsOption } from './measure-bars';

export function toDateProgressChart(toDate: Measure, options: ChartCommonOptions = {}): EChartsOption {
  return measureBarsOption(toDate, { title: options.title, decimals: 1, gapDecimals: 1 });
}
