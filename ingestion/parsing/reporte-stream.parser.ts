/**
 * Parsing a REPORTE `.xlsx` part by part as its `Reporte` sheet is read (docs/ingestion.md, «Importación
 * por partes»): the rows go to `emit` in parts of a few thousand, each with the reading issues of its rows,
 * while the reader goes on; memory holds one part, not the workbook. The end gives what the parts do not
 * hold (sheet and header issues, the `Entidades` sheet) as a ParsedWorkbook whose `data.reports` is empty.
 * Same reading as `parseWorkbookStreaming`, row for row and issue for issue.
 *
 * Anything else — CSV, .xls, .ods, another kind, a sheet whose cells come out of row order, a file the
 * reader refuses — is parsed as a whole (`streamed: false`): parts already given, if any, are not the
 * workbook and the caller forgets them.
 */
import { ImportKind } from '../../src/domain/enums';
import { cellAsText } from '../cells/cell.reader';
import { IssueCollector, sortIssues } from '../issues/issue.collector';
import { RejectedRow } from '../model/common.types';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import { ReporteChunk, ReportRow } from '../model/reporte.types';
import { HeaderMap, matchHeaders } from '../reading/header.matcher';
import { findSheet, kindsPresent } from '../reading/kind.detector';
import { checkRowCount, isEmptyRow, readRow, RowRead } from '../reading/sheet.reader';
import { REPORTE_SHEET } from '../templates/reporte.template';
import { looksLikeCsv } from '../xlsx/csv.reader';
import { readWorkbookStreaming } from '../xlsx/xlsx.adapter';
import { HAND_OVER_ROWS, SheetRowSink } from '../xlsx/xlsx-stream.reader';
import { DEFAULT_READ_LIMITS, Cell, SheetRow, WorkbookData } from '../xlsx/workbook.types';
import { parseEntities } from './entidades.parser';
import {
  issueSheetOrder,
  parseWorkbookData,
  parseWorkbookStreaming,
  ParseOptions,
  readFailure,
  warnUnknownSheets,
} from './workbook.parser';
import { reportOf } from './reporte.parser';

/** Rows of the sheet per part: what the reader hands over at a time. */
export const REPORTE_PART_ROWS = HAND_OVER_ROWS;

export interface StreamedParse {
  readonly parsed: ParsedWorkbook;
  /** The reports came in parts (`parsed.data.reports` is empty); false: `parsed` is the whole workbook. */
  readonly streamed: boolean;
}

/** Takes the `Reporte` sheet's rows from the reader and turns them into parts. */
class ReporteRows implements SheetRowSink {
  chosen = false;
  outOfOrder = false;
  private name = REPORTE_SHEET.name;
  private headerRow: SheetRow = [];
  private header: HeaderMap | null = null;
  private knownColumns = new Set<number>();
  /** Columns outside the template's with a value in some row below the headers (COLUMNA_DESCONOCIDA). */
  private readonly dataColumns = new Set<number>();
  private sawValue = false;
  private count = 0;
  private readonly firstRows: RowRead[] = [];
  private reports: ReportRow[] = [];
  private rejected: { rejected: RejectedRow[] } = { rejected: [] };
  private issues = new IssueCollector();

  constructor(private readonly emit: (part: ReporteChunk) => Promise<void> | void) {}

  choose(names: readonly string[]): number {
    const skeleton: WorkbookData = { sheets: names.map((name) => ({ name, rows: [] })) };
    const kinds = kindsPresent(skeleton);
    if (kinds.length !== 1 || kinds[0] !== ImportKind.REPORTE) return -1;
    this.name = findSheet(skeleton, REPORTE_SHEET.name)!.name;
    this.chosen = true;
    return names.indexOf(this.name);
  }

  disorder(): void {
    this.outOfOrder = true;
  }

  rows(first: number, rows: ReadonlyArray<SheetRow | undefined>): Promise<void> | void {
    if (this.outOfOrder) return;
    for (let k = 0; k < rows.length; k++) {
      const index = first + k;
      const cells = rows[k];
      if (!isEmptyRow(cells)) this.sawValue = true;
      if (index === 0) {
        this.headerRow = cells ?? [];
        continue;
      }
      if (!cells) continue;
      const header = this.headerMap();
      for (let c = 0; c < cells.length; c++) {
        if (!this.knownColumns.has(c) && !this.dataColumns.has(c) && cellAsText(cells[c]) !== '') this.dataColumns.add(c);
      }
      const row = readRow(REPORTE_SHEET, header, this.name, index, cells, this.issues);
      if (!row) continue;
      this.count++;
      if (this.firstRows.length < 2) this.firstRows.push(row);
      const report = reportOf(this.rejected, row);
      if (report) this.reports.push(report);
    }
    return this.flush();
  }

  /** The part in progress, if it has anything. */
  flush(): Promise<void> | void {
    if (this.reports.length === 0 && this.rejected.rejected.length === 0 && this.issues.issues.length === 0) return;
    const part: ReporteChunk = { reports: this.reports, rejected: this.rejected.rejected, issues: [...this.issues.issues] };
    this.reports = [];
    this.rejected = { rejected: [] };
    this.issues = new IssueCollector();
    return this.emit(part);
  }

  /** What `parseWorkbookData` gives besides the sheet's rows, from the workbook read (the streamed sheet's rows are gone). */
  end(workbook: WorkbookData): ParsedWorkbook {
    const issues = new IssueCollector();
    warnUnknownSheets(workbook, ImportKind.REPORTE, issues);
    if (!this.sawValue) checkRowCount(REPORTE_SHEET, this.name, 0, [], issues);
    else {
      // The headers with a row standing for every column that has a value below them: the same header issues.
      const marks: Array<Cell | undefined> = [];
      for (const c of this.dataColumns) marks[c] = { type: 'string', value: 'x', format: 'General', text: 'x' };
      matchHeaders({ name: this.name, rows: [this.headerRow, marks] }, REPORTE_SHEET, issues);
      checkRowCount(REPORTE_SHEET, this.name, this.count, this.firstRows, issues);
    }
    const state = { workbook, issues, rejected: [] as RejectedRow[] };
    const entities = parseEntities(state);
    const order = workbook.sheets.map((s) => s.name);
    return {
      kind: ImportKind.REPORTE,
      data: { reports: [], entities },
      issues: sortIssues(issues.issues, issueSheetOrder(order, ImportKind.REPORTE)),
      rejectedRows: state.rejected,
      sheetNames: order,
    };
  }

  private headerMap(): HeaderMap {
    if (!this.header) {
      this.header = matchHeaders({ name: this.name, rows: [this.headerRow] }, REPORTE_SHEET, new IssueCollector(), {
        warnUnknown: false,
        reportMissing: false,
      });
      this.knownColumns = new Set(this.header.columns.values());
    }
    return this.header;
  }
}

/**
 * Reads and parses an upload, giving a REPORTE `.xlsx`'s reports in parts to `emit` (awaited: the
 * reading waits while a part is handled). Never throws for bad input; what `emit` throws (a database
 * failure) ends the reading and is thrown, so that it is not taken for an unreadable file.
 */
export async function parseWorkbookInParts(
  buffer: Uint8Array,
  options: ParseOptions,
  emit: (part: ReporteChunk) => Promise<void> | void,
): Promise<StreamedParse> {
  const whole = async (): Promise<StreamedParse> => ({ parsed: await parseWorkbookStreaming(buffer, options), streamed: false });
  if (looksLikeCsv(buffer)) return whole();
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  // What `emit` throws (the database, not the file) ends the reading and reaches the caller as it is.
  let failed: { error: unknown } | null = null;
  const sink = new ReporteRows(async (part) => {
    try {
      await emit(part);
    } catch (error) {
      failed ??= { error };
      throw error;
    }
  });
  const read = await readWorkbookStreaming(buffer, limits, sink);
  if (failed) throw (failed as { error: unknown }).error;
  if (!read.ok) return { parsed: readFailure(read.failure, false), streamed: false };
  if (!sink.chosen) return { parsed: parseWorkbookData(read.workbook), streamed: false };
  if (sink.outOfOrder) return whole();
  await sink.flush();
  return { parsed: sink.end(read.workbook), streamed: true };
}
