import { entityAttendanceRate, instanceStats, membershipAttendanceRate, sessionQuorum } from '../calculation/instance-stats.calculator';
import { InstanceStatsResult, QuorumResult } from '../calculation/types';
import { InstanceRecord, MembershipRecord, PersonRecord, SessionRecord } from '../entities';
import { UserInputError } from '../services/errors';
import { GraphQLContext } from './context';
import { isIsoDate } from './scalars/date.scalar';

function checkRange(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw new UserInputError(`"from" (${from}) must not be after "to" (${to})`);
}

/** Attendance rows of an instance's held sessions, through the request loaders (one statement per kind). */
async function heldSessionsWithAttendance(ctx: GraphQLContext, instanceId: number) {
  const sessions = await ctx.loaders.sessionsByInstanceId.load(instanceId);
  const attendance = await ctx.loaders.attendanceBySessionId.loadMany(sessions.map((s) => s.id));
  return {
    sessions: sessions.map((s) => ({ id: s.id, status: s.status, date: s.date })),
    attendance: attendance.flatMap((rows) => (rows instanceof Error ? [] : rows)),
  };
}

/** Instance.stats(from, to): the §9 figures, with overdue commitments judged at min(to, today). */
export async function instanceStatsOf(
  ctx: GraphQLContext,
  instance: InstanceRecord,
  from: string,
  to: string,
): Promise<InstanceStatsResult> {
  checkRange(from, to);
  const [sessions, schedules, functions] = await Promise.all([
    ctx.loaders.sessionsByInstanceId.load(instance.id),
    ctx.loaders.schedulesByInstanceId.load(instance.id),
    ctx.loaders.functionsByInstanceId.load(instance.id),
  ]);
  const ids = sessions.map((s) => s.id);
  const [links, commitments] = await Promise.all([
    ctx.loaders.sessionFunctionsBySessionId.loadMany(ids),
    ctx.loaders.commitmentsBySessionId.loadMany(ids),
  ]);
  const dateOf = new Map(sessions.map((s) => [s.id, s.date]));
  const today = ctx.progress.cutOf(null);
  return instanceStats(
    {
      sessions: sessions.map((s) => ({ id: s.id, type: s.type, status: s.status, date: s.date })),
      schedules: schedules.map((s) => ({
        year: s.year,
        half: s.half === 1 || s.half === 2 ? s.half : null,
        type: s.type,
        programmed: s.programmed,
      })),
      functions,
      links: links.flatMap((l) => (l instanceof Error ? [] : l)),
      commitments: commitments
        .flatMap((l) => (l instanceof Error ? [] : l))
        .map((c) => ({ status: c.status, dueDate: c.dueDate, sessionDate: dateOf.get(c.sessionId)! })),
    },
    from,
    to,
    to < today ? to : today,
  );
}

export async function quorumOf(ctx: GraphQLContext, session: SessionRecord): Promise<QuorumResult> {
  const [instance, memberships, attendance] = await Promise.all([
    ctx.loaders.byId(InstanceRecord).load(session.instanceId),
    ctx.loaders.membershipsByInstanceId.load(session.instanceId),
    ctx.loaders.attendanceBySessionId.load(session.id),
  ]);
  return sessionQuorum(
    session.date,
    memberships.map((m) => ({ personId: m.personId, role: m.role, from: m.fromDate, to: m.toDate })),
    attendance,
    instance?.quorumRule ?? null,
  );
}

export async function membershipRateOf(
  ctx: GraphQLContext,
  m: MembershipRecord,
  from?: string | null,
  to?: string | null,
): Promise<number | null> {
  checkRange(from, to);
  const { sessions, attendance } = await heldSessionsWithAttendance(ctx, m.instanceId);
  return membershipAttendanceRate(
    { personId: m.personId, from: m.fromDate, to: m.toDate },
    sessions,
    attendance.filter((a) => a.personId === m.personId),
    { from, to },
  );
}

export async function entityRateOf(
  ctx: GraphQLContext,
  entityId: number,
  instanceCode: string,
  from?: string | null,
  to?: string | null,
): Promise<number | null> {
  checkRange(from, to);
  for (const d of [from, to]) if (d && !isIsoDate(d)) throw new UserInputError(`not a date: ${d}`);
  const instance = await ctx.services.instances.instanceByCode(instanceCode);
  if (!instance) throw new UserInputError(`No instance has code "${instanceCode}"`, 'instanceCode');
  const memberships = await ctx.loaders.membershipsByInstanceId.load(instance.id);
  const people = await ctx.loaders.byId(PersonRecord).loadMany(memberships.map((x) => x.personId));
  const ofEntity = new Set(people.filter((p): p is PersonRecord => p instanceof PersonRecord && p.entityId === entityId).map((p) => p.id));
  const mine = memberships.filter((x) => ofEntity.has(x.personId));
  const { sessions, attendance } = await heldSessionsWithAttendance(ctx, instance.id);
  return entityAttendanceRate(
    mine.map((x) => ({ personId: x.personId, from: x.fromDate, to: x.toDate })),
    sessions,
    attendance.filter((a) => ofEntity.has(a.personId)),
    { from, to },
  );
}
