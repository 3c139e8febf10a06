import { ImportIssueSeverity } from '../../src/domain/enums';
import { capitalize } from '../text/text.normalizer';
import { Issue, IssueCode, IssueLocation } from './issue.types';

/** Longest quoted text in a message; longer values are cut (the issue's `value` keeps more). */
const MAX_QUOTED = 120;

/** «text» quoting used in every message (a hostile 1 MB cell must not become a 1 MB message). */
export const q = (text: string | number): string => {
  const s = String(text);
  return `«${s.length > MAX_QUOTED ? `${s.slice(0, MAX_QUOTED)}…` : s}»`;
};

/** "Hoja «Metas», fila 5, columna «Meta»" — the location prefix of a message. */
export function locationText(at: IssueLocation): string {
  const parts: string[] = [];
  if (at.sheet) parts.push(`Hoja ${q(at.sheet)}`);
  if (at.row !== null && at.row !== undefined) parts.push(`fila ${at.row}`);
  if (at.column) parts.push(`columna ${q(at.column)}`);
  return parts.join(', ');
}

/** Collects issues; messages get their location prefix here so every message names where it is. */
export class IssueCollector {
  private readonly list: Issue[] = [];

  get issues(): readonly Issue[] {
    return this.list;
  }

  /** `detail` starts in lower case and says what is wrong and how to fix it. */
  add(severity: ImportIssueSeverity, code: IssueCode, at: IssueLocation, detail: string): void {
    const where = locationText(at);
    this.list.push({
      severity,
      code,
      sheet: at.sheet ?? null,
      row: at.row ?? null,
      column: at.column ?? null,
      value: at.value ?? null,
      message: where ? `${where}: ${detail}` : capitalize(detail),
    });
  }

  error(code: IssueCode, at: IssueLocation, detail: string): void {
    this.add(ImportIssueSeverity.ERROR, code, at, detail);
  }

  warning(code: IssueCode, at: IssueLocation, detail: string): void {
    this.add(ImportIssueSeverity.WARNING, code, at, detail);
  }

  /** Appends one by one: spreading a large list into `push` overflows the call stack (240 000 issues). */
  addAll(issues: readonly Issue[]): void {
    for (const issue of issues) this.list.push(issue);
  }
}

/** What makes two issues the same one (`sortIssues` keeps the first of each). */
export const issueKey = (i: Issue): string => [i.code, i.sheet, i.row, i.column, i.value, i.message].join('\u0000');

/**
 * Removes exact repeats and orders issues: workbook-level first, then by the given sheet order,
 * row and column; errors before warnings within the same place.
 */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[] = []): Issue[] {
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = issueKey(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const order = new Map(sheetOrder.map((name, index) => [name, index]));
  const sheetRank = (i: Issue): number => (i.sheet === null ? -1 : (order.get(i.sheet) ?? sheetOrder.length));
  return unique
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const x = a.issue;
      const y = b.issue;
      return (
        sheetRank(x) - sheetRank(y) ||
        (x.sheet ?? '').localeCompare(y.sheet ?? '') ||
        (x.row ?? 0) - (y.row ?? 0) ||
        (x.severity === y.severity ? 0 : x.severity === ImportIssueSeverity.ERROR ? -1 : 1) ||
        a.index - b.index
      );
    })
    .map((e) => e.issue);
}
