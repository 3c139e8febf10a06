/**
 * Types of the demo sample data (ingestion/samples). Every field is named after the `key` of the
 * template column it fills (ingestion/templates/*.template.ts), so the workbook builder can lay each
 * record out under the template's own headers. Values are written as an entity would type them:
 * dates `AAAA-MM-DD` (written as date cells), times `HH:MM` (time cells), lists as arrays (joined
 * with the column's separator), yes/no as booleans (written `Sí` / `No`), enumerations as text
 * (role abbreviations of seed 002 included).
 */
import {
  AnnualizationType,
  CommitmentStatus,
  EntityLevel,
  InstanceKind,
  MembershipRole,
  Periodicity,
  SessionModality,
  SessionStatus,
  SessionType,
} from '../../../src/domain/enums';

/** `Entidades`. */
export interface EntitySample {
  readonly code: string;
  readonly name: string;
  readonly acronym?: string;
  readonly sector: string;
  readonly level?: EntityLevel;
}

// ---------------------------------------------------------------------------------------------
// PLAN
// ---------------------------------------------------------------------------------------------

/** `Politica`. */
export interface PolicySample {
  readonly code: string;
  readonly name: string;
  readonly legalAct?: string;
  readonly adoptionDate?: string;
  readonly startYear: number;
  readonly vigencias: number;
  readonly leadEntityCode?: string;
  readonly highThreshold?: number;
  readonly mediumThreshold?: number;
}

/** `Objetivos`. */
export interface ObjectiveSample {
  readonly number: number;
  readonly text: string;
}

/** `Productos`. `baseline` may be the text `ND` (no disponible), as seed 004 writes it. */
export interface ProductSample {
  readonly code: string;
  readonly objectiveNumber: number;
  readonly name: string;
  readonly indicator: string;
  readonly formula?: string;
  readonly unit?: string;
  readonly annualizationType: AnnualizationType;
  readonly periodicity: Periodicity;
  readonly baseline?: number | 'ND';
  readonly baselineDate?: string;
  readonly baselineSource?: string;
  readonly finalGoal?: number;
  readonly weight?: number;
  readonly priority?: 1 | 2 | 3;
  readonly responsibleEntityCode: string;
  readonly coResponsibleEntityCodes?: readonly string[];
  readonly targetPopulation?: string;
  readonly focus?: string;
  readonly sdg?: string;
}

/** `Metas`. No `period`: the goal of the whole year. */
export interface GoalSample {
  readonly productCode: string;
  readonly year: number;
  readonly period?: string;
  readonly value: number;
}

export interface PlanSample {
  readonly policy: PolicySample;
  readonly entities: readonly EntitySample[];
  readonly objectives: readonly ObjectiveSample[];
  readonly products: readonly ProductSample[];
  readonly goals: readonly GoalSample[];
}

// ---------------------------------------------------------------------------------------------
// REPORTE
// ---------------------------------------------------------------------------------------------

/** `Reporte`. */
export interface ReportSample {
  readonly policyCode: string;
  readonly productCode: string;
  readonly year: number;
  readonly period: string;
  readonly value: number;
  readonly qualitativeProgress?: string;
  readonly difficulties?: string;
  readonly evidence?: string;
  readonly reportedBy?: string;
}

export interface ReporteSample {
  readonly entities: readonly EntitySample[];
  readonly reports: readonly ReportSample[];
}

// ---------------------------------------------------------------------------------------------
// INSTANCIA
// ---------------------------------------------------------------------------------------------

/** Role as written in `Integrantes`: canonical value or a seed-002 abbreviation. */
export type RoleCell = MembershipRole | 'P' | 'S' | 'I' | 'IP' | 'O';

/** `Instancia`. */
export interface InstanceSample {
  readonly code: string;
  readonly name: string;
  readonly kind: InstanceKind;
  readonly legalBasis?: string;
  readonly internalRules?: string;
  readonly secretariatEntityCode?: string;
  readonly territory?: string;
  readonly quorum?: number;
}

/** `Integrantes`. */
export interface MemberSample {
  readonly name: string;
  readonly position?: string;
  readonly entityCode: string;
  readonly role: RoleCell;
  readonly from?: string;
  readonly to?: string;
  readonly email?: string;
}

/** `Sesiones`. */
export interface SessionSample {
  readonly number: number;
  readonly year: number;
  readonly type: SessionType;
  readonly modality?: SessionModality;
  readonly date: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly place?: string;
  readonly status?: SessionStatus;
  readonly agenda?: readonly string[];
  readonly minutesLink?: string;
}

/** `Asistencia`, list layout: one row per person and session. */
export interface AttendanceSample {
  readonly sessionNumber: number;
  readonly sessionYear: number;
  readonly name: string;
  readonly entityCode: string;
  readonly attended: boolean;
  readonly delegated?: boolean;
  readonly observations?: string;
}

/**
 * `Asistencia`, matrix layout (seed 002): one row per person; `marks` holds one cell per session
 * column, in the order of `MatrixAttendance.sessionDates` (null = empty cell); `total` fills the
 * trailing `Total sesiones` column.
 */
export interface MatrixRowSample {
  readonly name: string;
  readonly entityCode: string;
  readonly marks: readonly (string | null)[];
  readonly total: number;
}

export type AttendanceSheetSample =
  | { readonly layout: 'LIST'; readonly rows: readonly AttendanceSample[] }
  | {
      readonly layout: 'MATRIX';
      /** Header of each session column: the session's date (written as a date cell). */
      readonly sessionDates: readonly string[];
      readonly rows: readonly MatrixRowSample[];
    };

/** `Programacion`. */
export interface ScheduleSample {
  readonly year: number;
  readonly semester?: 1 | 2;
  readonly type: SessionType;
  readonly programmed: number;
}

/** `Compromisos`. */
export interface CommitmentSample {
  readonly sessionNumber: number;
  readonly sessionYear: number;
  readonly text: string;
  readonly responsibleEntityCode?: string;
  readonly dueDate?: string;
  readonly status?: CommitmentStatus;
}

/** `Retroalimentacion`. */
export interface ReviewSample {
  readonly sessionNumber: number;
  readonly sessionYear: number;
  readonly policyCode: string;
  readonly productCode: string;
  readonly report?: string;
  readonly feedback?: string;
  readonly observations?: string;
}

/** `Funciones`: `sessions` are session numbers of `year`. */
export interface FunctionSample {
  readonly number: number;
  readonly text: string;
  readonly year?: number;
  readonly sessions?: readonly number[];
}

export interface InstanciaSample {
  readonly instance: InstanceSample;
  readonly entities: readonly EntitySample[];
  readonly members: readonly MemberSample[];
  readonly sessions: readonly SessionSample[];
  readonly attendance: AttendanceSheetSample;
  readonly schedule?: readonly ScheduleSample[];
  readonly commitments?: readonly CommitmentSample[];
  readonly reviews?: readonly ReviewSample[];
  readonly functions?: readonly FunctionSample[];
}
