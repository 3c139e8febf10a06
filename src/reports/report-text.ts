/**
 * Small helpers shared by the report builders: the sign word of a gap at the precision shown, Spanish lists,
 * counted nouns and the half-year of a cut. Pure functions (table tests in report-text.test.ts).
 */
import { formatNumber, roundFractionAsPercent } from '../formatting/number-format';

export type GapVariant = 'positiva' | 'negativa' | 'sin_brecha';

/** "positiva" / "negativa", or "sin_brecha" when the gap rounds to zero at `decimals` percent decimals. */
export function gapVariant(gap: number, decimals: number): GapVariant {
  const shown = roundFractionAsPercent(gap, decimals);
  return shown > 0 ? 'positiva' : shown < 0 ? 'negativa' : 'sin_brecha';
}

/** `a`, `a y b`, `a, b y c`. */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}

/** `1 producto`, `3 productos`, `1.200 productos`. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** `el sector Salud` or `los sectores Gobierno y Educación`. */
export function sectorPhrase(names: readonly string[]): string {
  return names.length === 1 ? `el sector ${names[0]}` : `los sectores ${joinList(names)}`;
}

/** A threshold fraction as the report writes it: 0.75 → `75%`, 0.755 → `75,5%`. */
export function thresholdText(fraction: number): string {
  return `${formatNumber(fraction * 100, 1)}%`;
}

/** Half-year of a cut: `2022-06-30` → { year 2022, half 1 }. */
export function halfOf(cut: string): { year: number; half: 1 | 2 } {
  return { year: Number(cut.slice(0, 4)), half: Number(cut.slice(5, 7)) <= 6 ? 1 : 2 };
}

/** The follow-up label of a cut, as the seed writes it: `2022-1`. */
export function followUpLabel(cut: string): string {
  const { year, half } = halfOf(cut);
  return `${year}-${half}`;
}

/** `primer semestre del año 2022`. */
export function periodPhrase(cut: string): string {
  const { year, half } = halfOf(cut);
  return `${half === 1 ? 'primer' : 'segundo'} semestre del año ${year}`;
}

const MASCULINE = new Set(['programa', 'plan', 'sistema', 'proyecto', 'modelo', 'conpes']);

/**
 * The policy's name after "de" with its article: `de la Política Pública…`, `del Programa de Derechos…`
 * (masculine when the name starts with Programa, Plan, Sistema, Proyecto, Modelo or CONPES).
 */
export function ofThePolicy(name: string): string {
  const first = name.trim().split(/\s+/)[0]?.toLocaleLowerCase('es') ?? '';
  return MASCULINE.has(first) ? `del ${name}` : `de la ${name}`;
}
