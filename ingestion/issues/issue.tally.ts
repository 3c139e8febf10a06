/**
 * The issues of a REPORTE read in parts (docs/ingestion.md, «Importación por partes»), kept only as far
 * as the batch's summary needs them: `summarize` gives exactly what `summarizeIssues(sortIssues(all))`
 * gives for every issue found, without holding every issue (a file of 1 000 000 wrong rows has more
 * than a million). Per code, only the issues that can still be among the first `perCode` listed are
 * kept; the totals, counts and rows with errors are counted as the parts come.
 *
 * It relies on what the parts are: each part's issues lie on the rows of that part, all on one sheet,
 * and the rows of a part come after those of every part before it, so an issue that is not among the
 * first `perCode` of its code when a part ends never will be. Repeats are removed part by part (a
 * repeat has the same row); the issues of the end are not repeats of the parts' (other checks).
 */
import { ImportIssueSeverity } from '../../src/domain/enums';
import type { IssueTotal } from '../../src/entities/import-issue-total.type';
import { issueKey, sortIssues } from './issue.collector';
import { IssueSummary, MAX_TOTAL_GROUPS, summarizeIssues, totalKey } from './issue.summary';
import { Issue } from './issue.types';

/** The order `sortIssues` gives within the batch's list: sheet, row, errors first, then as found. */
interface Place {
  readonly sheet: string | null;
  readonly row: number;
  readonly severity: number;
  /** Where the issue sits in the list `sortIssues` orders: reading issues, the end's, then validation's. */
  readonly kind: number;
  readonly seq: number;
}

interface Candidate extends Place {
  readonly issue: Issue;
}

interface Group {
  readonly total: Omit<IssueTotal, 'count'>;
  count: number;
  first: Place;
}

const READING = 0;
const END = 1;
const VALIDATION = 2;
const END_VALIDATION = 3;

const severityRank = (issue: Issue): number => (issue.severity === ImportIssueSeverity.ERROR ? 0 : 1);

/** Rows of one sheet, as bits. */
class RowSet {
  private bits = new Uint8Array(1024);
  size = 0;

  has(row: number): boolean {
    return row >= 0 && row < this.bits.length * 8 && (this.bits[row >> 3]! & (1 << (row & 7))) !== 0;
  }

  add(row: number): void {
    if (row < 0 || this.has(row)) return;
    while (row >= this.bits.length * 8) {
      const grown = new Uint8Array(this.bits.length * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[row >> 3]! |= 1 << (row & 7);
    this.size++;
  }
}

export class PartIssueTally {
  /** The parts' issues that may still be listed: per kind (READING, VALIDATION), per code. */
  private readonly candidates: Record<number, Map<string, Candidate[]>> = { [READING]: new Map(), [VALIDATION]: new Map() };
  private readonly groups = new Map<string, Group>();
  private readonly errorRows = new Map<string, RowSet>();
  private readonly seqs = [0, 0, 0, 0];
  private errorCount = 0;
  private warningCount = 0;
  private distinct = 0;
  /** The sheet of the parts; an issue of another sheet is always kept. */
  private sheet: string | null | undefined = undefined;

  constructor(
    private readonly perCode: number,
    private readonly maxGroups: number = MAX_TOTAL_GROUPS,
  ) {}

  /** One part's issues: what the reader found in its rows, then what their validation found. */
  addPart(reading: readonly Issue[], validation: readonly Issue[]): void {
    const seen = new Set<string>();
    const touched = new Set<Candidate[]>();
    const take = (issue: Issue, kind: number) => {
      const key = issueKey(issue);
      if (seen.has(key)) return; // a repeat: sortIssues keeps the first
      seen.add(key);
      const list = this.count(issue, kind);
      if (list) touched.add(list);
    };
    for (const issue of reading) take(issue, READING);
    for (const issue of validation) take(issue, VALIDATION);
    for (const list of touched) if (list.length > 2 * this.perCode) this.compact(list);
  }

  /** The summary of every issue: the parts' and those of the end (the sheet's and validation's). */
  summarize(end: readonly Issue[], endValidation: readonly Issue[], sheetOrder: readonly string[]): IssueSummary {
    const seen = new Set<string>();
    const endReading: Issue[] = [];
    const endChecks: Issue[] = [];
    for (const [list, kind, out] of [
      [end, END, endReading],
      [endValidation, END_VALIDATION, endChecks],
    ] as const) {
      for (const issue of list) {
        const key = issueKey(issue);
        if (seen.has(key)) continue;
        seen.add(key);
        this.count(issue, kind, false);
        out.push(issue);
      }
    }
    const kept = (kind: number) =>
      [...this.candidates[kind]!.values()]
        .flat()
        .sort((a, b) => a.seq - b.seq)
        .map((c) => c.issue);
    const listed = summarizeIssues(
      sortIssues([...kept(READING), ...endReading, ...kept(VALIDATION), ...endChecks], sheetOrder),
      this.perCode,
      this.maxGroups,
    ).kept;
    let rowsWithErrors = 0;
    for (const rows of this.errorRows.values()) rowsWithErrors += rows.size;
    return {
      kept: listed,
      totals: this.totals(sheetOrder),
      errorCount: this.errorCount,
      warningCount: this.warningCount,
      rowsWithErrors,
      truncated: listed.length < this.distinct,
    };
  }

  /** Counts an issue; keeps it as a candidate (returns its list) unless `keep` is false. */
  private count(issue: Issue, kind: number, keep = true): Candidate[] | null {
    this.distinct++;
    const place: Place = { sheet: issue.sheet, row: issue.row ?? 0, severity: severityRank(issue), kind, seq: this.seqs[kind]!++ };
    if (issue.severity === ImportIssueSeverity.ERROR) {
      this.errorCount++;
      if (issue.row !== null) {
        const sheet = issue.sheet ?? '';
        let rows = this.errorRows.get(sheet);
        if (!rows) this.errorRows.set(sheet, (rows = new RowSet()));
        rows.add(issue.row);
      }
    } else this.warningCount++;
    const key = totalKey(issue);
    const group = this.groups.get(key);
    if (!group) {
      this.groups.set(key, {
        total: { severity: issue.severity, code: issue.code, sheet: issue.sheet, column: issue.column },
        count: 1,
        first: place,
      });
    } else {
      group.count++;
      // same sheet and severity (they are in the key): the earlier by row, then by where it was found
      const f = group.first;
      if (place.row < f.row || (place.row === f.row && (place.kind < f.kind || (place.kind === f.kind && place.seq < f.seq))))
        group.first = place;
    }
    if (!keep) return null;
    if (this.sheet === undefined) this.sheet = issue.sheet;
    // an issue on another sheet than the parts' is kept whatever its code (it cannot be ordered by row)
    const listKey = issue.sheet === this.sheet ? issue.code : `\u0001${issue.sheet ?? ''}`;
    const lists = this.candidates[kind]!;
    let list = lists.get(listKey);
    if (!list) lists.set(listKey, (list = []));
    list.push({ ...place, issue });
    return issue.sheet === this.sheet ? list : null;
  }

  /** Keeps the first `perCode` of a code's list in the batch's order (all on the parts' sheet). */
  private compact(list: Candidate[]): void {
    list.sort((a, b) => a.row - b.row || a.severity - b.severity || a.seq - b.seq);
    list.length = this.perCode;
    list.sort((a, b) => a.seq - b.seq);
  }

  /** The totals as `summarizeIssues` builds them: groups in the order of their first issue, the rest per code. */
  private totals(sheetOrder: readonly string[]): IssueTotal[] {
    const order = new Map(sheetOrder.map((name, index) => [name, index]));
    const rank = (p: Place) => (p.sheet === null ? -1 : (order.get(p.sheet) ?? sheetOrder.length));
    const before = (a: Place, b: Place) =>
      rank(a) - rank(b) ||
      (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
      a.row - b.row ||
      a.severity - b.severity ||
      a.kind - b.kind ||
      a.seq - b.seq;
    const groups = [...this.groups.values()].sort((a, b) => before(a.first, b.first));
    const out: IssueTotal[] = groups.slice(0, this.maxGroups).map((g) => ({ ...g.total, count: g.count }));
    const rest = new Map<string, IssueTotal>();
    for (const g of groups.slice(this.maxGroups)) {
      const key = `${g.total.severity}\u0000${g.total.code}`;
      const t = rest.get(key);
      if (t) t.count += g.count;
      else rest.set(key, { severity: g.total.severity, code: g.total.code, sheet: null, column: null, count: g.count });
    }
    return [...out, ...rest.values()];
  }
}
