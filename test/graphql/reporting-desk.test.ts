import { ClosedPeriodRecord, OrgEntityRecord, ProductCoResponsibleRecord, ProductRecord, ProgressReportRecord } from '../../src/entities';
import { ANONYMOUS, Role, Viewer } from '../../src/services/viewer';
import { PUBLIC_VIEWER } from '../../src/services/access';
import { insertPolicyFixture, PolicyFixture } from '../support/fixtures';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const DESK = /* GraphQL */ `
  query Desk($entityCode: String, $date: Date) {
    reportingDesk(entityCode: $entityCode, date: $date) {
      entity {
        code
      }
      date
      itemCount
      counts {
        missing
        submitted
        approved
        returned
        closed
      }
      items(first: 500) {
        kind
        policyCode
        policyName
        code
        name
        role
        indicator
        unit
        periodicity
        periodCount
        pendingCount
        periods(first: 100) {
          year
          period
          number
          label
          start
          end
          goal
          state
          report {
            id
            value
            reviewStatus
            reviewComment
            approvedValue
            qualitative
          }
        }
      }
    }
  }
`;

type Desk = {
  reportingDesk: {
    entity: { code: string };
    date: string;
    itemCount: number;
    counts: Record<string, number>;
    items: {
      kind: string;
      code: string;
      role: string;
      periodCount: number;
      pendingCount: number;
      periods: { year: number; period: string; number: number; label: string; goal: number | null; state: string; report: any }[];
    }[];
  };
};

describe('reportingDesk: an entity’s products, results and due periods', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let fixture: PolicyFixture;
  let e0: OrgEntityRecord;
  let entityViewer: Viewer;

  beforeAll(async () => {
    db = await createTestDatabase('i11_desk');
    api = await createTestApi(db);
    fixture = await insertPolicyFixture(db.ds, 'RD', 9, 2024);
    await insertPolicyFixture(db.ds, 'RB', 300, 2024);
    e0 = (await db.ds.getRepository(OrgEntityRecord).findOneBy({ code: 'RD-E0' }))!;
    entityViewer = { role: Role.ENTITY, entityId: e0.id, name: 'entity-RD-E0', tokenId: null };
    const byCode = (code: string) => fixture.products.find((p) => p.code === code)!;
    // 2.2 belongs to RD-E1; RD-E0 is co-responsible
    await db.ds.getRepository(ProductCoResponsibleRecord).save({ productId: byCode('2.2').id, entityId: e0.id, position: 0 });
    const reports = db.ds.getRepository(ProgressReportRecord);
    await reports.update(
      { productId: byCode('1.1').id, year: 2024, period: 'T2' },
      { reviewStatus: 'RETURNED' as never, reviewComment: 'El valor no coincide con la evidencia.' },
    );
    await reports.update({ productId: byCode('1.4').id, year: 2024, period: 'T2' }, { reviewStatus: 'PENDING' as never });
    await db.ds.getRepository(ClosedPeriodRecord).save({ policyId: fixture.policy.id, year: 2024, period: 'T1', closedBy: 'oficina' });
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('lists responsible and co-responsible products and results with the periods ended at the date', async () => {
    const res = await api.query<Desk>(DESK, { date: '2024-09-30' }, entityViewer);
    expect(res.errors).toBeUndefined();
    const desk = res.data!.reportingDesk;
    expect(desk.entity.code).toBe('RD-E0');
    expect(desk.date).toBe('2024-09-30');
    // RD-E0 is responsible for 1.1, 1.4, 1.7 and result R1, co-responsible for 2.2
    expect(desk.items.map((i) => [i.kind, i.code, i.role])).toEqual([
      ['PRODUCT', '1.1', 'RESPONSIBLE'],
      ['PRODUCT', '1.4', 'RESPONSIBLE'],
      ['PRODUCT', '1.7', 'RESPONSIBLE'],
      ['PRODUCT', '2.2', 'CO_RESPONSIBLE'],
      ['RESULT', 'R1', 'RESPONSIBLE'],
    ]);
    const p11 = desk.items[0]!;
    // quarterly SUMA product, yearly goal 40: T1..T3 of 2024 have ended at 30 September, T4 has not
    expect(p11.periods.map((p) => [p.year, p.period, p.number, p.label, p.goal, p.state])).toEqual([
      [2024, 'T3', 3, 'Tercer trimestre de 2024', 10, 'MISSING'],
      [2024, 'T2', 2, 'Segundo trimestre de 2024', 10, 'RETURNED'],
      [2024, 'T1', 1, 'Primer trimestre de 2024', 10, 'CLOSED'],
    ]);
    expect(p11.periods[1]!.report).toMatchObject({ reviewStatus: 'RETURNED', reviewComment: 'El valor no coincide con la evidencia.' });
    expect(p11.periods[0]!.report).toBeNull();
    expect(p11.pendingCount).toBe(2);
    expect(desk.items[1]!.periods.map((p) => p.state)).toEqual(['MISSING', 'SUBMITTED', 'CLOSED']);
    // the annual result of 2024 is not due before the year ends
    expect(desk.items[4]!.periods).toEqual([]);
    expect(desk.counts).toEqual({ missing: 4, submitted: 1, approved: 2, returned: 1, closed: 4 });
  });

  it('shows the annual result once its year has ended, with what was reported', async () => {
    const res = await api.query<Desk>(DESK, { date: '2025-01-15' }, entityViewer);
    const r1 = res.data!.reportingDesk.items.find((i) => i.kind === 'RESULT')!;
    expect(r1.periods.map((p) => [p.year, p.period, p.label, p.goal, p.state])).toEqual([[2024, 'ANUAL', 'Año 2024', 20, 'APPROVED']]);
    expect(r1.periods[0]!.report.value).toBe(12);
  });

  it('lets ADMIN read any entity by code and refuses the others in Spanish', async () => {
    const admin = await api.query<Desk>(DESK, { entityCode: 'RD-E0', date: '2024-09-30' });
    expect(admin.data!.reportingDesk.items).toHaveLength(5);
    const noCode = await api.query(DESK, {});
    expect(noCode.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(noCode.errors![0]!.message).toMatch(/Indique el código de la entidad/);
    const unknown = await api.query(DESK, { entityCode: 'NOPE' });
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const other = await api.query(DESK, { entityCode: 'RD-E1' }, entityViewer);
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(other.errors![0]!.message).toMatch(/solo puede ver el escritorio de reportes de su propia entidad/);
    expect(JSON.stringify(other.data)).not.toContain('RD-E1');
    for (const viewer of [PUBLIC_VIEWER, { ...PUBLIC_VIEWER, name: 'tablero', tokenId: 1 }]) {
      const refused = await api.query(DESK, { entityCode: 'RD-E0' }, viewer);
      expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(refused.errors![0]!.message).toMatch(/El escritorio de reportes es para/);
      expect(refused.data).toBeNull();
    }
    expect((await api.query(DESK, { entityCode: 'RD-E0' }, ANONYMOUS)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('cuts lists to first and says how many there are', async () => {
    const res = await api.query<Desk>(
      `{ reportingDesk(entityCode: "RB-E0", date: "2025-12-31") { itemCount items(first: 2) { code periodCount periods(first: 1) { period } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportingDesk.itemCount).toBe(100 + 10);
    expect(res.data!.reportingDesk.items).toHaveLength(2);
    expect(res.data!.reportingDesk.items[0]).toEqual({ code: '1.1', periodCount: 8, periods: [{ period: 'T4' }] });
  });

  it('sends the same number of SQL statements for 5 items and for 110', async () => {
    const small = await db.counter.measure(() => api.query(DESK, { entityCode: 'RD-E0', date: '2025-12-31' }));
    const large = await db.counter.measure(() => api.query(DESK, { entityCode: 'RB-E0', date: '2025-12-31' }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect((large.result.data as Desk).reportingDesk.itemCount).toBe(110);
    expect(small.statements).toBeGreaterThan(5);
    expect(large.statements).toBe(small.statements);
  });

  it('leaves out the periods of a withdrawn product from its withdrawal on', async () => {
    const p17 = fixture.products.find((p) => p.code === '1.7')!;
    await db.ds.getRepository(ProductRecord).update(p17.id, { status: 'NO_VIGENTE' as never, withdrawnFrom: '2024-07-01' });
    const res = await api.query<Desk>(DESK, { date: '2024-12-31' }, entityViewer);
    const item = res.data!.reportingDesk.items.find((i) => i.code === '1.7')!;
    expect(item.periods.map((p) => p.period)).toEqual(['T2', 'T1']);
    await db.ds.getRepository(ProductRecord).update(p17.id, { status: 'VIGENTE' as never, withdrawnFrom: null });
  });
});
