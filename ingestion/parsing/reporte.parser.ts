/** REPORTE workbook → `ReporteData` (pure). */
import { ReportRow, ReporteData } from '../model/reporte.types';
import { num, numberValue, requiredOk, text } from '../reading/row.accessors';
import { readSheet } from '../reading/sheet.reader';
import { REPORTE_SHEET } from '../templates/reporte.template';
import { parseEntities } from './entidades.parser';
import { ParseState, reject } from './parse.state';

export function parseReporte(state: ParseState): ReporteData {
  const sheet = readSheet(state.workbook, REPORTE_SHEET, state.issues);
  const reports: ReportRow[] = [];
  for (const row of sheet.rows) {
    if (!requiredOk(row, REPORTE_SHEET)) {
      reject(state, row, text(row, 'productCode'));
      continue;
    }
    const value = numberValue(row, 'value')!;
    reports.push({
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
    });
  }
  const entities = parseEntities(state);
  return { reports, entities };
}
