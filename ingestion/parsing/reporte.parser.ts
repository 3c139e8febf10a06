/** REPORTE workbook → `ReporteData` (pure). */
import { ReportRow, ReporteData } from '../model/reporte.types';
import { num, numberValue, requiredOk, text } from '../reading/row.accessors';
import { readSheet, RowRead } from '../reading/sheet.reader';
import { REPORTE_SHEET } from '../templates/reporte.template';
import { parseEntities } from './entidades.parser';
import { ParseState, reject } from './parse.state';

export function parseReporte(state: ParseState): ReporteData {
  const sheet = readSheet(state.workbook, REPORTE_SHEET, state.issues);
  const reports: ReportRow[] = [];
  for (const row of sheet.rows) {
    const report = reportOf(state, row);
    if (report) reports.push(report);
  }
  const entities = parseEntities(state);
  return { reports, entities };
}

/** The report of one row read from the `Reporte` sheet, or null when a required value is missing or unreadable (the row is rejected). */
export function reportOf(state: Pick<ParseState, 'rejected'>, row: RowRead): ReportRow | null {
  if (!requiredOk(row, REPORTE_SHEET)) {
    reject(state, row, text(row, 'productCode'));
    return null;
  }
  const value = numberValue(row, 'value')!;
  return {
    sheet: row.sheet,
    row: row.row,
    policyCode: text(row, 'policyCode')!,
    productCode: text(row, 'productCode')!,
    year: num(row, 'year')!,
    period: text(row, 'period')!,
    value: value.value,
    percentCell: value.percent,
    qualitativeProgress: text(row, 'qualitativeProgress'),
    difficulties: text(row, 'difficulties'),
    evidence: text(row, 'evidence'),
    reportedBy: text(row, 'reportedBy'),
  };
}
