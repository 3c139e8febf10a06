/** REPORTE checks (docs/plantillas.md, docs/calculation.md §10). Pure: issues only. */
import { IssueCollector, q } from '../issues/issue.collector';
import { RejectedRow, SourceRef } from '../model/common.types';
import { ReportRow, ReporteData } from '../model/reporte.types';
import { periodSlot, periodSlotCount } from '../../src/calculation/period-calendar';
import { ScaleGoals, scaleGoals, scaleOfReport } from '../../src/calculation/scale-check';
import { reportValue } from '../parsing/percent.rules';
import { duplicateRow, rejectedNumber, rejectedOf, rejectedText, showNumber, validateEntities } from './common.validator';
import { inHorizon, lastYear, periodicityHelp, periodMatches, periodOfHorizon, spanEndYears } from './period.rules';
import { reportPeriodKey, StoredPolicy, StoredProduct, ValidationContext } from './validation.context';

/**
 * A report row to check. Rows the reader rejected (a required value missing or unreadable) are
 * checked too, with null for what could not be read, so every error of the row is listed at once.
 */
export interface ReportCheck extends SourceRef {
  readonly policyCode: string | null;
  readonly productCode: string | null;
  readonly year: number | null;
  readonly period: string | null;
  /** The complete row; null for a rejected one. */
  readonly complete: ReportRow | null;
}

export const fromRow = (r: ReportRow): ReportCheck => ({
  sheet: r.sheet,
  row: r.row,
  policyCode: r.policyCode,
  productCode: r.productCode,
  year: r.year,
  period: r.period,
  complete: r,
});

export function fromRejected(r: RejectedRow): ReportCheck {
  return {
    sheet: r.sheet,
    row: r.row,
    policyCode: rejectedText(r, 'policyCode'),
    productCode: rejectedText(r, 'productCode'),
    year: rejectedNumber(r, 'year'),
    period: rejectedText(r, 'period'),
    complete: null,
  };
}

function checkUploader(
  r: ReportCheck,
  productCode: string,
  product: StoredProduct,
  context: ValidationContext,
  issues: IssueCollector,
): void {
  const uploader = context.uploader;
  if (!uploader || uploader.planningOffice) return;
  const allowed = [product.responsibleEntityCode, ...product.coResponsibleEntityCodes];
  if (uploader.entityCode !== null && allowed.includes(uploader.entityCode)) return;
  issues.error(
    'ENTIDAD_NO_RESPONSABLE',
    { sheet: r.sheet, row: r.row, column: 'Código producto', value: productCode },
    `su entidad (${q(uploader.entityCode ?? 'ninguna')}) no es responsable ni corresponsable del producto ${q(productCode)} de la política ${q(r.policyCode ?? '')} (responsable: ${q(product.responsibleEntityCode)}); solo esas entidades o la oficina de planeación pueden reportarlo`,
  );
}

function checkValue(r: ReportRow, product: StoredProduct, issues: IssueCollector): void {
  const at = { sheet: r.sheet, row: r.row, column: 'Valor' };
  const value = reportValue(r, product.unit);
  const stored = product.reports.get(reportPeriodKey(r.year, r.period));
  if (stored !== undefined && stored !== value) {
    issues.warning(
      'VALOR_REPORTADO_CAMBIA',
      { ...at, value: showNumber(value) },
      `ya había un valor reportado de ${showNumber(stored)} para el producto ${q(r.productCode)} en ${r.year} ${r.period}; se reemplaza por ${showNumber(value)} y el anterior queda en el historial`,
    );
  }
}

export function validateReport(r: ReportCheck, context: ValidationContext, issues: IssueCollector): void {
  const at = { sheet: r.sheet, row: r.row };
  if (r.policyCode === null) return;
  const policy = context.policies.get(r.policyCode);
  if (!policy) {
    issues.error(
      'POLITICA_INEXISTENTE',
      { ...at, column: 'Código política', value: r.policyCode },
      `la política ${q(r.policyCode)} no existe; revise el código (debe estar cargado su plan de acción)`,
    );
    return;
  }
  if (r.year !== null && !inHorizon(r.year, policy)) {
    const after = r.year > lastYear(policy);
    issues.error(
      'PERIODO_FUERA_DE_HORIZONTE',
      { ...at, column: 'Vigencia', value: String(r.year) },
      `la vigencia ${r.year} está ${after ? 'después del final' : 'antes del inicio'} del horizonte de la política ${q(r.policyCode)} (${policy.startYear} a ${lastYear(policy)}); corrija el año`,
    );
  }
  if (r.productCode === null) return;
  const product = policy.products.get(r.productCode);
  if (!product) {
    issues.error(
      'PRODUCTO_INEXISTENTE',
      { ...at, column: 'Código producto', value: r.productCode },
      `el producto ${q(r.productCode)} no existe en la política ${q(r.policyCode)} (ni es uno de sus resultados); revise el código`,
    );
    return;
  }
  checkUploader(r, r.productCode, product, context, issues);
  if (r.period !== null && !periodMatches(product.periodicity, r.period)) {
    issues.error(
      'PERIODO_NO_COINCIDE',
      { ...at, column: 'Periodo', value: r.period },
      `el periodo ${q(r.period)} no corresponde a la periodicidad de ${q(r.productCode)}, que es ${periodicityHelp(product.periodicity)}; use uno de esos periodos`,
    );
    return;
  }
  if (
    r.period !== null &&
    r.year !== null &&
    inHorizon(r.year, policy) &&
    !periodOfHorizon(product.periodicity, policy, r.year, r.period)
  ) {
    issues.error(
      'PERIODO_NO_COINCIDE',
      { ...at, column: 'Vigencia', value: String(r.year) },
      `${q(r.productCode)} es ${periodicityHelp(product.periodicity)}: su periodo ${q(r.period)} se reporta en el último año de cada periodo (${spanEndYears(product.periodicity, policy)!.join(', ')}, contando desde el año de inicio); corrija la vigencia`,
    );
    return;
  }
  if (r.complete) checkValue(r.complete, product, issues);
}

/** How a repeated report is named in FILA_DUPLICADA. */
export const describeReport = (r: Pick<ReportRow, 'policyCode' | 'productCode' | 'year' | 'period'>): string =>
  `el reporte del producto ${q(r.productCode)} de la política ${q(r.policyCode)} para ${r.year} ${r.period}`;

export function validateReporte(
  data: ReporteData,
  rejected: readonly RejectedRow[],
  context: ValidationContext,
  issues: IssueCollector,
): void {
  validateEntities(data.entities, issues);
  const series = new ReportSeries();
  for (const r of data.reports) series.add(r, context, issues);
  const checks = [...data.reports.map(fromRow), ...rejectedOf(rejected, 'Reporte').map(fromRejected)];
  for (const r of checks) validateReport(r, context, issues);
  series.checkScales(issues);
}

/** A report's (year, period) as a key of its product's map: a small number for an integer year, text otherwise. */
class PeriodKeys {
  private static readonly SLOTS = 4096;
  private readonly index = new Map<string, number>();

  key(year: number, period: string): number | string {
    let i = this.index.get(period);
    if (i === undefined) this.index.set(period, (i = this.index.size));
    return Number.isSafeInteger(year) && year >= 0 && year < 1e9 && i < PeriodKeys.SLOTS
      ? year * PeriodKeys.SLOTS + i
      : `${year}|${period}`;
  }
}

/** The first report of a product's series that looks written in another scale. */
interface ScaleOdd {
  readonly sheet: string;
  readonly row: number;
  readonly productCode: string;
  readonly value: number;
  readonly smaller: boolean;
}

/** What is kept of one product's (or result's) reports in a workbook: a few numbers per row, not the rows. */
interface Series {
  readonly policy: StoredPolicy | undefined;
  readonly product: StoredProduct | undefined;
  /** The goals' part of the scale check; null when there is none (unknown product, no goals, or the goals' own finding). */
  readonly goals: ScaleGoals | null;
  /**
   * First row of each period of the product's horizon in the file (at its `periodSlot`; 0: none), negative
   * when the period is not of the product's periodicity; `others` for any other (year, period) written.
   */
  readonly slots: Int32Array;
  others: Map<number | string, number> | null;
  flagged: number;
  odd: ScaleOdd | null;
}

/**
 * The reports of a workbook in file order, product by product, as compact as the checks that need
 * every row allow (a streamed import keeps this, not the rows): the first row of each product and
 * period (FILA_DUPLICADA) and the scale check of each series (ESCALA_MEZCLADA), once per product.
 */
export class ReportSeries {
  private readonly products = new Map<string, Series>();
  private readonly periods = new PeriodKeys();

  /**
   * Adds a report in file order (the context must hold its policy, if stored); a second report of the
   * same product and period is a FILA_DUPLICADA.
   */
  add(r: ReportRow, context: ValidationContext, issues: IssueCollector): void {
    const key = `${r.policyCode}\u0001${r.productCode}`;
    let series = this.products.get(key);
    if (!series) this.products.set(key, (series = this.open(r, context)));
    const slot = this.slotOf(series, r.year, r.period);
    const earlier = slot >= 0 ? series.slots[slot]! : (series.others?.get(this.periods.key(r.year, r.period)) ?? 0);
    if (earlier !== 0) {
      duplicateRow(issues, r, 'Código producto', describeReport(r), Math.abs(earlier));
      return;
    }
    const product = series.product;
    const matches = product !== undefined && periodMatches(product.periodicity, r.period);
    const first = matches ? r.row : -r.row;
    if (slot >= 0) series.slots[slot] = first;
    else (series.others ??= new Map()).set(this.periods.key(r.year, r.period), first);
    if (matches && series.goals) {
      const value = reportValue(r, product.unit);
      const finding = scaleOfReport(series.goals, { year: r.year, period: r.period, value });
      if (finding !== null) {
        series.flagged++;
        series.odd ??= { sheet: r.sheet, row: r.row, productCode: r.productCode, value, smaller: finding === 'REPORTE_CIEN_VECES_MENOR' };
      }
    }
  }

  /**
   * One scale warning per product (or result), never one per cell: its stored goals against its stored
   * reports overlaid with this workbook's (docs/calculation.md §13). Located at the first report concerned.
   */
  checkScales(issues: IssueCollector): void {
    for (const series of this.products.values()) {
      const { product, goals, odd } = series;
      if (!product || !goals || !odd) continue;
      let count = series.flagged;
      for (const [k, value] of product.reports) {
        const [year, period] = k.split('|') as [string, string];
        if (this.firstRow(series, Number(year), period) > 0) continue; // replaced by this workbook's
        if (scaleOfReport(goals, { year: Number(year), period, value }) !== null) count++;
      }
      const { value, smaller } = odd;
      issues.warning(
        'ESCALA_MEZCLADA',
        { sheet: odd.sheet, row: odd.row, column: 'Valor', value: showNumber(value) },
        `el valor ${q(showNumber(value))} de ${q(odd.productCode)} es unas 100 veces ${smaller ? 'menor' : 'mayor'} que su meta del periodo (${count} reporte(s) así): parece escrito en otra escala (${smaller ? `¿${showNumber(value * 100)}?` : `¿${showNumber(value / 100)}?`}${product.unit ? `; la unidad es ${q(product.unit)}` : ''}). Se importa tal como está; revise el valor`,
      );
    }
  }

  private open(r: ReportRow, context: ValidationContext): Series {
    const policy = context.policies.get(r.policyCode);
    const product = policy?.products.get(r.productCode);
    let goals: ScaleGoals | null = null;
    if (policy && product?.goals) {
      const input = {
        id: 0,
        annualizationType: product.annualizationType,
        periodicity: product.periodicity,
        baseline: product.baseline ?? null,
        finalGoal: product.finalGoal ?? null,
        weight: null,
        priority: null,
        goals: product.goals,
      };
      const found = scaleGoals(policy, input, product.unit);
      goals = found.goalFinding ? null : found;
    }
    const slots = new Int32Array(policy && product ? periodSlotCount(product.periodicity, policy) : 0);
    return { policy, product, goals, slots, others: null, flagged: 0, odd: null };
  }

  /** Where (year, period) sits in `series.slots`; −1: in `series.others`. */
  private slotOf(series: Series, year: number, period: string): number {
    return series.policy && series.product ? periodSlot(series.product.periodicity, series.policy, year, period) : -1;
  }

  /** The signed first row of (year, period) in the series, 0 when the workbook has none. */
  private firstRow(series: Series, year: number, period: string): number {
    const slot = this.slotOf(series, year, period);
    return slot >= 0 ? series.slots[slot]! : (series.others?.get(this.periods.key(year, period)) ?? 0);
  }
}
