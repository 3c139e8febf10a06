import { EntityLevel } from '../../src/domain/enums';

/** Where a record comes from, so later errors (e.g. from the database step) can point at it. */
export interface SourceRef {
  /** Sheet name as written in the workbook. */
  readonly sheet: string;
  /** Excel row number (headers are row 1). */
  readonly row: number;
}

/** `Entidades` row (allowed in every kind of workbook; upserts by code). */
export interface EntityRow extends SourceRef {
  readonly code: string;
  readonly name: string;
  readonly acronym: string | null;
  readonly sector: string;
  readonly level: EntityLevel | null;
}

/**
 * A data row left out of `data` because a required value was missing or unreadable (already
 * reported as an error). `key` is its natural key when readable, so references to it do not
 * produce a second, misleading error.
 */
export interface RejectedRow extends SourceRef {
  readonly key: string | null;
  /** The values that could be read, by column key (unreadable ones are absent). */
  readonly values: Readonly<Record<string, string | number | boolean | readonly string[] | null>>;
}
