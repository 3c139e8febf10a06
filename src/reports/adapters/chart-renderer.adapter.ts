/**
 * The chart renderer (one adapter file for the outside libraries): an ECharts option from src/charts drawn
 * on the server as SVG (ECharts' server-side SVG renderer, no DOM) and rasterized to PNG with resvg.
 *
 * Deterministic and offline: no animation (the chart definitions turn it off), no system fonts — only the
 * DejaVu Sans files shipped by the npm package `dejavu-fonts-ttf`, which cover every Spanish letter
 * (á é í ó ú ñ ü ¿ ¡). The same option and size always give the same bytes.
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import path from 'node:path';

export interface ChartSize {
  /** CSS pixels of the chart (the SVG's size). */
  width: number;
  height: number;
  /** PNG pixels per CSS pixel (2 = sharp when printed at the chart's size at ~150 dpi). */
  scale?: number;
}

export interface RenderedChart {
  svg: string;
  png: Buffer;
  /** Size in CSS pixels (the document places the image at this size). */
  width: number;
  height: number;
}

let fontFiles: string[] | null = null;

/** The TrueType files used to draw text: DejaVu Sans regular and bold from `dejavu-fonts-ttf`. */
export function chartFontFiles(): string[] {
  if (!fontFiles) {
    const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join(dir, f));
  }
  return fontFiles;
}

const advanceCache = new Map<string, number>();

/** Ink width (font units at 1000 px) of a text drawn by resvg with the bundled fonts. */
function inkWidth(text: string, bold: boolean): number {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="1400"><text x="10" y="1100" font-size="1000" ` +
    `font-family="DejaVu Sans" font-weight="${bold ? 'bold' : 'normal'}" xml:space="preserve">${escaped}</text></svg>`;
  const resvg = new Resvg(svg, { font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.getBBox()?.width ?? 0;
}

/** Advance width of one character, as a fraction of the font size: ink of "HxH" minus ink of "HH". */
function advance(ch: string, bold: boolean): number {
  const key = `${bold ? 'b' : 'n'}${ch}`;
  let w = advanceCache.get(key);
  if (w === undefined) {
    w = (inkWidth(`H${ch}H`, bold) - inkWidth('HH', bold)) / 1000;
    advanceCache.set(key, w);
  }
  return w;
}

/**
 * Text measurement for ECharts' server-side layout (legends, label boxes, axis space). Without a canvas
 * ECharts guesses widths from a Helvetica table and counts every accented letter as a full em; measuring
 * with the very fonts resvg draws with keeps legend entries from overlapping.
 */
export function measureChartText(text: string, font?: string): { width: number } {
  const f = font ?? '12px sans-serif';
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(f)?.[1] ?? 12);
  const bold = /\bbold\b|\b[6-9]00\b/.test(f);
  let width = 0;
  for (const ch of text ?? '') width += advance(ch, bold) * size;
  return { width };
}

echarts.setPlatformAPI({ measureText: measureChartText as never });

/** Draws an option as an SVG string of the given size. */
export function renderChartSvg(option: EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Rasterizes an SVG to PNG with the bundled fonts only. */
export function svgToPng(svg: string, width: number, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#ffffff',
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return Buffer.from(resvg.render().asPng());
}

/** Draws an option to SVG and PNG. */
export function renderChart(option: EChartsOption, size: ChartSize): RenderedChart {
  const svg = renderChartSvg(option, size);
  return { svg, png: svgToPng(svg, size.width, size.scale ?? 2), width: size.width, height: size.height };
}
