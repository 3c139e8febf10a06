/**
 * The figures of an instance's management report (informe de gestión, seed 002) for a date range, read from
 * the database and computed by the calculation module exactly as the GraphQL API does
 * (graphql/instance-figures.ts): Instance.stats(from, to) and Membership.attendanceRate(from, to).
 */
import { DataSource } from 'typeorm';
import { instanceStats, isHeld, isPresent, membershipAttendanceRate } from '../calculation/instance-stats.calculator';
import { InstanceStatsResult } from '../calculation/types';
import { CommitmentStatus, MembershipRole, SessionType } from '../domain/enums';
import {
  AttendanceRecord,
  CommitmentRecord,
  InstanceFunctionRecord,
  InstanceRecord,
  MembershipRecord,
  OrgEntityRecord,
  PersonRecord,
  SectorRecord,
  SessionFunctionRecord,
  SessionRecord,
  SessionScheduleRecord,
} from '../entities';
import { RecordLoadingService } from '../services/record-loading.service';
import { checkIsoDate, ReportError } from './report.errors';

export interface ReportSession {
  id: number;
  number: number;
  year: number;
  type: SessionType;
  date: string;
}

export interface AttendanceRow {
  sector: string;
  entity: string;
  person: string;
  position: string | null;
  /** null for a person who attended without a membership in the range. */
  role: MembershipRole | null;
  /** By held session id: 'present' | 'delegated' | absent. */
  marks: Map<number, 'present' | 'delegated'>;
  total: number;
  /** API Membership.attendanceRate(from, to); null without membership or when no session was held while active. */
  attendanceRate: number | null;
}

export interface ReportFunction {
  number: number;
  text: string;
  /** Held sessions in the range that addressed it, by date. */
  sessions: ReportSession[];
}

export interface ReportCommitment {
  sessionDate: string;
  sessionNumber: number;
  text: string;
  responsible: string | null;
  dueDate: string | null;
  status: CommitmentStatus;
  overdue: boolean;
}

export interface InstanceReportData {
  instance: { code: string; name: string; legalBasis: string | null; internalRules: string | null; secretariat: string | null };
  from: string;
  to: string;
  /** Overdue commitments are judged at this date: the earlier of `to` and today (as the API does). */
  cut: string;
  stats: InstanceStatsResult;
  held: ReportSession[];
  attendance: AttendanceRow[];
  functions: ReportFunction[];
  commitments: ReportCommitment[];
}

const ROLE_ORDER: MembershipRole[] = [
  MembershipRole.PRESIDENCIA,
  MembershipRole.SECRETARIA_TECNICA,
  MembershipRole.INTEGRANTE,
  MembershipRole.INVITADO_PERMANENTE,
  MembershipRole.OTRO,
];

const overlaps = (m: MembershipRecord, from: string, to: string) =>
  (m.fromDate ?? '0000-01-01') <= to && (m.toDate ?? '9999-12-31') >= from;

export async function loadInstanceReportData(
  ds: DataSource,
  code: string,
  fromArg: string | null | undefined,
  toArg: string | null | undefined,
  today: string,
): Promise<InstanceReportData> {
  const from = checkIsoDate(fromArg, 'la fecha inicial', '--desde');
  const to = checkIsoDate(toArg, 'la fecha final', '--hasta');
  if (from > to) throw new ReportError(`La fecha inicial (${from}) es posterior a la final (${to}).`, 400);
  const instance = await ds.getRepository(InstanceRecord).findOneBy({ code });
  if (!instance) throw new ReportError(`No existe una instancia con código «${code}».`, 404);
  const records = new RecordLoadingService(ds);
  const [[sessions], [schedules], [functions], [memberships]] = await Promise.all([
    records.byColumn(SessionRecord, 'instanceId', [instance.id], { date: 'ASC', id: 'ASC' }),
    records.byColumn(SessionScheduleRecord, 'instanceId', [instance.id], { year: 'ASC', half: 'ASC' }),
    records.byColumn(InstanceFunctionRecord, 'instanceId', [instance.id], { number: 'ASC' }),
    records.byColumn(MembershipRecord, 'instanceId', [instance.id], { id: 'ASC' }),
  ]);
  const inRange = sessions!.filter((s) => s.date >= from && s.date <= to);
  if (inRange.length === 0) {
    throw new ReportError(
      `La instancia ${code} no tiene sesiones registradas entre ${from} y ${to}: no hay nada que informar en ese periodo.`,
      422,
    );
  }
  const ids = sessions!.map((s) => s.id);
  const [links, commitments, attendance] = await Promise.all([
    records.byColumn(SessionFunctionRecord, 'sessionId', ids, { functionId: 'ASC' }),
    records.byColumn(CommitmentRecord, 'sessionId', ids, { id: 'ASC' }),
    records.byColumn(AttendanceRecord, 'sessionId', ids, { id: 'ASC' }),
  ]);
  const cut = to < today ? to : today;
  const dateOf = new Map(sessions!.map((s) => [s.id, s.date]));
  const stats = instanceStats(
    {
      sessions: sessions!.map((s) => ({ id: s.id, type: s.type, status: s.status, date: s.date })),
      schedules: schedules!.map((s) => ({
        year: s.year,
        half: s.half === 1 || s.half === 2 ? s.half : null,
        type: s.type,
        programmed: s.programmed,
      })),
      functions: functions!,
      links: links.flat(),
      commitments: commitments.flat().map((c) => ({ status: c.status, dueDate: c.dueDate, sessionDate: dateOf.get(c.sessionId)! })),
    },
    from,
    to,
    cut,
  );

  const held: ReportSession[] = inRange
    .filter((s) => isHeld(s))
    .map((s) => ({ id: s.id, number: s.number, year: s.year, type: s.type, date: s.date }));
  const heldIds = new Set(held.map((s) => s.id));
  const allAttendance = attendance.flat();
  const heldAttendance = allAttendance.filter((a) => heldIds.has(a.sessionId) && isPresent(a));

  // People: members in the range and anyone present at a held session of the range.
  const active = memberships!.filter((m) => overlaps(m, from, to));
  const personIds = [...new Set([...active.map((m) => m.personId), ...heldAttendance.map((a) => a.personId)])];
  const people = (await records.byIds(PersonRecord, personIds)).filter((p): p is PersonRecord => p !== null);
  const entityIds = [
    ...new Set([
      ...people.map((p) => p.entityId),
      ...commitments
        .flat()
        .map((c) => c.responsibleEntityId)
        .filter((x): x is number => x != null),
      ...(instance.technicalSecretariatId ? [instance.technicalSecretariatId] : []),
    ]),
  ];
  const entities = new Map(
    (await records.byIds(OrgEntityRecord, entityIds)).filter((e): e is OrgEntityRecord => e !== null).map((e) => [e.id, e]),
  );
  const sectorIds = [...new Set([...entities.values()].map((e) => e.sectorId).filter((x): x is number => x != null))];
  const sectors = new Map(
    (await records.byIds(SectorRecord, sectorIds)).filter((s): s is SectorRecord => s !== null).map((s) => [s.id, s.name]),
  );
  const personById = new Map(people.map((p) => [p.id, p]));
  const heldFacts = sessions!.map((s) => ({ id: s.id, status: s.status, date: s.date }));

  const rowFor = (personId: number, membership: MembershipRecord | null): AttendanceRow => {
    const person = personById.get(personId);
    const entity = person ? entities.get(person.entityId) : undefined;
    const marks = new Map<number, 'present' | 'delegated'>();
    for (const a of heldAttendance) {
      if (a.personId !== personId) continue;
      if (
        membership &&
        !(
          (membership.fromDate ?? '0000-01-01') <= dateOf.get(a.sessionId)! &&
          dateOf.get(a.sessionId)! <= (membership.toDate ?? '9999-12-31')
        )
      )
        continue;
      marks.set(a.sessionId, a.attended ? 'present' : 'delegated');
    }
    return {
      sector: entity?.sectorId != null ? (sectors.get(entity.sectorId) ?? '') : '',
      entity: entity?.name ?? '',
      person: person?.name ?? '',
      position: person?.position ?? null,
      role: membership?.role ?? null,
      marks,
      total: marks.size,
      attendanceRate: membership
        ? membershipAttendanceRate(
            { personId, from: membership.fromDate, to: membership.toDate },
            heldFacts,
            allAttendance.filter((a) => a.personId === personId),
            { from, to },
          )
        : null,
    };
  };
  const rows = active.map((m) => rowFor(m.personId, m));
  const members = new Set(active.map((m) => m.personId));
  for (const pid of new Set(heldAttendance.map((a) => a.personId))) if (!members.has(pid)) rows.push(rowFor(pid, null));
  const roleRank = (r: MembershipRole | null) => (r ? ROLE_ORDER.indexOf(r) : ROLE_ORDER.length);
  rows.sort(
    (a, b) =>
      (a.sector || '~').localeCompare(b.sector || '~', 'es') ||
      a.entity.localeCompare(b.entity, 'es') ||
      roleRank(a.role) - roleRank(b.role) ||
      a.person.localeCompare(b.person, 'es'),
  );

  const linkRows = links.flat();
  const reportFunctions: ReportFunction[] = functions!.map((f) => ({
    number: f.number,
    text: f.text,
    sessions: held.filter((s) => linkRows.some((l) => l.functionId === f.id && l.sessionId === s.id)),
  }));

  const sessionById = new Map(sessions!.map((s) => [s.id, s]));
  const reportCommitments: ReportCommitment[] = commitments
    .flat()
    .filter((c) => {
      const d = dateOf.get(c.sessionId)!;
      return d >= from && d <= to;
    })
    .map((c) => ({
      sessionDate: dateOf.get(c.sessionId)!,
      sessionNumber: sessionById.get(c.sessionId)!.number,
      text: c.text,
      responsible: c.responsibleEntityId ? (entities.get(c.responsibleEntityId)?.name ?? null) : null,
      dueDate: c.dueDate,
      status: c.status,
      overdue: c.status !== CommitmentStatus.CUMPLIDO && c.dueDate !== null && c.dueDate < cut,
    }))
    .sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));

  return {
    instance: {
      code: instance.code,
      name: instance.name,
      legalBasis: instance.legalBasis,
      internalRules: instance.internalRules,
      secretariat: instance.technicalSecretariatId ? (entities.get(instance.technicalSecretariatId)?.name ?? null) : null,
    },
    from,
    to,
    cut,
    stats,
    held,
    attendance: rows,
    functions: reportFunctions,
    commitments: reportCommitments,
  };
}
