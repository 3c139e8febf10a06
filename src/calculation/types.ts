/**
 * Plain-data types of the calculation service (docs/calculation.md).
 * Dates are ISO strings 'YYYY-MM-DD'; figures are fractions (0.5757 = 57.57 %).
 * Output shapes mirror the GraphQL types of docs/api-cifras.md one to one.
 */
import {
  AnnualizationType,
  CommitmentStatus,
  MembershipRole,
  Periodicity,
  SessionStatus,
  SessionType,
  TrafficLight,
} from '../domain/enums';

/** An ISO calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

/** Default traffic-light thresholds (calculation.md §4). */
export const DEFAULT_HIGH_THRESHOLD = 0.75;
export const DEFAULT_MEDIUM_THRESHOLD = 0.5;
/** A product with a raw to-date ratio above this is flagged overExecution (the office's orange). */
export const OVER_EXECUTION_RATIO = 1.25;
/** Explicit weights must sum to 1 within this tolerance (calculation.md §6). */
export const WEIGHT_TOLERANCE = 0.001;
/**
 * Comparison tolerance used where floating-point noise could flip a decision (threshold boundaries,
 * D = B, G = 0): two figures closer than EPSILON · max(1, |a|, |b|) are taken as equal.
 */
export const EPSILON = 1e-9;

// ---------------------------------------------------------------------------------------------
// Policies and products
// ---------------------------------------------------------------------------------------------

/** The years of a policy: from startYear for `vigencias` years (2022 + 10 = 2022..2031). */
export interface PolicyHorizon {
  startYear: number;
  vigencias: number;
}

export interface PolicyCalcInput extends PolicyHorizon {
  /** ALTO when p > highThreshold. Null/absent = 0.75. */
  highThreshold?: number | null;
  /** MEDIO when mediumThreshold < p <= highThreshold, BAJO when p <= mediumThreshold. Null/absent = 0.50. */
  mediumThreshold?: number | null;
}

export interface GoalInput {
  year: number;
  /** null (or '') = the whole-year goal g_y; a period code = an explicit period goal MP. */
  period: string | null;
  value: number;
}

export interface ReportInput {
  year: number;
  /** ANUAL, S1..S2, T1..T4, M01..M12. */
  period: string;
  value: number;
}

/** A (year, period) of a report. */
export interface PeriodRef {
  year: number;
  period: string;
}

export interface ProductCalcInput {
  id: number;
  annualizationType: AnnualizationType;
  periodicity: Periodicity;
  /** Baseline B; null (absent or 'ND') counts as 0. */
  baseline: number | null;
  /** Final goal G; null = derived from the yearly goals. */
  finalGoal: number | null;
  /** Explicit weight (ponderador). */
  weight: number | null;
  /** Priority level: 1 Urgente, 2 Muy urgente, 3 Atención inmediata. */
  priority: number | null;
  goals: readonly GoalInput[];
  reports: readonly ReportInput[];
  /**
   * Periods whose latest sent value waits for the office's review (docs/review.md). The caller puts
   * in `reports` the values of the chosen basis (approved, or latest sent); these only raise
   * `pendingReview` when such a period is closed at the cut. Absent = none.
   */
  pendingReports?: readonly PeriodRef[];
  /**
   * The product was withdrawn from the plan (NO_VIGENTE) from this date on: from then it weighs 0 and
   * is left out of every aggregate. Null/absent = vigente.
   */
  withdrawnFrom?: IsoDate | null;
}

/** A result indicator (indicador de resultado) of a policy: measured with the same rules as a product. */
export interface ResultCalcInput extends ProductCalcInput {
  objectiveId: number;
}

/** A product placed in its policy's structure, for the aggregates of §7. */
export interface PolicyProductInput extends ProductCalcInput {
  objectiveId: number;
  /** Sector of the responsible entity; null = none (left out of bySector). */
  sectorId: number | null;
  /** Responsible entity. */
  entityId: number;
}

/** One period of the calendar (calculation.md §1). */
export interface CalendarPeriod {
  year: number;
  /** ANUAL, S1, S2, C1..C3, T1..T4, B1..B6, M01..M12, BIENIO, TRIENIO, CUATRIENIO, QUINQUENIO. */
  code: string;
  /** First day, 'YYYY-MM-DD'. */
  start: IsoDate;
  /** Last day, 'YYYY-MM-DD'. A period is closed at a cut t when end <= t. */
  end: IsoDate;
  /** Number of months in the period (1, 2, 3, 4, 6, 12; 24..60 for a multi-year span, shorter when cut at the horizon's end). */
  months: number;
  /** Month (1..12) the period ends in: `m` of the default level goal. */
  endMonth: number;
}

/** The goal MP of one period of the horizon (calculation.md §2). */
export interface PeriodGoal extends CalendarPeriod {
  /** MP; null when the period has no goal (no explicit goal and no goal for its year). */
  goal: number | null;
  /** true when the plan gives this period's goal explicitly (it overrides the default). */
  explicit: boolean;
}

/** progress / ideal / gap of one measure. */
export interface Measure {
  progress: number;
  ideal: number;
  gap: number;
}

/** API `ProductProgress`. */
export interface ProductProgressResult {
  cut: IsoDate;
  due: boolean;
  /** D(t); null when not due. */
  goalToDate: number | null;
  /** A(t). */
  achieved: number;
  /** G (given or derived). */
  finalGoal: number;
  /** Raw to-date ratio r; null when not due. */
  ratio: number | null;
  /** p (capped), ideal 1, gap p - 1; null when not due. */
  toDate: Measure | null;
  /** c, i, c - i. */
  cumulative: Measure;
  trafficLight: TrafficLight;
  overExecution: boolean;
  missingReport: boolean;
  /** A closed period at the cut has a sent value waiting for the office's review (on basis APPROVED it is not counted). */
  pendingReview: boolean;
  /** Why the figures could not be measured (then not due, no ratio, c = i = 0); null when they could. */
  unmeasuredReason: UnmeasuredReason | null;
}

/** LINEA_BASE_FALTANTE: a DECRECIENTE without a numeric baseline (SDP rule V16). */
export type UnmeasuredReason = 'LINEA_BASE_FALTANTE';

export interface TrafficLightCounts {
  alto: number;
  medio: number;
  bajo: number;
  notDue: number;
}

/** Shares shown to people: NOT_DUE counted green. */
export interface TrafficLightShares {
  green: number;
  yellow: number;
  red: number;
}

/** API `AggregateProgress`. */
export interface AggregateProgressResult {
  cut: IsoDate;
  /** W = Σ w over the set. */
  weight: number;
  productCount: number;
  toDate: Measure;
  cumulative: Measure;
  lights: TrafficLightCounts;
  shares: TrafficLightShares;
  missingReportCount: number;
  overExecutionCount: number;
  /** Products (not withdrawn) flagged pendingReview. */
  pendingReviewCount: number;
  /** Products of the set withdrawn (NO_VIGENTE) at the cut: listed apart, not in any figure above. */
  withdrawnCount: number;
}

export interface WeightedProgress {
  progress: ProductProgressResult;
  weight: number;
  /** Withdrawn (NO_VIGENTE) at the cut: weight 0, left out of the aggregates. */
  withdrawn?: boolean;
}

export interface ObjectiveProgressResult {
  objectiveId: number;
  progress: AggregateProgressResult;
}
export interface SectorProgressResult {
  sectorId: number;
  progress: AggregateProgressResult;
}
export interface EntityProgressResult {
  entityId: number;
  progress: AggregateProgressResult;
}

/** API `PolicyProgress`, plus every product's own figures and weight (computed once). */
export interface PolicyProgressResult {
  cut: IsoDate;
  total: AggregateProgressResult;
  byObjective: ObjectiveProgressResult[];
  bySector: SectorProgressResult[];
  byEntity: EntityProgressResult[];
  products: Map<number, WeightedProgress>;
  /** Aggregate of the result indicators (their own weights), apart from the products' total. */
  results: AggregateProgressResult;
  /** Every result's own figures and weight. */
  resultsById: Map<number, WeightedProgress>;
}

export type WeightBasis = 'EXPLICIT' | 'PRIORITY' | 'EQUAL';

export interface WeightCheck {
  /** Σ of the explicit weights given. */
  sum: number;
  /** Products with an explicit weight. */
  given: number;
  /** Products without one. */
  missing: number;
  /** |sum - 1| <= 0.001 (inclusive). */
  withinTolerance: boolean;
  /** No weight given at all, or every product has one and the sum is within tolerance. */
  ok: boolean;
}

// ---------------------------------------------------------------------------------------------
// Instances (calculation.md §9)
// ---------------------------------------------------------------------------------------------

export interface SessionInput {
  id: number;
  type: SessionType;
  status: SessionStatus;
  date: IsoDate;
}

export interface SessionScheduleInput {
  year: number;
  /** 1 = January-June, 2 = July-December, null (or 0) = the whole year. */
  half: 1 | 2 | 0 | null;
  type: SessionType;
  programmed: number;
}

/** Active from `from` to `to`, both inclusive; null = open-ended. */
export interface ActivePeriod {
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface MembershipInput extends ActivePeriod {
  personId: number;
  role: MembershipRole;
}

export interface AttendanceInput {
  sessionId: number;
  personId: number;
  attended: boolean;
  delegated: boolean;
}

export interface DateRange {
  /** Inclusive; null/absent = unbounded. */
  from?: IsoDate | null;
  /** Inclusive; null/absent = unbounded. */
  to?: IsoDate | null;
}

export interface FunctionLinkInput {
  sessionId: number;
  functionId: number;
}

export interface CommitmentInput {
  status: CommitmentStatus;
  dueDate: IsoDate | null;
}

/** API `SessionCount`. */
export interface SessionCountResult {
  type: SessionType;
  held: number;
  programmed: number;
  /** held / programmed (may exceed 1); null when nothing was programmed. */
  compliance: number | null;
}

/** API `Quorum`. */
export interface QuorumResult {
  voting: number;
  present: number;
  required: number;
  met: boolean;
}

/** API `CommitmentCounts`. */
export interface CommitmentCountsResult {
  open: number;
  done: number;
  overdue: number;
}

/** API `InstanceStats`. */
export interface InstanceStatsResult {
  from: IsoDate;
  to: IsoDate;
  sessions: SessionCountResult[];
  functionCoverage: number | null;
  commitments: CommitmentCountsResult;
}
