/**
 * What is kept of a batch's issues: the first N of each code (in the order found) and the totals per
 * code, sheet and column, so a workbook with hundreds of thousands of errors is still refused with
 * its errors (stored, listed in the Errores workbook and over GraphQL) without storing them all.
 */
import { ImportIssueSeverity } from '../../src/domain/enums';
import type { IssueTotal } from '../../src/entities/import-issue-total.type';
import { Issue } from './issue.types';

/** Default of `IMPORT_MAX_ISSUES_PER_CODE`. */
export const DEFAULT_MAX_ISSUES_PER_CODE = 1000;

/**
 * Most (code, sheet, column) groups kept; further groups are counted in one group per code and
 * severity with sheet and column null. So the totals are at most this plus twice the number of codes.
 */
export const MAX_TOTAL_GROUPS = 500;

export interface IssueSummary {
  /** The first `perCode` issues of each code, in the given order. */
  readonly kept: Issue[];
  /** How many issues there were, per severity, code, sheet and column (not capped). */
  readonly totals: IssueTotal[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Rows (sheet + row) with at least one error, among all issues. */
  readonly rowsWithErrors: number;
  /** True when some issues were left out of `kept`. */
  readonly truncated: boolean;
}

/** The (severity, code, sheet, column) group of the totals an issue counts in. */
export const totalKey = (issue: Issue): string => [issue.severity, issue.code, issue.sheet ?? '', issue.column ?? ''].join('\u0000');

export function summarizeIssues(
  issues: readonly Issue[],
  perCode: number = DEFAULT_MAX_ISSUES_PER_CODE,
  maxGroups: number = MAX_TOTAL_GROUPS,
): IssueSummary {
  const kept: Issue[] = [];
  const seenPerCode = new Map<string, number>();
  const groups = new Map<string, IssueTotal>();
  const errorRows = new Set<string>();
  let errorCount = 0;
  let warningCount = 0;
  for (const issue of issues) {
    const n = (seenPerCode.get(issue.code) ?? 0) + 1;
    seenPerCode.set(issue.code, n);
    if (n <= perCode) kept.push(issue);
    if (issue.severity === ImportIssueSeverity.ERROR) {
      errorCount++;
      if (issue.row !== null) errorRows.add(`${issue.sheet ?? ''}\u0000${issue.row}`);
    } else {
      warningCount++;
    }
    let key = totalKey(issue);
    let group = groups.get(key);
    if (!group && groups.size >= maxGroups) {
      key = [issue.severity, issue.code, '\u0001'].join('\u0000');
      group = groups.get(key);
      if (!group) {
        group = { severity: issue.severity, code: issue.code, sheet: null, column: null, count: 0 };
        groups.set(key, group);
      }
    }
    if (!group) {
      group = { severity: issue.severity, code: issue.code, sheet: issue.sheet, column: issue.column, count: 0 };
      groups.set(key, group);
    }
    group.count++;
  }
  return {
    kept,
    totals: [...groups.values()],
    errorCount,
    warningCount,
    rowsWithErrors: errorRows.size,
    truncated: kept.length < issues.length,
  };
}

/** Per code: how many there were and how many are listed (for the notes of the Errores sheet and the CLI). */
export function countsPerCode(totals: readonly IssueTotal[]): Map<string, { severity: ImportIssueSeverity; count: number }> {
  const out = new Map<string, { severity: ImportIssueSeverity; count: number }>();
  for (const t of totals) {
    const c = out.get(t.code) ?? { severity: t.severity, count: 0 };
    c.count += t.count;
    out.set(t.code, c);
  }
  return out;
}
