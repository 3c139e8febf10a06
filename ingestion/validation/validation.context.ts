/**
 * What validation needs from stored data, as plain lookup maps the caller fills (the database
 * layer). Validation stays pure: no database, no clock.
 */
import { AnnualizationType, Periodicity, ProductStatus } from '../../src/domain/enums';

/** Key of a stored report inside `StoredProduct.reports`: `reportPeriodKey(2024, 'S1')` → `2024|S1`. */
export function reportPeriodKey(year: number, period: string): string {
  return `${year}|${period}`;
}

export interface StoredProduct {
  readonly code: string;
  readonly unit: string | null;
  readonly annualizationType: AnnualizationType;
  readonly periodicity: Periodicity;
  readonly responsibleEntityCode: string;
  readonly coResponsibleEntityCodes: readonly string[];
  /** Stored report values by `reportPeriodKey(year, period)`. */
  readonly reports: ReadonlyMap<string, number>;
  /** VIGENTE unless withdrawn; absent = VIGENTE. */
  readonly status?: ProductStatus;
  /** A result indicator (REPORTE rows may name a result code instead of a product code). */
  readonly isResult?: boolean;
  /** What the scale check of a REPORTE compares reports with (loaded for REPORTE only). */
  readonly baseline?: number | null;
  readonly finalGoal?: number | null;
  readonly goals?: readonly { year: number; period: string | null; value: number }[];
}

export interface StoredPolicy {
  readonly code: string;
  readonly startYear: number;
  readonly vigencias: number;
  readonly leadEntityCode: string | null;
  /** The policy's products (and results, `isResult`) by code. */
  readonly products: ReadonlyMap<string, StoredProduct>;
}

export interface StoredSession {
  readonly number: number;
  readonly year: number;
}

export interface StoredInstance {
  readonly code: string;
  readonly secretariatEntityCode: string | null;
  /** Sessions already stored (a workbook may refer to them without listing them in `Sesiones`). */
  readonly sessions: readonly StoredSession[];
}

/** Who uploads the workbook. */
export interface Uploader {
  /** The uploader's entity code; null for a user without entity. */
  readonly entityCode: string | null;
  /** The planning office may upload any workbook for any entity. */
  readonly planningOffice: boolean;
}

export interface ValidationContext {
  /** Codes of the entities already stored. */
  readonly entityCodes: ReadonlySet<string>;
  /**
   * Stored policies by code (with their products). REPORTE needs the policies it reports on;
   * INSTANCIA needs those its `Retroalimentacion` mentions; PLAN uses the stored lead entity for
   * the authorization check.
   */
  readonly policies: ReadonlyMap<string, StoredPolicy>;
  /** Stored instances by code (INSTANCIA: stored sessions and secretariat). */
  readonly instances: ReadonlyMap<string, StoredInstance>;
  /** The uploader; when absent, authorization checks are skipped (e.g. an administrator's CLI import). */
  readonly uploader?: Uploader;
  /** REPORTE: periods the office closed, by policy code (docs/review.md); absent = none. */
  readonly closedPeriods?: ReadonlyMap<string, readonly ClosedPeriodRef[]>;
  /**
   * REPORTE: the stored reports of closed periods, by `closedReportKey` — a row equal to the stored one
   * changes nothing and is accepted.
   */
  readonly closedReports?: ReadonlyMap<string, StoredReportContent>;
}

/** A period closed by the office. */
export interface ClosedPeriodRef {
  readonly year: number;
  readonly period: string;
}

/** What a stored report says (value as stored, texts). */
export interface StoredReportContent {
  readonly value: number;
  readonly qualitative: string | null;
  readonly difficulties: string | null;
  readonly evidence: string | null;
  readonly reportedBy: string | null;
}

export function closedReportKey(policyCode: string, productCode: string, year: number, period: string): string {
  return `${policyCode}\u0001${productCode}\u0001${year}\u0001${period}`;
}

/** A context with nothing stored; override what you need. */
export function createValidationContext(partial: Partial<ValidationContext> = {}): ValidationContext {
  return {
    entityCodes: partial.entityCodes ?? new Set(),
    policies: partial.policies ?? new Map(),
    instances: partial.instances ?? new Map(),
    ...(partial.uploader ? { uploader: partial.uploader } : {}),
    ...(partial.closedPeriods ? { closedPeriods: partial.closedPeriods } : {}),
    ...(partial.closedReports ? { closedReports: partial.closedReports } : {}),
  };
}
