import { Issue } from '../issues/issue.types';
import { EntityRow, RejectedRow, SourceRef } from './common.types';

/** `Reporte` row. */
export interface ReportRow extends SourceRef {
  readonly policyCode: string;
  readonly productCode: string;
  readonly year: number;
  /** ANUAL, S1, S2, T1..T4, M01..M12. */
  readonly period: string;
  /**
   * The value as stored in the cell: a cell showing 45 % holds 0.45 (the text `45%` too). The
   * product's unit decides the value to store: use `reportValue(row, unit)`, which gives 45 for a
   * product whose unit is `%` and 0.45 otherwise.
   */
  readonly value: number;
  /** The value was written as a percentage (percent-formatted cell or text ending in `%`). */
  readonly percentCell: boolean;
  readonly qualitativeProgress: string | null;
  readonly difficulties: string | null;
  readonly evidence: string | null;
  readonly reportedBy: string | null;
}

export interface ReporteData {
  readonly reports: readonly ReportRow[];
  readonly entities: readonly EntityRow[];
}

/** A part of a REPORTE's `Reporte` sheet read in parts (a streamed import), in file order. */
export interface ReporteChunk {
  readonly reports: ReportRow[];
  /** Rows of the part left out because a required value was missing or unreadable. */
  readonly rejected: RejectedRow[];
  /** Reading issues of the part's rows. */
  readonly issues: Issue[];
}
