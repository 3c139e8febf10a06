/** Percent handling tied to a product's unit (docs/plantillas.md, Números). Pure. */
import { NumberValue } from '../cells/reading.types';
import { roundFloat } from '../cells/number.reader';
import { ReportRow } from '../model/reporte.types';
import { headerKey } from '../text/text.normalizer';

/** A unit written `%` (or `porcentaje`). */
export function isPercentUnit(unit: string | null | undefined): boolean {
  if (!unit) return false;
  const key = headerKey(unit);
  return key === '%' || key === 'porcentaje';
}

/**
 * The number to keep for a product: a percentage-written value (45 % cell holding 0.45, or text
 * `45%`) in a product whose unit is `%` is read as its percentage (45); anything else as stored.
 */
export function percentAware(n: NumberValue, unit: string | null | undefined): number {
  return n.percent && isPercentUnit(unit) ? roundFloat(n.value * 100) : n.value;
}

/** The value of a report row to store, given its product's unit. */
export function reportValue(row: Pick<ReportRow, 'value' | 'percentCell'>, unit: string | null | undefined): number {
  return percentAware({ value: row.value, percent: row.percentCell }, unit);
}

/** A value that looks like a 0–1 fraction although the unit is `%` (scale mix-up). */
export function looksLikeFraction(value: number, unit: string | null | undefined): boolean {
  return isPercentUnit(unit) && value > 0 && value <= 1;
}
