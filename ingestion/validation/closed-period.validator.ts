/**
 * REPORTE against the periods the office closed (docs/review.md). Pure: issues only. A row that
 * would add or change a report of a closed period (or of a shorter period inside one) is an error
 * PERIODO_CERRADO, so the whole workbook is refused and nothing is written; a row equal to what is
 * stored changes nothing and passes (entities often send their whole history again).
 */
import { periodWithin } from '../../src/calculation/period-span';
import { IssueCollector, q } from '../issues/issue.collector';
import { ReportRow, ReporteData } from '../model/reporte.types';
import { reportValue } from '../parsing/percent.rules';
import { ClosedPeriodRef, closedReportKey, StoredReportContent, ValidationContext } from './validation.context';

/** Value equality as the import compares it (the same double). */
function sameValue(a: number, b: number): boolean {
  return a === b;
}

function unchanged(stored: StoredReportContent | undefined, row: ReportRow, value: number): boolean {
  if (!stored) return false;
  return (
    sameValue(stored.value, value) &&
    stored.qualitative === row.qualitativeProgress &&
    stored.difficulties === row.difficulties &&
    stored.evidence === row.evidence &&
    stored.reportedBy === row.reportedBy
  );
}

function closingPeriod(
  closed: readonly ClosedPeriodRef[],
  horizon: { startYear: number; vigencias: number },
  row: ReportRow,
): ClosedPeriodRef | undefined {
  return closed.find((c) => periodWithin(horizon, row.year, row.period, c.year, c.period));
}

export function validateClosedPeriods(data: ReporteData, context: ValidationContext, issues: IssueCollector): void {
  const closedByPolicy = context.closedPeriods;
  if (!closedByPolicy || closedByPolicy.size === 0) return;
  for (const row of data.reports) {
    const closed = closedByPolicy.get(row.policyCode);
    const policy = context.policies.get(row.policyCode);
    if (!closed || closed.length === 0 || !policy) continue;
    const product = policy.products.get(row.productCode);
    if (!product) continue; // reported by the reporte checks
    const by = closingPeriod(closed, policy, row);
    if (!by) continue;
    const value = reportValue(row, product.unit);
    const stored = context.closedReports?.get(closedReportKey(row.policyCode, row.productCode, row.year, row.period));
    if (unchanged(stored, row, value)) continue;
    const what = stored ? 'cambiaría el reporte' : 'agregaría un reporte';
    const closedName = `${by.year} ${by.period}`;
    const inside = by.year === row.year && by.period === row.period ? '' : ` (está dentro del periodo cerrado ${closedName})`;
    issues.error(
      'PERIODO_CERRADO',
      { sheet: row.sheet, row: row.row, column: 'Periodo', value: row.period },
      `el periodo ${row.year} ${row.period} de la política ${q(row.policyCode)} está cerrado${inside}: esta fila ${what} del producto ${q(row.productCode)}. La oficina de planeación debe reabrir el periodo ${closedName} antes de cargar cambios; si no quiere cambiar ese periodo, quite la fila del libro`,
    );
  }
}
