/** REPORTE checks (docs/plantillas.md, docs/calculation.md §10). Pure: issues only. */
import { IssueCollector, q } from '../issues/issue.collector';
import { RejectedRow, SourceRef } from '../model/common.types';
import { ReportRow, ReporteData } from '../model/reporte.types';
import { checkScaleReports, ScaleGoals, scaleGoals } from '../../src/calculation/scale-check';
import { reportValue } from '../parsing/percent.rules';
import { checkDuplicates, rejectedNumber, rejectedOf, rejectedText, showNumber, validateEntities } from './common.validator';
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

export const fromRow = (r: ReportRow): ReportCheck => ({ ...r, complete: r });

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

/** The key two rows of a REPORTE must not share (one report per product and period). */
export const reportKey = (r: Pick<ReportRow, 'policyCode' | 'productCode' | 'year' | 'period'>): string =>
  `${r.policyCode}|${r.productCode}|${r.year}|${r.period}`;

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
  checkDuplicates(data.reports, reportKey, describeReport, 'Código producto', issues);
  const checks = [...data.reports.map(fromRow), ...rejectedOf(rejected, 'Reporte').map(fromRejected)];
  for (const r of checks) validateReport(r, context, issues);
  const byProduct = new Map<string, ScaleRow[]>();
  for (const r of data.reports) addScaleRow(byProduct, r);
  checkScales(byProduct.values(), context, issues);
}

/** What the scale check keeps of a report row (a streamed import keeps these, not the rows). */
export type ScaleRow = Pick<ReportRow, 'sheet' | 'row' | 'policyCode' | 'productCode' | 'year' | 'period' | 'value' | 'percentCell'>;

/** Adds a report to its product's group for `checkScales`, in file order; true when it is the product's first. */
export function addScaleRow(byProduct: Map<string, ScaleRow[]>, r: ScaleRow): boolean {
  const key = `${r.policyCode}\u0001${r.productCode}`;
  const group = byProduct.get(key);
  const row: ScaleRow = {
    sheet: r.sheet,
    row: r.row,
    policyCode: r.policyCode,
    productCode: r.productCode,
    year: r.year,
    period: r.period,
    value: r.value,
    percentCell: r.percentCell,
  };
  if (group) group.push(row);
  else byProduct.set(key, [row]);
  return !group;
}

/** The goals' part of a product's scale check, worked out once per stored product (it does not depend on the reports). */
const SCALE_GOALS = new WeakMap<StoredProduct, ScaleGoals>();

function scaleGoalsOf(policy: StoredPolicy, product: StoredProduct, goals: NonNullable<StoredProduct['goals']>): ScaleGoals {
  let found = SCALE_GOALS.get(product);
  if (!found) {
    const input = {
      id: 0,
      annualizationType: product.annualizationType,
      periodicity: product.periodicity,
      baseline: product.baseline ?? null,
      finalGoal: product.finalGoal ?? null,
      weight: null,
      priority: null,
      goals,
    };
    SCALE_GOALS.set(product, (found = scaleGoals(policy, input, product.unit)));
  }
  return found;
}

/**
 * Works out ahead the goals' part of the scale check of a report's product (a streamed import does it
 * as each part comes, so that `checkScales` at the end only compares the reports).
 */
export function prepareScaleCheck(r: Pick<ReportRow, 'policyCode' | 'productCode'>, context: ValidationContext): void {
  const policy = context.policies.get(r.policyCode);
  const product = policy?.products.get(r.productCode);
  if (policy && product?.goals) scaleGoalsOf(policy, product, product.goals);
}

/**
 * One scale warning per product (or result), never one per cell: its stored goals against its stored
 * reports overlaid with this workbook's (docs/calculation.md §13). Located at the first report concerned.
 */
export function checkScales(groups: Iterable<readonly ScaleRow[]>, context: ValidationContext, issues: IssueCollector): void {
  for (const rows of groups) {
    const policy = context.policies.get(rows[0]!.policyCode);
    const product = policy?.products.get(rows[0]!.productCode);
    if (!policy || !product?.goals) continue;
    const incoming = rows.filter((r) => periodMatches(product.periodicity, r.period));
    const mine = new Set(incoming.map((r) => reportPeriodKey(r.year, r.period)));
    const stored = [...product.reports]
      .filter(([k]) => !mine.has(k))
      .map(([k, value]) => {
        const [year, period] = k.split('|');
        return { year: Number(year), period: period!, value };
      });
    const found = checkScaleReports(scaleGoalsOf(policy, product, product.goals), [
      ...incoming.map((r) => ({ year: r.year, period: r.period, value: reportValue(r, product.unit) })),
      ...stored,
    ]);
    if (!found || found.reportIndex === null || found.reportIndex >= incoming.length) continue;
    const r = incoming[found.reportIndex]!;
    const value = reportValue(r, product.unit);
    const smaller = found.finding === 'REPORTE_CIEN_VECES_MENOR';
    issues.warning(
      'ESCALA_MEZCLADA',
      { sheet: r.sheet, row: r.row, column: 'Valor', value: showNumber(value) },
      `el valor ${q(showNumber(value))} de ${q(r.productCode)} es unas 100 veces ${smaller ? 'menor' : 'mayor'} que su meta del periodo (${found.count} reporte(s) así): parece escrito en otra escala (${smaller ? `¿${showNumber(value * 100)}?` : `¿${showNumber(value / 100)}?`}${product.unit ? `; la unidad es ${q(product.unit)}` : ''}). Se importa tal como está; revise el valor`,
    );
  }
}
