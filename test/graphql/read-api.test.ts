import { insertPolicyFixture } from '../support/fixtures';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

type Conn<T> = {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

describe('GraphQL read API: lookups, filters, pagination and errors', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    db = await createTestDatabase('read_api');
    api = await createTestApi(db, { MAX_PAGE_SIZE: '100' });
    await insertPolicyFixture(db.ds, 'RA', 25);
    await insertPolicyFixture(db.ds, 'RB', 4, 2030);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('finds things by id and by natural key', async () => {
    const res = await api.query<{
      policy: { id: string; code: string; endYear: number };
      product: { code: string; policy: { code: string }; objective: { number: number } };
      objective: { number: number; products: { code: string }[] };
      entity: { code: string; sector: { name: string } };
      report: { value: number; period: string };
    }>(`{
      policy(code: "RA") { id code endYear }
      product(policyCode: "RA", code: "1.4") { code policy { code } objective { number } }
      objective(policyCode: "RA", number: 2) { number products { code } }
      entity(code: "RA-E1") { code sector { name } }
      report: progressReport(policyCode: "RA", productCode: "1.1", year: 2024, period: "T2") { value period }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.policy).toMatchObject({ code: 'RA', endYear: 2025 });
    expect(d.product).toEqual({ code: '1.4', policy: { code: 'RA' }, objective: { number: 1 } });
    expect(d.objective.products.map((p) => p.code)).toEqual(expect.arrayContaining(['2.2', '2.5']));
    expect(d.entity).toEqual({ code: 'RA-E1', sector: { name: 'RA Gobierno' } });
    expect(d.report).toEqual({ value: 3, period: 'T2' });
    const byId = await api.query<{ policy: { code: string } }>(`query($id: ID!) { policy(id: $id) { code } }`, { id: d.policy.id });
    expect(byId.data!.policy.code).toBe('RA');
  });

  it('walks every page of a filtered, sorted list with cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 20; guard++) {
      const res: { data?: { products: Conn<{ code: string }> } | null; errors?: unknown } = await api.query<{
        products: Conn<{ code: string }>;
      }>(
        `query($after: String) { products(first: 4, after: $after, filter: { policyCode: "RA", objectiveNumber: 1 }, orderBy: CODE, direction: DESC) {
            totalCount nodes { code } edges { cursor } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const page = res.data!.products;
      total = page.totalCount;
      seen.push(...page.nodes.map((n) => n.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBe(9);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect([...seen]).toEqual([...seen].sort().reverse());
  });

  it('filters products by sector, responsible entity and involved entity, and reports by year and period', async () => {
    const res = await api.query<{
      bySector: Conn<unknown>;
      byEntity: Conn<unknown>;
      reports: Conn<{ year: number }>;
      policies: Conn<{ code: string }>;
    }>(`{
      bySector: products(filter: { sectorName: "RA Salud" }) { totalCount }
      byEntity: products(filter: { responsibleEntityCode: "RA-E2" }) { totalCount }
      reports: progressReports(filter: { policyCode: "RB", year: 2030, period: "T1" }) { totalCount nodes { year } }
      policies(filter: { search: "RB" }) { totalCount nodes { code } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.bySector.totalCount).toBe(17); // entities 0 and 2 are in Salud: 9 + 8 products
    expect(res.data!.byEntity.totalCount).toBe(8);
    expect(res.data!.reports.totalCount).toBe(4);
    expect(res.data!.policies.nodes).toEqual([{ code: 'RB' }]);
  });

  it.each([
    ['a page larger than the maximum', '{ products(first: 101) { totalCount } }', /between 0 and 100/],
    ['a cursor this API did not return', '{ products(after: "bm90LWEtY3Vyc29y") { totalCount } }', /not a cursor/],
    ['two ways of naming one policy', '{ policy(code: "RA", id: "1") { code } }', /exactly one/],
    ['half a natural key', '{ product(policyCode: "RA") { code } }', /exactly one/],
    ['an id that is not a number', '{ policy(id: "abc") { code } }', /not a valid id/],
  ])('refuses %s with BAD_USER_INPUT and a clear message', async (_label, query, message) => {
    const res = await api.query(query);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('refuses a date that does not exist, as a literal or as a variable, naming the format', async () => {
    const literal = await api.query('{ sessions(filter: { from: "2024-02-30" }) { totalCount } }');
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    const variable = await api.query('query($d: Date) { sessions(filter: { from: $d }) { totalCount } }', { d: '2024-02-30' });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it('answers unknown fields with GRAPHQL_VALIDATION_FAILED and missing things with null', async () => {
    const bad = await api.query('{ policy(code: "RA") { nope } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const none = await api.query<{ policy: null }>('{ policy(code: "NO-EXISTE") { code } }');
    expect(none.errors).toBeUndefined();
    expect(none.data!.policy).toBeNull();
  });
});
