import { AnnualizationType, Periodicity, Priority, ProductStatus } from '../../src/domain/enums';
import { EntityRow, SourceRef } from './common.types';

/** `Politica` (one row). Thresholds carry their defaults (0.75 / 0.50) when empty. */
export interface PolicyRow extends SourceRef {
  readonly code: string;
  readonly name: string;
  readonly legalAct: string | null;
  /** `YYYY-MM-DD`. */
  readonly adoptionDate: string | null;
  readonly startYear: number;
  readonly vigencias: number;
  readonly leadEntityCode: string | null;
  readonly highThreshold: number;
  readonly mediumThreshold: number;
  /** Reports sent by entities wait for the office's review (column `Requiere revisión`; empty = yes). */
  readonly reviewRequired: boolean;
}

export interface ObjectiveRow extends SourceRef {
  readonly number: number;
  readonly text: string;
}

/**
 * `Productos` row. Numbers of a product whose unit is `%` are percentages (45 = 45 %): a
 * percent-formatted cell is already converted (0.45 shown as 45 % → 45).
 */
/** `Resultados` row (optional sheet): a result indicator between an objective and its products. */
export interface ResultRow extends SourceRef {
  readonly code: string;
  readonly objectiveNumber: number;
  readonly name: string;
  readonly indicator: string;
  readonly unit: string | null;
  readonly annualizationType: AnnualizationType;
  readonly periodicity: Periodicity;
  readonly baseline: number | null;
  readonly baselineNotAvailable: boolean;
  readonly finalGoal: number | null;
  readonly weight: number | null;
  readonly responsibleEntityCode: string | null;
}

export interface ProductRow extends SourceRef {
  readonly code: string;
  readonly objectiveNumber: number;
  /** The result (`Resultados`) the product belongs to; null = straight under its objective. */
  readonly resultCode: string | null;
  /** Empty = VIGENTE. */
  readonly status: ProductStatus;
  /** `YYYY-MM-DD`; null when not given. */
  readonly withdrawnFrom: string | null;
  readonly name: string;
  readonly indicator: string;
  readonly formula: string | null;
  readonly unit: string | null;
  readonly annualizationType: AnnualizationType;
  readonly periodicity: Periodicity;
  /** Null when empty or `ND`. */
  readonly baseline: number | null;
  /** The baseline was written `ND` (no disponible). */
  readonly baselineNotAvailable: boolean;
  readonly baselineDate: string | null;
  readonly baselineSource: string | null;
  /** Null when empty (the calculation derives it). */
  readonly finalGoal: number | null;
  readonly weight: number | null;
  readonly priority: Priority | null;
  readonly responsibleEntityCode: string;
  readonly coResponsibleEntityCodes: readonly string[];
  readonly targetPopulation: string | null;
  readonly focus: string | null;
  readonly sdg: string | null;
}

/** `Metas` row. `period` null = whole-year goal; else a period code of the periodicity. */
export interface GoalRow extends SourceRef {
  /** A product code, or a result code (`Resultados`). */
  readonly productCode: string;
  readonly year: number;
  readonly period: string | null;
  /** Percent-aware like the product's numbers. */
  readonly value: number;
}

export interface PlanData {
  /** Null only when the `Politica` row could not be read (then there are errors). */
  readonly policy: PolicyRow | null;
  readonly entities: readonly EntityRow[];
  readonly objectives: readonly ObjectiveRow[];
  /** Empty when the plan has no `Resultados` sheet. */
  readonly results: readonly ResultRow[];
  readonly products: readonly ProductRow[];
  readonly goals: readonly GoalRow[];
}
