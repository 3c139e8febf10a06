/**
 * Statistics of coordination instances (calculation.md §9): sessions held vs programmed, attendance
 * rates, quorum, function coverage and commitments. Pure functions over plain arrays.
 */
import { CommitmentStatus, SessionStatus, SessionType, VOTING_ROLES } from '../domain/enums';
import { assertIsoDate, isoDate, isWithin } from './iso-date';
import {
  ActivePeriod,
  AttendanceInput,
  CommitmentCountsResult,
  CommitmentInput,
  DateRange,
  EPSILON,
  FunctionLinkInput,
  InstanceStatsResult,
  IsoDate,
  MembershipInput,
  QuorumResult,
  SessionCountResult,
  SessionInput,
  SessionScheduleInput,
} from './types';

type SessionFacts = Pick<SessionInput, 'type' | 'status' | 'date'>;
type HeldSessionFacts = Pick<SessionInput, 'id' | 'status' | 'date'>;
type Presence = Pick<AttendanceInput, 'personId' | 'attended' | 'delegated'>;

/** Session types in the order the counts are returned. */
export const SESSION_TYPES: readonly SessionType[] = [SessionType.ORDINARIA, SessionType.EXTRAORDINARIA];

function assertRange(from: IsoDate, to: IsoDate): void {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (from > to) throw new RangeError(`from (${from}) must not be after to (${to})`);
}

function assertOptionalRange(range: DateRange | undefined): void {
  if (range?.from != null) assertIsoDate(range.from, 'from');
  if (range?.to != null) assertIsoDate(range.to, 'to');
}

/** A session counts as held only with status REALIZADA. */
export function isHeld(session: Pick<SessionInput, 'status'>): boolean {
  return session.status === SessionStatus.REALIZADA;
}

/** Present = attended in person or represented by a delegate. */
export function isPresent(row: Pick<AttendanceInput, 'attended' | 'delegated'>): boolean {
  return row.attended || row.delegated;
}

/** A membership is active on a date when from <= date <= to (null bounds are open). */
export function isActiveOn(period: ActivePeriod, date: IsoDate): boolean {
  return isWithin(date, period.from, period.to);
}

/** First and last day a schedule covers: half 1 Jan-Jun, half 2 Jul-Dec, null/0 the whole year. */
export function scheduleSpan(schedule: Pick<SessionScheduleInput, 'year' | 'half'>): { start: IsoDate; end: IsoDate } {
  const { year, half } = schedule;
  if (half === 1) return { start: isoDate(year, 1, 1), end: isoDate(year, 6, 30) };
  if (half === 2) return { start: isoDate(year, 7, 1), end: isoDate(year, 12, 31) };
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/**
 * Programmed sessions of a type in [from, to]: a schedule counts when the half-year or year it covers
 * lies entirely inside [from, to]. When a whole-year schedule counts, the half-year schedules of the
 * same year and type are not added to it (the year figure prevails, never counted twice).
 */
export function programmedSessions(schedules: readonly SessionScheduleInput[], type: SessionType, from: IsoDate, to: IsoDate): number {
  const inside = schedules.filter((schedule) => {
    if (schedule.type !== type) return false;
    const span = scheduleSpan(schedule);
    return from <= span.start && span.end <= to;
  });
  const wholeYears = new Set(inside.filter((s) => !s.half).map((s) => s.year));
  return inside
    .filter((schedule) => !schedule.half || !wholeYears.has(schedule.year))
    .reduce((total, schedule) => total + schedule.programmed, 0);
}

/**
 * Sessions held (REALIZADA, dated within [from, to]) and programmed per type, with compliance =
 * held / programmed (may exceed 1; null when nothing was programmed). Both types are always returned.
 */
export function sessionCounts(
  sessions: readonly SessionFacts[],
  schedules: readonly SessionScheduleInput[],
  from: IsoDate,
  to: IsoDate,
): SessionCountResult[] {
  assertRange(from, to);
  return SESSION_TYPES.map((type) => {
    const held = sessions.filter((s) => s.type === type && isHeld(s) && isWithin(s.date, from, to)).length;
    const programmed = programmedSessions(schedules, type, from, to);
    return { type, held, programmed, compliance: programmed === 0 ? null : held / programmed };
  });
}

/** Ids of the sessions where the person was present (attended or delegated). */
function presentSessions(attendance: readonly AttendanceInput[], personIds: ReadonlySet<number>): Set<number> {
  return new Set(attendance.filter((row) => personIds.has(row.personId) && isPresent(row)).map((row) => row.sessionId));
}

/**
 * Attendance rate of a membership: held sessions (within the optional range) it was present at /
 * held sessions while it was active; null when no session was held while it was active.
 */
export function membershipAttendanceRate(
  membership: ActivePeriod & { personId: number },
  sessions: readonly HeldSessionFacts[],
  attendance: readonly AttendanceInput[],
  range?: DateRange,
): number | null {
  assertOptionalRange(range);
  const held = sessions.filter((s) => isHeld(s) && isWithin(s.date, range?.from, range?.to) && isActiveOn(membership, s.date));
  if (held.length === 0) return null;
  const present = presentSessions(attendance, new Set([membership.personId]));
  return held.filter((s) => present.has(s.id)).length / held.length;
}

/**
 * Attendance rate of an entity, from the memberships of its people: held sessions (within the optional
 * range) where at least one of its members active on that date was present / held sessions while at
 * least one of them was active; null when there is no such session.
 */
export function entityAttendanceRate(
  memberships: readonly (ActivePeriod & { personId: number })[],
  sessions: readonly HeldSessionFacts[],
  attendance: readonly AttendanceInput[],
  range?: DateRange,
): number | null {
  assertOptionalRange(range);
  let heldCount = 0;
  let attendedCount = 0;
  for (const session of sessions) {
    if (!isHeld(session) || !isWithin(session.date, range?.from, range?.to)) continue;
    const active = new Set(memberships.filter((m) => isActiveOn(m, session.date)).map((m) => m.personId));
    if (active.size === 0) continue;
    heldCount++;
    if (attendance.some((row) => row.sessionId === session.id && active.has(row.personId) && isPresent(row))) {
      attendedCount++;
    }
  }
  return heldCount === 0 ? null : attendedCount / heldCount;
}

/**
 * Quorum of a session:
 * - voting: distinct people with a voting role (PRESIDENCIA, SECRETARIA_TECNICA, INTEGRANTE) active on
 *   the session date (a person holding two voting memberships counts once);
 * - present: those of them who attended in person or by delegation;
 * - required: with a rule (a fraction in (0, 1]) ceil(rule × voting), ignoring floating-point noise of
 *   1e-9; without one (null) half plus one = floor(voting / 2) + 1; never below 1;
 * - met: present >= required.
 */
export function sessionQuorum(
  sessionDate: IsoDate,
  memberships: readonly MembershipInput[],
  attendance: readonly Presence[],
  quorumRule: number | null,
): QuorumResult {
  assertIsoDate(sessionDate, 'sessionDate');
  if (quorumRule !== null && !(Number.isFinite(quorumRule) && quorumRule > 0 && quorumRule <= 1)) {
    throw new RangeError(`quorumRule must be a fraction in (0, 1] or null, got ${quorumRule}`);
  }
  const voters = new Set(memberships.filter((m) => VOTING_ROLES.has(m.role) && isActiveOn(m, sessionDate)).map((m) => m.personId));
  const presentPeople = new Set(attendance.filter(isPresent).map((row) => row.personId));
  const present = [...voters].filter((personId) => presentPeople.has(personId)).length;
  const voting = voters.size;
  const rawRequired = quorumRule === null ? Math.floor(voting / 2) + 1 : Math.ceil(quorumRule * voting - EPSILON);
  const required = Math.max(1, rawRequired);
  return { voting, present, required, met: present >= required };
}

/**
 * Function coverage: functions addressed by at least one held session / all functions; null when the
 * instance has no functions. Links to sessions not in heldSessionIds, or to unknown functions, are ignored.
 */
export function functionCoverage(
  functions: readonly { id: number }[],
  links: readonly FunctionLinkInput[],
  heldSessionIds: Iterable<number>,
): number | null {
  if (functions.length === 0) return null;
  const held = new Set(heldSessionIds);
  const ids = new Set(functions.map((f) => f.id));
  const addressed = new Set(links.filter((l) => held.has(l.sessionId) && ids.has(l.functionId)).map((l) => l.functionId));
  return addressed.size / ids.size;
}

/**
 * Commitments: open (ABIERTO), done (CUMPLIDO) and overdue = open with a due date strictly before the
 * cut (overdue ones are also counted in open; an open commitment with no due date is never overdue).
 */
export function commitmentCounts(commitments: readonly CommitmentInput[], cut: IsoDate): CommitmentCountsResult {
  assertIsoDate(cut, 'cut');
  let open = 0;
  let done = 0;
  let overdue = 0;
  for (const commitment of commitments) {
    if (commitment.status === CommitmentStatus.CUMPLIDO) {
      done++;
    } else {
      open++;
      if (commitment.dueDate !== null && commitment.dueDate < cut) overdue++;
    }
  }
  return { open, done, overdue };
}

export interface InstanceStatsInput {
  sessions: readonly SessionInput[];
  schedules: readonly SessionScheduleInput[];
  functions: readonly { id: number }[];
  links: readonly FunctionLinkInput[];
  /** Commitments with the date of the session that took them. */
  commitments: readonly (CommitmentInput & { sessionDate: IsoDate })[];
}

/**
 * Statistics of an instance for [from, to] (API `InstanceStats`): session counts; function coverage
 * over the sessions held in [from, to]; commitments taken in sessions dated in [from, to], with
 * overdue judged at `cut` (the caller passes e.g. the earlier of `to` and today).
 */
export function instanceStats(input: InstanceStatsInput, from: IsoDate, to: IsoDate, cut: IsoDate): InstanceStatsResult {
  assertRange(from, to);
  const held = input.sessions.filter((s) => isHeld(s) && isWithin(s.date, from, to)).map((s) => s.id);
  return {
    from,
    to,
    sessions: sessionCounts(input.sessions, input.schedules, from, to),
    functionCoverage: functionCoverage(input.functions, input.links, held),
    commitments: commitmentCounts(
      input.commitments.filter((c) => isWithin(c.sessionDate, from, to)),
      cut,
    ),
  };
}
