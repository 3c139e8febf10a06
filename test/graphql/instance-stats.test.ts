import { CommitmentStatus, InstanceKind, MembershipRole, SessionStatus, SessionType } from '../../src/domain/enums';
import {
  AttendanceRecord,
  CommitmentRecord,
  InstanceFunctionRecord,
  InstanceRecord,
  MembershipRecord,
  OrgEntityRecord,
  PersonRecord,
  SessionFunctionRecord,
  SessionRecord,
  SessionScheduleRecord,
} from '../../src/entities';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * A table shaped like seed 002 (ZESAI, January–June 2020): 6 ordinary sessions held against 5
 * programmed, 0 extraordinary against 2; 4 functions of which 2 addressed.
 */
async function insertTable(db: TestDatabase): Promise<void> {
  await db.ds.transaction(async (m) => {
    const [gob, hab] = await m.save(OrgEntityRecord, [
      m.create(OrgEntityRecord, { code: 'GOB', name: 'Secretaría de Gobierno' }),
      m.create(OrgEntityRecord, { code: 'HAB', name: 'Secretaría del Hábitat' }),
    ]);
    const inst = await m.save(
      m.create(InstanceRecord, { code: 'ZESAI', name: 'Mesa ZESAI', kind: InstanceKind.MESA, technicalSecretariatId: gob!.id }),
    );
    const [ana, luis, eva] = await m.save(PersonRecord, [
      m.create(PersonRecord, { name: 'Ana', normalizedName: 'ana', entityId: gob!.id }),
      m.create(PersonRecord, { name: 'Luis', normalizedName: 'luis', entityId: hab!.id }),
      m.create(PersonRecord, { name: 'Eva', normalizedName: 'eva', entityId: hab!.id }),
    ]);
    await m.save(MembershipRecord, [
      m.create(MembershipRecord, { instanceId: inst.id, personId: ana!.id, role: MembershipRole.PRESIDENCIA }),
      m.create(MembershipRecord, { instanceId: inst.id, personId: luis!.id, role: MembershipRole.INTEGRANTE }),
      m.create(MembershipRecord, { instanceId: inst.id, personId: eva!.id, role: MembershipRole.INTEGRANTE, fromDate: '2020-04-01' }),
    ]);
    const dates = ['2020-01-22', '2020-02-19', '2020-03-18', '2020-04-22', '2020-05-20', '2020-06-17'];
    const sessions = await m.save(
      SessionRecord,
      dates.map((date, i) =>
        m.create(SessionRecord, {
          instanceId: inst.id,
          year: 2020,
          number: i + 1,
          type: SessionType.ORDINARIA,
          status: SessionStatus.REALIZADA,
          date,
        }),
      ),
    );
    await m.save(
      m.create(SessionRecord, {
        instanceId: inst.id,
        year: 2020,
        number: 7,
        type: SessionType.EXTRAORDINARIA,
        status: SessionStatus.CANCELADA,
        date: '2020-06-30',
      }),
    );
    // Ana at every session; Luis at the first two, by delegation at the third; Eva (from April) at one of three.
    await m.save(AttendanceRecord, [
      ...sessions.map((s) => m.create(AttendanceRecord, { sessionId: s.id, personId: ana!.id, attended: true, delegated: false })),
      ...sessions.map((s, i) => m.create(AttendanceRecord, { sessionId: s.id, personId: luis!.id, attended: i < 2, delegated: i === 2 })),
      ...sessions
        .slice(3)
        .map((s, i) => m.create(AttendanceRecord, { sessionId: s.id, personId: eva!.id, attended: i === 0, delegated: false })),
    ]);
    await m.save(SessionScheduleRecord, [
      m.create(SessionScheduleRecord, { instanceId: inst.id, year: 2020, half: 1, type: SessionType.ORDINARIA, programmed: 5 }),
      m.create(SessionScheduleRecord, { instanceId: inst.id, year: 2020, half: 1, type: SessionType.EXTRAORDINARIA, programmed: 2 }),
    ]);
    const fns = await m.save(
      InstanceFunctionRecord,
      [1, 2, 3, 4].map((n) => m.create(InstanceFunctionRecord, { instanceId: inst.id, number: n, text: `Función ${n}` })),
    );
    await m.save(SessionFunctionRecord, [
      m.create(SessionFunctionRecord, { sessionId: sessions[0]!.id, functionId: fns[0]!.id }),
      m.create(SessionFunctionRecord, { sessionId: sessions[1]!.id, functionId: fns[2]!.id }),
    ]);
    await m.save(CommitmentRecord, [
      m.create(CommitmentRecord, {
        sessionId: sessions[0]!.id,
        text: 'A',
        textHash: 'a'.repeat(64),
        dueDate: '2020-03-01',
        status: CommitmentStatus.ABIERTO,
      }),
      m.create(CommitmentRecord, {
        sessionId: sessions[0]!.id,
        text: 'B',
        textHash: 'b'.repeat(64),
        dueDate: '2020-12-01',
        status: CommitmentStatus.ABIERTO,
      }),
      m.create(CommitmentRecord, {
        sessionId: sessions[1]!.id,
        text: 'C',
        textHash: 'c'.repeat(64),
        dueDate: '2020-03-01',
        status: CommitmentStatus.CUMPLIDO,
      }),
    ]);
  });
}

describe('instance statistics through GraphQL', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    db = await createTestDatabase('instance_stats');
    api = await createTestApi(db);
    await insertTable(db);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('counts sessions held vs programmed, function coverage and commitments for a half-year', async () => {
    const res = await api.query<{ instance: { stats: unknown } }>(
      `{ instance(code: "ZESAI") { stats(from: "2020-01-01", to: "2020-06-30") {
          from to sessions { type held programmed compliance } functionCoverage commitments { open done overdue } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.instance.stats).toEqual({
      from: '2020-01-01',
      to: '2020-06-30',
      sessions: [
        { type: 'ORDINARIA', held: 6, programmed: 5, compliance: 1.2 },
        { type: 'EXTRAORDINARIA', held: 0, programmed: 2, compliance: 0 },
      ],
      functionCoverage: 0.5,
      commitments: { open: 2, done: 1, overdue: 1 },
    });
  });

  it('computes quorum per session and attendance rates per membership and entity', async () => {
    const res = await api.query<{
      instance: {
        sessions: { number: number; quorum: { voting: number; present: number; required: number; met: boolean } }[];
        memberships: { person: { name: string }; attendanceRate: number | null }[];
      };
      entity: { attendanceRate: number | null };
    }>(`{
      instance(code: "ZESAI") {
        sessions(type: ORDINARIA) { number quorum { voting present required met } }
        memberships { person { name } attendanceRate(from: "2020-01-01", to: "2020-06-30") }
      }
      entity(code: "HAB") { attendanceRate(instanceCode: "ZESAI") }
    }`);
    expect(res.errors).toBeUndefined();
    const q = Object.fromEntries(res.data!.instance.sessions.map((s) => [s.number, s.quorum]));
    expect(q[1]).toEqual({ voting: 2, present: 2, required: 2, met: true });
    expect(q[3]).toEqual({ voting: 2, present: 2, required: 2, met: true }); // Luis by delegation
    expect(q[5]).toEqual({ voting: 3, present: 1, required: 2, met: false }); // Eva active from April
    const rates = Object.fromEntries(res.data!.instance.memberships.map((mm) => [mm.person.name, mm.attendanceRate]));
    expect(rates.Ana).toBe(1);
    expect(rates.Luis).toBeCloseTo(3 / 6, 12);
    expect(rates.Eva).toBeCloseTo(1 / 3, 12);
    expect(res.data!.entity.attendanceRate).toBeCloseTo(4 / 6, 12);
  });

  it('refuses a period whose start is after its end, with a clear message', async () => {
    const res = await api.query(`{ instance(code: "ZESAI") { stats(from: "2020-07-01", to: "2020-06-30") { from } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/must not be after/);
  });
});
