/**
 * Chart 4 of the follow-up report (seed 001, "Gráfico 4. Estado de avance de productos hasta la
 * Vigencia"): the semáforo shares. The shares come from the API with NOT_DUE already counted green, as the
 * office does ("al día de acuerdo con su trayectoria ideal"); when the raw counts are given the labels also
 * say how many products each slice holds (green = ALTO + NOT_DUE).
 */
import type { EChartsOption } from 'echarts';
import { formatPercent } from '../formatting/number-format';
import type { ChartCommonOptions, TrafficLightCounts, TrafficLightShares } from './chart.types';
import { baseOption, LABELS, LIGHT_COLORS } from './chart-theme';

const DECIMALS = 0;

export interface TrafficLightChartInput {
  shares: TrafficLightShares;
  counts?: TrafficLightCounts | null;
}

function productsWord(n: number): string {
  return n === 1 ? '1 producto' : `${n} productos`;
}

export function trafficLightChart(input: TrafficLightChartInput, options: ChartCommonOptions = {}): EChartsOption {
  const { shares, counts } = input;
  const slices = [
    { name: LABELS.alto, value: shares.green, color: LIGHT_COLORS.green, count: counts ? counts.alto + counts.notDue : null },
    { name: LABELS.medio, value: shares.yellow, color: LIGHT_COLORS.yellow, count: counts ? counts.medio : null },
    { name: LABELS.bajo, value: shares.red, color: LIGHT_COLORS.red, count: counts ? counts.bajo : null },
  ];
  return {
    ...baseOption(options.title),
    legend: { bottom: 0, data: slices.map((s) => s.name) },
    tooltip: { trigger: 'item', valueFormatter: (v) => formatPercent(Number(v), DECIMALS) },
    series: [
      {
        type: 'pie',
        name: 'Estado de avance',
        radius: ['38%', '66%'],
        center: ['50%', '46%'],
        startAngle: 90,
        avoidLabelOverlap: true,
        data: slices.map((s) => ({
          name: s.name,
          value: s.value,
          itemStyle: { color: s.color, borderColor: '#ffffff', borderWidth: 2 },
          label: {
            show: s.value > 0,
            formatter: `${s.name}: ${formatPercent(s.value, DECIMALS)}${s.count != null ? `\n${productsWord(s.count)}` : ''}`,
            fontSize: 12,
          },
          labelLine: { show: s.value > 0 },
        })),
      },
    ],
  };
}
