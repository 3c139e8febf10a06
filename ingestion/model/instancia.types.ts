import { CommitmentStatus, InstanceKind, MembershipRole, SessionModality, SessionStatus, SessionType } from '../../src/domain/enums';
import { EntityRow, SourceRef } from './common.types';

export interface InstanceRow extends SourceRef {
  readonly code: string;
  readonly name: string;
  readonly kind: InstanceKind;
  readonly legalBasis: string | null;
  readonly internalRules: string | null;
  readonly secretariatEntityCode: string | null;
  readonly territory: string | null;
  /** Fraction of voting members; null = half plus one. */
  readonly quorum: number | null;
}

/** `Integrantes` row. */
export interface MemberRow extends SourceRef {
  readonly name: string;
  /** Matching key of the name (case, accents, repeated spaces ignored); match within `entityCode`. */
  readonly personKey: string;
  readonly position: string | null;
  readonly entityCode: string;
  readonly role: MembershipRole;
  readonly from: string | null;
  readonly to: string | null;
  readonly email: string | null;
}

export interface SessionRow extends SourceRef {
  readonly number: number;
  readonly year: number;
  readonly type: SessionType;
  readonly modality: SessionModality | null;
  readonly date: string;
  /** `HH:MM`. */
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly place: string | null;
  /** REALIZADA when empty. */
  readonly status: SessionStatus;
  /** Agenda items, one per line of the cell. */
  readonly agenda: readonly string[];
  readonly minutesLink: string | null;
}

export type AttendanceLayout = 'LIST' | 'MATRIX';

/**
 * One person at one session. In the matrix layout there is one record per person row and session
 * column (attended false for an empty cell); `column` is then the session column's header.
 */
export interface AttendanceRow extends SourceRef {
  readonly column: string | null;
  readonly sessionNumber: number;
  readonly sessionYear: number;
  readonly name: string;
  readonly personKey: string;
  readonly entityCode: string;
  readonly attended: boolean;
  readonly delegated: boolean;
  readonly observations: string | null;
  /** Whether the person is listed in `Integrantes` (same entity, same name key). */
  readonly member: boolean;
  /** The member's role (the membership active on the session date when known); OTRO otherwise. */
  readonly role: MembershipRole;
}

/** `Programacion` row. `semester` null = whole year. */
export interface ScheduleRow extends SourceRef {
  readonly year: number;
  readonly semester: 1 | 2 | null;
  readonly type: SessionType;
  readonly programmed: number;
}

/** `Compromisos` row. Status ABIERTO when empty. */
export interface CommitmentRow extends SourceRef {
  readonly sessionNumber: number;
  readonly sessionYear: number;
  readonly text: string;
  readonly responsibleEntityCode: string | null;
  readonly dueDate: string | null;
  readonly status: CommitmentStatus;
}

/** `Retroalimentacion` row (a session reviewing a product's report). */
export interface ProductReviewRow extends SourceRef {
  readonly sessionNumber: number;
  readonly sessionYear: number;
  readonly policyCode: string;
  readonly productCode: string;
  readonly report: string | null;
  readonly feedback: string | null;
  readonly observations: string | null;
}

/** `Funciones` row: a function and, for a year, the numbers of the sessions that addressed it. */
export interface FunctionRow extends SourceRef {
  readonly number: number;
  readonly text: string;
  readonly year: number | null;
  readonly sessionNumbers: readonly number[];
}

export interface InstanciaData {
  /** Null only when the `Instancia` row could not be read (then there are errors). */
  readonly instance: InstanceRow | null;
  readonly entities: readonly EntityRow[];
  readonly members: readonly MemberRow[];
  readonly sessions: readonly SessionRow[];
  /** Null when the `Asistencia` sheet is missing, blank or not recognised. */
  readonly attendanceLayout: AttendanceLayout | null;
  readonly attendance: readonly AttendanceRow[];
  readonly schedule: readonly ScheduleRow[];
  readonly commitments: readonly CommitmentRow[];
  readonly reviews: readonly ProductReviewRow[];
  readonly functions: readonly FunctionRow[];
}
