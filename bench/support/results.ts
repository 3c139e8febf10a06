/** What each benchmark section returns to the writer of RESULTS.md. */

export type SectionId = 'import' | 'dashboard' | 'load' | 'size' | 'report' | 'web' | 'queue';

/** One target of the issue: the figure measured, the target, and whether it is met. */
export interface Check {
  label: string;
  value: string;
  target: string;
  met: boolean;
}

export interface Table {
  title?: string;
  header: string[];
  rows: (string | number)[][];
}

export interface SectionResult {
  id: SectionId;
  title: string;
  /** What was measured and how, in a sentence or two. */
  method: string;
  checks: Check[];
  tables: Table[];
  /** Findings, misses and what remains, written from the figures of this run. */
  notes: string[];
  /** Wall time of the section, setup included. */
  seconds: number;
}

export interface RunOptions {
  quick: boolean;
}
