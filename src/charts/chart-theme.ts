/**
 * Colours, font and base settings shared by every chart definition, so a light or a measure has the
 * same colour on every chart, on the web page and in the report.
 */
import { formatPercent } from '../formatting/number-format';

/** Traffic-light colours (semáforo). Green also stands for NOT_DUE ("al día") in the shares shown. */
export const LIGHT_COLORS = {
  green: '#2e9e48',
  yellow: '#f2c200',
  red: '#d93025',
} as const;

/** Measure colours, as seed 001 describes chart 3: ideal in green, progress in blue, gap in red. */
export const MEASURE_COLORS = {
  progress: '#2f6db5',
  ideal: '#6fbf73',
  negativeGap: LIGHT_COLORS.red,
  positiveGap: '#17928f',
} as const;

export const TEXT_COLOR = '#222222';
export const AXIS_COLOR = '#666666';

/**
 * Font family of every chart. DejaVu Sans has every Spanish letter and ships with the server-side renderer
 * (npm package dejavu-fonts-ttf); browsers without it fall back to their sans-serif.
 */
export const CHART_FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** Spanish series names used across charts. */
export const LABELS = {
  progress: 'Avance',
  ideal: 'Trayectoria ideal',
  gap: 'Brecha',
  alto: 'Alto',
  medio: 'Medio',
  bajo: 'Bajo',
} as const;

/** Settings every chart starts from: no animation (server-side rendering draws the final frame), one font. */
export function baseOption(title?: string) {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR, fontSize: 12 },
    ...(title ? { title: { text: title, left: 'center', textStyle: { fontSize: 14, fontWeight: 'bold' as const } } } : {}),
  };
}

/** Axis label for fraction values: 0.25 → `25 %`. */
export function percentAxisLabel(value: number): string {
  return formatPercent(value, 0);
}

/** Colour of a gap bar: red when behind, teal when ahead, red (empty bar) at zero. */
export function gapColor(gap: number): string {
  return gap > 0 ? MEASURE_COLORS.positiveGap : MEASURE_COLORS.negativeGap;
}
