import { parse, print, validate } from 'graphql';
import { loadConfig } from '../../src/config/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { costLimitRule, withLiteralPageSizes } from '../../src/server/graphql-limits';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { DASHBOARD_QUERY } from '../support/dashboard-query';
import { insertPolicyFixture } from '../support/fixtures';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { HttpResult, startTestHttp } from '../support/test-http';

/** The dashboard query of docs/api-cifras.md. */
function dashboardQuery(): string {
  return DASHBOARD_QUERY;
}

/**
 * person → entity → people → entity … down to `depth` levels. `people` is a list priced by its `first`
 * (default 50): the depth tests ask for one person per level so that only depth is measured.
 */
function deepQuery(depth: number, people = 'people(first: 1)'): string {
  let selection = 'id';
  for (let level = depth - 1; level >= 2; level--) selection = level % 2 === 0 ? `entity { ${selection} }` : `${people} { ${selection} }`;
  return `{ person(id: "1") { ${selection} } }`;
}

describe('GraphQL hardening over HTTP', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof startTestHttp>>;
  let locked: Awaited<ReturnType<typeof startTestHttp>>;
  let admin: string;
  const bodies: string[] = [];

  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await api.gql(query, { token: admin, variables });
    bodies.push(res.text);
    return res;
  };
  const refusal = (res: HttpResult) => ({
    status: res.status,
    code: res.body.errors?.[0]?.extensions?.code,
    limit: res.body.errors?.[0]?.extensions?.limit,
  });

  beforeAll(async () => {
    db = await createTestDatabase('graphql_limits');
    await insertPolicyFixture(db.ds, 'DASH', 12);
    admin = (await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, createdBy: 'test' })).secret;
    api = await startTestHttp(db);
    locked = await startTestHttp(db, { GRAPHQL_INTROSPECTION: 'false', GRAPHQL_IDE: 'false', PUBLIC_READ: 'true' });
  });
  afterAll(async () => {
    await api?.stop();
    await locked?.stop();
    await db.drop();
  });

  it('accepts the docs/api-cifras.md dashboard query (1000-product page) comfortably', async () => {
    const res = await gql(dashboardQuery(), { code: 'DASH', cut: '2024-06-30' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.policy.products.nodes).toHaveLength(12);
    // The same page size through a variable is priced the same and still passes.
    const viaVariable = await gql('query($n: Int) { policy(code: "DASH") { products(first: $n) { nodes { code } } } }', { n: 1000 });
    expect(viaVariable.body.errors).toBeUndefined();
  });

  it('refuses a query 30 levels deep', async () => {
    const res = await gql(deepQuery(30));
    expect(refusal(res)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_DEPTH' });
    expect(res.body.errors[0].message).toBe('Query depth limit of 12 exceeded, found 30.');
    expect(res.body.data).toBeUndefined();
    expect((await gql(deepQuery(12))).body.errors).toBeUndefined();
    // The same 12 levels with the default page of people multiply 50 people five times: refused by cost.
    expect(refusal(await gql(deepQuery(12, 'people')))).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_COST' });
  });

  it('refuses 500 aliases, __typename included', async () => {
    const res = await gql(`{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(refusal(res)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_ALIASES' });
    expect(res.body.errors[0].message).toBe('Aliases limit of 30 exceeded, found 500.');
    const ok = await gql(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: policies { totalCount }`).join(' ')} }`);
    expect(ok.body.errors).toBeUndefined();
  });

  it('refuses too many directives', async () => {
    const res = await gql(`{ ${Array.from({ length: 11 }, () => '__typename @include(if: true)').join(' ')} }`);
    expect(refusal(res)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_DIRECTIVES' });
    expect(res.body.errors[0].message).toBe('Directives limit of 10 exceeded, found 11.');
  });

  it('refuses documents of more than 5000 tokens before parsing them whole', async () => {
    const res = await gql(`{ ${'__typename '.repeat(6000)}}`);
    expect(refusal(res)).toEqual({ status: 400, code: 'GRAPHQL_PARSE_FAILED', limit: 'MAX_TOKENS' });
    expect(res.body.errors[0].message).toBe('Token limit of 5000 exceeded.');
    // Other syntax errors keep graphql-js' wording.
    expect((await gql('{ policies { ')).body.errors[0]).toMatchObject({ message: expect.stringMatching(/^Syntax Error: Expected Name/) });
  });

  it('refuses nested pages whose cost exceeds the limit, with literals or variables', async () => {
    const literal = await gql('{ policies(first: 1000) { nodes { products(first: 1000) { nodes { code } } } } }');
    expect(refusal(literal)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_COST' });
    expect(literal.body.errors[0].message).toMatch(/^Query Cost limit of 200000 exceeded, found \d+/);
    const variables = await gql('query($a: Int, $b: Int) { policies(first: $a) { nodes { products(first: $b) { nodes { code } } } } }', {
      a: 1000,
      b: 1000,
    });
    expect(refusal(variables)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_COST' });
  });

  it('prices page sizes as sent: variables inlined, an omitted `first` as the default page size', async () => {
    const schema = await buildAppSchema();
    const doc = parse('query($n: Int) { policies { nodes { products(first: $n) { totalCount } } } sectors(first: 7) { totalCount } }');
    expect(print(withLiteralPageSizes(schema, doc, { n: 1000 }))).toMatch(
      /policies\(first: 50\) \{\s+nodes \{\s+products\(first: 1000\)[\s\S]*sectors\(first: 7\)/,
    );
    // The dashboard costs less than half the default limit.
    const dashboard = withLiteralPageSizes(schema, parse(dashboardQuery()), { code: 'DASH' });
    expect(validate(schema, dashboard, [costLimitRule({ ...loadConfig({}).queryLimits, maxCost: 100_000 })])).toEqual([]);
  });

  it('keeps the maximum page size', async () => {
    const res = await gql('{ policies(first: 1001) { totalCount } }');
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.body.errors[0].message).toMatch(/between 0 and 1000/);
  });

  it('refuses a 2 MB body with 413', async () => {
    const res = await api.gql('query($x: String) { __typename }', { token: admin, variables: { x: 'x'.repeat(2 * 1024 * 1024) } });
    bodies.push(res.text);
    expect(res.status).toBe(413);
  });

  it('keeps CSRF prevention on', async () => {
    const res = await api.request('/graphql?query=%7B__typename%7D', { headers: { authorization: `Bearer ${admin}` } });
    bodies.push(res.text);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF/);
  });

  it('with introspection off, refuses introspection and hides field suggestions', async () => {
    const intro = await locked.gql('{ __schema { types { name } } }');
    expect(intro.status).toBe(400);
    expect(intro.body.errors[0].message).toMatch(/introspection/i);
    const typo = await locked.gql('{ policis { totalCount } }');
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
    expect((await gql('{ policis { totalCount } }')).body.errors[0].message).toMatch(/Did you mean "policies"/);
    bodies.push(intro.text, typo.text);
  });

  it('defaults: introspection and IDE off in production, limits overridable and validated', () => {
    const prod = loadConfig({ NODE_ENV: 'production' });
    expect(prod).toMatchObject({ introspection: false, graphqlIde: false, publicRead: false, graphqlMaxBodyBytes: 1024 * 1024 });
    expect(prod.queryLimits).toEqual({ maxDepth: 12, maxAliases: 30, maxDirectives: 10, maxTokens: 5000, maxCost: 200_000 });
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ introspection: true, graphqlIde: true });
    expect(loadConfig({ GRAPHQL_MAX_DEPTH: '20', GRAPHQL_MAX_COST: '1000' }).queryLimits).toMatchObject({ maxDepth: 20, maxCost: 1000 });
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '1' })).toThrow(/GRAPHQL_MAX_DEPTH debe ser un número entero entre 2 y 100/);
    expect(() => loadConfig({ GRAPHQL_MAX_BODY_BYTES: 'lots' })).toThrow(/GRAPHQL_MAX_BODY_BYTES/);
  });

  it('never sends stack traces, whatever went wrong', async () => {
    const broken = await api.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    bodies.push(broken.text, (await gql('{ person(id: "abc") { id } }')).text);
    for (const body of bodies) {
      expect(body).not.toMatch(/stacktrace/i);
      expect(body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    }
  });
});
