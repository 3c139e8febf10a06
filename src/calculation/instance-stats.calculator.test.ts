import { CommitmentStatus, MembershipRole, SessionStatus, SessionType } from '../domain/enums';
import {
  commitmentCounts,
  entityAttendanceRate,
  functionCoverage,
  instanceStats,
  MembershipInput,
  membershipAttendanceRate,
  SessionInput,
  SessionScheduleInput,
  sessionCounts,
  sessionQuorum,
} from './index';

const { ORDINARIA: ORD, EXTRAORDINARIA: EXT } = SessionType;
const { REALIZADA, CANCELADA, PROGRAMADA } = SessionStatus;

describe('sessionCounts: held vs programmed per type', () => {
  const sessions: SessionInput[] = [
    { id: 1, type: ORD, status: REALIZADA, date: '2024-02-10' },
    { id: 2, type: ORD, status: REALIZADA, date: '2024-05-10' },
    { id: 3, type: ORD, status: REALIZADA, date: '2024-06-30' },
    { id: 4, type: ORD, status: REALIZADA, date: '2024-07-01' },
    { id: 5, type: EXT, status: CANCELADA, date: '2024-03-01' },
    { id: 6, type: EXT, status: PROGRAMADA, date: '2024-04-01' },
    { id: 7, type: EXT, status: REALIZADA, date: '2024-09-01' },
  ];
  const schedules: SessionScheduleInput[] = [
    { year: 2024, half: 1, type: ORD, programmed: 2 },
    { year: 2024, half: 2, type: ORD, programmed: 2 },
    { year: 2024, half: null, type: EXT, programmed: 1 },
    { year: 2024, half: 1, type: EXT, programmed: 3 },
  ];

  // from, to, [ORD held, programmed, compliance], [EXT held, programmed, compliance]
  it.each([
    ['2024-01-01', '2024-06-30', [3, 2, 1.5], [0, 3, 0]], // compliance may exceed 1; cancelled/programmed not held
    ['2024-07-01', '2024-12-31', [1, 2, 0.5], [1, 0, null]], // nothing programmed → null
    ['2024-01-01', '2024-12-31', [4, 4, 1], [1, 1, 1]], // the whole-year schedule prevails over the half-year one
    ['2024-02-01', '2024-12-31', [4, 2, 2], [1, 0, null]], // only schedules lying inside [from, to] count
    ['2025-01-01', '2025-12-31', [0, 0, null], [0, 0, null]],
  ] as [string, string, (number | null)[], (number | null)[]][])('%s..%s', (from, to, ord, ext) => {
    expect(sessionCounts(sessions, schedules, from, to)).toEqual([
      { type: ORD, held: ord[0], programmed: ord[1], compliance: ord[2] },
      { type: EXT, held: ext[0], programmed: ext[1], compliance: ext[2] },
    ]);
  });

  it('a whole-year schedule with half 0 (database encoding) is a whole-year schedule', () => {
    const [ord] = sessionCounts(sessions, [{ year: 2024, half: 0, type: ORD, programmed: 8 }], '2024-01-01', '2024-12-31');
    expect(ord).toEqual({ type: ORD, held: 4, programmed: 8, compliance: 0.5 });
  });

  it('rejects from after to', () => {
    expect(() => sessionCounts(sessions, schedules, '2024-12-31', '2024-01-01')).toThrow(RangeError);
  });
});

describe('sessionQuorum', () => {
  const DATE = '2024-06-15';
  const m = (personId: number, role: MembershipRole, from: string | null = null, to: string | null = null): MembershipInput => ({
    personId,
    role,
    from,
    to,
  });
  const memberships: MembershipInput[] = [
    m(1, MembershipRole.PRESIDENCIA),
    m(2, MembershipRole.SECRETARIA_TECNICA, '2024-01-01'),
    m(2, MembershipRole.INTEGRANTE), // the same person twice: counts once
    m(3, MembershipRole.INTEGRANTE, null, '2024-06-14'), // left the day before
    m(4, MembershipRole.INTEGRANTE, '2024-06-16'), // joins the day after
    m(5, MembershipRole.INTEGRANTE, '2024-06-15', '2024-06-15'), // active that very day
    m(6, MembershipRole.INTEGRANTE),
    m(7, MembershipRole.INVITADO_PERMANENTE), // does not vote
    m(8, MembershipRole.OTRO),
  ];
  const a = (personId: number, attended: boolean, delegated = false) => ({ personId, attended, delegated });
  const someAttend = [a(1, true), a(2, false, true), a(3, true), a(4, true), a(7, true), a(8, true), a(6, false)];

  // attendance, rule, expected
  it.each([
    ['delegation counts, inactive and non-voting members do not', someAttend, null, { voting: 4, present: 2, required: 3, met: false }],
    ['half plus one reached', [...someAttend, a(5, true)], null, { voting: 4, present: 3, required: 3, met: true }],
    ['a rule of 0.5 → ceil(0.5 × 4) = 2', someAttend, 0.5, { voting: 4, present: 2, required: 2, met: true }],
    ['a rule of 0.75 → ceil(0.75 × 4) = 3', someAttend, 0.75, { voting: 4, present: 2, required: 3, met: false }],
    ['a rule of 0.6 → ceil(2.4) = 3', someAttend, 0.6, { voting: 4, present: 2, required: 3, met: false }],
    ['a rule of 1: everybody', [...someAttend, a(5, true), a(6, true)], 1, { voting: 4, present: 4, required: 4, met: true }],
    ['nobody attended', [], null, { voting: 4, present: 0, required: 3, met: false }],
  ] as [string, ReturnType<typeof a>[], number | null, object][])('%s', (_name, attendance, rule, expected) => {
    expect(sessionQuorum(DATE, memberships, attendance, rule)).toEqual(expected);
  });

  // voting members, rule, required
  it.each([
    [14, null, 8],
    [15, null, 8],
    [2, null, 2],
    [1, null, 1],
    [0, null, 1], // no voting member: required 1, never met
    [10, 0.6, 6],
    [10, 0.7, 7], // 0.7 × 10 = 7.000000000000001 in floating point: still 7
    [10, 2 / 3, 7],
    [3, 0.1, 1],
  ])('%i voting members, rule %p → required %i', (voting, rule, required) => {
    const members = Array.from({ length: voting }, (_, k) => m(k + 1, MembershipRole.INTEGRANTE));
    const quorum = sessionQuorum(DATE, members, [], rule);
    expect(quorum.voting).toBe(voting);
    expect(quorum.required).toBe(required);
    expect(quorum.met).toBe(false);
  });

  it.each([0, -0.5, 1.5, Number.NaN])('rejects the rule %p', (rule) => {
    expect(() => sessionQuorum(DATE, memberships, [], rule)).toThrow(RangeError);
  });
});

describe('attendance rates', () => {
  const sessions: SessionInput[] = [
    { id: 1, type: ORD, status: REALIZADA, date: '2024-01-10' },
    { id: 2, type: ORD, status: REALIZADA, date: '2024-03-10' },
    { id: 3, type: EXT, status: REALIZADA, date: '2024-05-10' },
    { id: 4, type: ORD, status: CANCELADA, date: '2024-07-10' },
    { id: 5, type: ORD, status: REALIZADA, date: '2024-09-10' },
  ];
  const attendance = [
    { sessionId: 1, personId: 1, attended: true, delegated: false }, // before the membership began
    { sessionId: 2, personId: 1, attended: true, delegated: false },
    { sessionId: 3, personId: 1, attended: false, delegated: false },
    { sessionId: 4, personId: 1, attended: true, delegated: false }, // cancelled session
    { sessionId: 5, personId: 1, attended: false, delegated: true }, // by delegation
    { sessionId: 2, personId: 2, attended: true, delegated: false },
    { sessionId: 1, personId: 3, attended: true, delegated: false }, // person 3 not yet a member
    { sessionId: 5, personId: 3, attended: true, delegated: false },
  ];

  it.each([
    ['held while active: 2 of sessions 2, 3, 5', { personId: 1, from: '2024-03-01', to: null }, undefined, 2 / 3],
    ['within a range', { personId: 1, from: '2024-03-01', to: null }, { from: '2024-01-01', to: '2024-06-30' }, 1 / 2],
    ['a membership that ended early', { personId: 1, from: null, to: '2024-02-01' }, undefined, 1],
    ['nobody attended for this person', { personId: 9, from: null, to: null }, undefined, 0],
    ['no session held while active → null', { personId: 1, from: '2025-01-01', to: null }, undefined, null],
  ] as [string, { personId: number; from: string | null; to: string | null }, object | undefined, number | null][])(
    'membershipAttendanceRate: %s',
    (_name, membership, range, expected) => {
      const rate = membershipAttendanceRate(membership, sessions, attendance, range);
      if (expected === null) expect(rate).toBeNull();
      else expect(rate).toBeCloseTo(expected, 12);
    },
  );

  it.each([
    [
      'sessions where at least one active member was present',
      [
        { personId: 2, from: null, to: null },
        { personId: 3, from: '2024-06-01', to: null },
      ],
      2 / 4,
    ],
    ['a member present before joining does not count', [{ personId: 3, from: '2024-06-01', to: null }], 1],
    ['no membership → null', [], null],
  ] as [string, { personId: number; from: string | null; to: string | null }[], number | null][])(
    'entityAttendanceRate: %s',
    (_name, memberships, expected) => {
      const rate = entityAttendanceRate(memberships, sessions, attendance);
      if (expected === null) expect(rate).toBeNull();
      else expect(rate).toBeCloseTo(expected, 12);
    },
  );
});

describe('functionCoverage', () => {
  const functions = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }];
  const links = [
    { sessionId: 1, functionId: 1 },
    { sessionId: 2, functionId: 2 },
    { sessionId: 3, functionId: 2 },
    { sessionId: 4, functionId: 3 }, // session 4 not held
    { sessionId: 1, functionId: 99 }, // unknown function
  ];
  it.each([
    ['two of four functions addressed', functions, [1, 2, 3], 0.5],
    ['no session held', functions, [], 0],
    ['no functions → null', [], [1, 2, 3], null],
  ] as [string, { id: number }[], number[], number | null][])('%s', (_name, fns, held, expected) => {
    expect(functionCoverage(fns, links, held)).toBe(expected);
  });
});

describe('commitmentCounts', () => {
  const c = (status: CommitmentStatus, dueDate: string | null) => ({ status, dueDate });
  it.each([
    [
      'overdue = open with due date before the cut',
      [
        c(CommitmentStatus.ABIERTO, '2024-06-29'),
        c(CommitmentStatus.ABIERTO, '2024-06-30'), // due on the cut: not overdue yet
        c(CommitmentStatus.ABIERTO, null), // no due date: never overdue
        c(CommitmentStatus.ABIERTO, '2024-07-01'),
        c(CommitmentStatus.CUMPLIDO, '2024-01-01'), // done late is done
      ],
      { open: 4, done: 1, overdue: 1 },
    ],
    ['none', [], { open: 0, done: 0, overdue: 0 }],
  ] as [string, ReturnType<typeof c>[], object][])('%s', (_name, commitments, expected) => {
    expect(commitmentCounts(commitments, '2024-06-30')).toEqual(expected);
  });
});

describe('instanceStats', () => {
  it('combines the figures of a period', () => {
    const stats = instanceStats(
      {
        sessions: [
          { id: 1, type: ORD, status: REALIZADA, date: '2024-02-01' },
          { id: 2, type: ORD, status: REALIZADA, date: '2024-08-01' },
        ],
        schedules: [{ year: 2024, half: 1, type: ORD, programmed: 2 }],
        functions: [{ id: 1 }, { id: 2 }],
        links: [
          { sessionId: 1, functionId: 1 },
          { sessionId: 2, functionId: 2 },
        ],
        commitments: [
          { status: CommitmentStatus.ABIERTO, dueDate: '2024-03-01', sessionDate: '2024-02-01' },
          { status: CommitmentStatus.ABIERTO, dueDate: '2024-03-01', sessionDate: '2024-08-01' }, // outside the period
        ],
      },
      '2024-01-01',
      '2024-06-30',
      '2024-06-30',
    );
    expect(stats).toEqual({
      from: '2024-01-01',
      to: '2024-06-30',
      sessions: [
        { type: ORD, held: 1, programmed: 2, compliance: 0.5 },
        { type: EXT, held: 0, programmed: 0, compliance: null },
      ],
      functionCoverage: 0.5,
      commitments: { open: 1, done: 0, overdue: 1 },
    });
  });
});
