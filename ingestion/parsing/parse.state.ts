import { IssueCollector } from '../issues/issue.collector';
import { RejectedRow } from '../model/common.types';
import { RowRead } from '../reading/sheet.reader';
import { WorkbookData } from '../xlsx/workbook.types';

/** What a kind parser works with. */
export interface ParseState {
  readonly workbook: WorkbookData;
  readonly issues: IssueCollector;
  readonly rejected: RejectedRow[];
}

export function reject(state: Pick<ParseState, 'rejected'>, row: RowRead, key: string | null): void {
  const values = Object.fromEntries([...row.values].filter(([k]) => !row.invalid.has(k)));
  state.rejected.push({ sheet: row.sheet, row: row.row, key, values });
}
