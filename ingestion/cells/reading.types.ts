import { IssueCode } from '../issues/issue.types';

/** Result of reading one cell: a value, or a problem (code + Spanish detail, lower-case start). */
export type Reading<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: IssueCode; readonly detail: string };

export const ok = <T>(value: T): Reading<T> => ({ ok: true, value });

export const fail = <T = never>(code: IssueCode, detail: string): Reading<T> => ({ ok: false, code, detail });

/**
 * A number as read. `value` is the stored value (a cell showing 45 % holds 0.45; the text `45%` is
 * read as 0.45 too); `percent` says it was written as a percentage, so a product whose unit is `%`
 * reads it as 45 (see `percentAware`).
 */
export interface NumberValue {
  readonly value: number;
  readonly percent: boolean;
}
