/**
 * The checks of `validateReporte` and `validateClosedPeriods` for a REPORTE read part by part (a
 * streamed import, docs/ingestion.md «Importación por partes»). Pure: the caller adds to the context
 * what each part needs before giving it. Gives the same issues as the whole-workbook validation:
 * each part's rows are checked as they come; what needs every row (repeated reports, the scale of a
 * product, the rows the reader rejected, the `Entidades` sheet) is kept compact and checked at the end.
 */
import { ImportIssueSeverity } from '../../src/domain/enums';
import { IssueCollector } from '../issues/issue.collector';
import { Issue } from '../issues/issue.types';
import { EntityRow, RejectedRow } from '../model/common.types';
import { ReportRow } from '../model/reporte.types';
import { validateClosedPeriods } from './closed-period.validator';
import { rejectedOf, validateEntities } from './common.validator';
import { fromRejected, fromRow, ReportSeries, validateReport } from './reporte.validator';
import { ValidationContext } from './validation.context';

export class ReporteStreamValidator {
  private issues = new IssueCollector();
  /** The first row of each product and period (FILA_DUPLICADA) and each product's scale check: a few numbers per row. */
  private readonly series = new ReportSeries();
  private readonly rejected: RejectedRow[] = [];
  private errors = 0;

  /** `context` must already hold the policies these reports name. Returns whether the workbook is still free of errors. */
  part(reports: readonly ReportRow[], rejected: readonly RejectedRow[], context: ValidationContext): boolean {
    const before = this.issues.issues.length;
    for (const r of reports) this.series.add(r, context, this.issues);
    for (const r of reports) validateReport(fromRow(r), context, this.issues);
    validateClosedPeriods({ reports, entities: [] }, context, this.issues);
    for (const r of rejected) this.rejected.push(r);
    this.count(before);
    return this.errors === 0;
  }

  /** The issues found since the last call (a streamed import tallies them part by part: PartIssueTally). */
  drain(): readonly Issue[] {
    const found = this.issues.issues;
    this.issues = new IssueCollector();
    return found;
  }

  /** Whether an error was found so far. */
  get failed(): boolean {
    return this.errors > 0;
  }

  /**
   * The checks that need every row; then the validation issues not drained yet (not sorted: the caller
   * sorts them with the reading ones).
   */
  finish(entities: readonly EntityRow[], context: ValidationContext): readonly Issue[] {
    const before = this.issues.issues.length;
    validateEntities(entities, this.issues);
    // As the whole validation: rejected rows are checked against the policies of the complete rows.
    for (const r of rejectedOf(this.rejected, 'Reporte')) validateReport(fromRejected(r), context, this.issues);
    this.series.checkScales(this.issues);
    this.count(before);
    return this.issues.issues;
  }

  private count(from: number): void {
    const list = this.issues.issues;
    for (let i = from; i < list.length; i++) if (list[i]!.severity === ImportIssueSeverity.ERROR) this.errors++;
  }
}
