/** Entry point of the pure validation: parsed workbook + stored-data lookups → every issue. */
import { ImportKind } from '../../src/domain/enums';
import { IssueCollector, sortIssues } from '../issues/issue.collector';
import { Issue } from '../issues/issue.types';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import { issueSheetOrder } from '../parsing/workbook.parser';
import { validateClosedPeriods } from './closed-period.validator';
import { validateInstancia } from './instancia.validator';
import { validatePlan } from './plan.validator';
import { validateReporte } from './reporte.validator';
import { createValidationContext, ValidationContext } from './validation.context';

/**
 * Runs every cross-row and stored-data check and returns ALL issues of the workbook: the reading
 * issues of `parsed` plus the validation ones, deduplicated and ordered (workbook-level first,
 * then by sheet and row). The workbook may be imported when none is an ERROR.
 */
export function validateWorkbook(parsed: ParsedWorkbook, context: ValidationContext = createValidationContext()): Issue[] {
  const issues = new IssueCollector();
  issues.addAll(parsed.issues);
  switch (parsed.kind) {
    case ImportKind.PLAN:
      validatePlan(parsed.data, parsed.rejectedRows, context, issues);
      break;
    case ImportKind.REPORTE:
      validateReporte(parsed.data, parsed.rejectedRows, context, issues);
      validateClosedPeriods(parsed.data, context, issues);
      break;
    case ImportKind.INSTANCIA:
      validateInstancia(parsed.data, parsed.rejectedRows, context, issues);
      break;
    case null:
      break;
  }
  return sortIssues(issues.issues, issueSheetOrder(parsed.sheetNames, parsed.kind));
}
