/**
 * Public API of the pure ingestion pipeline: read → parse → validate (no database, no clock), the
 * template writer and the `Errores` workbook. The database import step builds on these types.
 *
 *   const parsed = parseWorkbook(buffer);
 *   const issues = validateWorkbook(parsed, context);   // every issue, parse + validation
 *   if (hasErrors(issues)) reply(errorsSheet(buffer, issues)); else importInto(db, parsed);
 */
export { parseWorkbook, parseWorkbookData, parseWorkbookStreaming } from './parsing/workbook.parser';
export type { ParseOptions } from './parsing/workbook.parser';
export { validateWorkbook } from './validation/workbook.validator';
export { buildTemplate, templateSheets } from './templates/template.writer';
export { errorsSheet, buildErrorsSheet, ERRORS_HEADER } from './output/errors-sheet.writer';

export { ISSUE_CODES, hasErrors, errorsOf, warningsOf } from './issues/issue.types';
export type { Issue, IssueCode, IssueLocation } from './issues/issue.types';

export { createValidationContext, reportPeriodKey } from './validation/validation.context';
export type {
  ValidationContext,
  StoredPolicy,
  StoredProduct,
  StoredInstance,
  StoredSession,
  Uploader,
} from './validation/validation.context';

export { reportValue, percentAware, isPercentUnit } from './parsing/percent.rules';
export { personKey, memberKey } from './text/text.normalizer';
export { sessionKey } from './parsing/asistencia.parser';
export { DEFAULT_HIGH_THRESHOLD, DEFAULT_MEDIUM_THRESHOLD } from './parsing/plan.parser';
export { TEMPLATES, KIND_SHEETS } from './templates/template.registry';
export type { ColumnDef, ColumnType, SheetDef, TemplateDef } from './templates/column.types';

export type { ParsedWorkbook, ParsedPlan, ParsedReporte, ParsedInstancia, ParsedUnknown } from './model/parsed-workbook.types';
export type { SourceRef, EntityRow, RejectedRow } from './model/common.types';
export type { PlanData, PolicyRow, ObjectiveRow, ProductRow, GoalRow } from './model/plan.types';
export type { ReporteData, ReportRow } from './model/reporte.types';
export type {
  InstanciaData,
  InstanceRow,
  MemberRow,
  SessionRow,
  AttendanceLayout,
  AttendanceRow,
  ScheduleRow,
  CommitmentRow,
  ProductReviewRow,
  FunctionRow,
} from './model/instancia.types';
export { DEFAULT_READ_LIMITS } from './xlsx/workbook.types';
export type { ReadLimits } from './xlsx/workbook.types';
