import { buildAppSchema } from '../../src/graphql/schema';
import { OrgEntityRecord, PersonRecord } from '../../src/entities';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { insertPolicyFixture } from '../support/fixtures';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type Principal = 'ANONYMOUS' | 'PUBLIC_ANONYMOUS' | 'VIEWER' | 'ENTITY' | 'ADMIN' | 'REVOKED' | 'EXPIRED' | 'UNKNOWN' | 'MALFORMED';

const EMAIL = 'ana.perez@example.gov.co';
const POLICIES = '{ policies { totalCount } }';
const PEOPLE = '{ people { nodes { name email } } }';
const API_TOKENS =
  '{ apiTokens(includeRevoked: true) { id name role prefix active entity { code } lastUsedAt revokedAt expiresAt createdBy } }';

/** Every mutation, aimed at targets that do not exist: refused by role, or (ADMIN) by the service. */
const MUTATIONS: Record<string, string> = {
  approveReports: 'mutation { approveReports(ids: ["999999"]) { count } }',
  returnReports: 'mutation { returnReports(ids: ["999999"], comment: "corregir") { count } }',
  approveBatch: 'mutation { approveBatch(batchId: "999999") { count } }',
  closePeriod: 'mutation { closePeriod(policyCode: "NOPE", year: 2024, period: "S1") { id } }',
  reopenPeriod: 'mutation { reopenPeriod(policyCode: "NOPE", year: 2024, period: "S1") { id } }',
  publishCut: 'mutation { publishCut(policyCode: "NOPE", cut: "2024-12-31", title: "Corte") { id } }',
};

/** Every sensitive operation against every kind of caller (docs/security.md). */
const MATRIX: [Principal, { policies: Outcome; people: Outcome; email: string | null; apiTokens: Outcome }][] = [
  ['ANONYMOUS', { policies: 'UNAUTHENTICATED', people: 'UNAUTHENTICATED', email: null, apiTokens: 'UNAUTHENTICATED' }],
  ['PUBLIC_ANONYMOUS', { policies: 'ok', people: 'ok', email: null, apiTokens: 'FORBIDDEN' }],
  ['VIEWER', { policies: 'ok', people: 'ok', email: null, apiTokens: 'FORBIDDEN' }],
  ['ENTITY', { policies: 'ok', people: 'ok', email: null, apiTokens: 'FORBIDDEN' }],
  ['ADMIN', { policies: 'ok', people: 'ok', email: EMAIL, apiTokens: 'ok' }],
  ['REVOKED', { policies: 'UNAUTHENTICATED', people: 'UNAUTHENTICATED', email: null, apiTokens: 'UNAUTHENTICATED' }],
  ['EXPIRED', { policies: 'UNAUTHENTICATED', people: 'UNAUTHENTICATED', email: null, apiTokens: 'UNAUTHENTICATED' }],
  ['UNKNOWN', { policies: 'UNAUTHENTICATED', people: 'UNAUTHENTICATED', email: null, apiTokens: 'UNAUTHENTICATED' }],
  ['MALFORMED', { policies: 'UNAUTHENTICATED', people: 'UNAUTHENTICATED', email: null, apiTokens: 'UNAUTHENTICATED' }],
];

describe('access matrix over HTTP', () => {
  let db: TestDatabase;
  let privateApi: Awaited<ReturnType<typeof startTestHttp>>;
  let publicApi: Awaited<ReturnType<typeof startTestHttp>>;
  const secrets = {} as Record<'ADMIN' | 'ENTITY' | 'VIEWER' | 'REVOKED' | 'EXPIRED', string>;
  const bodies: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('access_matrix');
    await insertPolicyFixture(db.ds, 'AM', 3);
    const entity = await db.ds.getRepository(OrgEntityRecord).save({ code: 'E01', name: 'Secretaría de Gobierno' });
    await db.ds.getRepository(PersonRecord).save({ name: 'Ana Pérez', normalizedName: 'ana perez', entityId: entity.id, email: EMAIL });

    const { tokens } = createSecurityServices(db.ds);
    secrets.ADMIN = (await tokens.create({ role: Role.ADMIN, name: 'planeación', createdBy: 'test' })).secret;
    secrets.ENTITY = (await tokens.create({ role: Role.ENTITY, entityCode: 'E01', createdBy: 'test' })).secret;
    secrets.VIEWER = (await tokens.create({ role: Role.VIEWER, name: 'tablero', createdBy: 'test' })).secret;
    const revoked = await tokens.create({ role: Role.ADMIN, name: 'old admin', createdBy: 'test' });
    await tokens.revoke(String(revoked.token.id), 'test');
    secrets.REVOKED = revoked.secret;
    const past = createSecurityServices(db.ds, () => new Date(Date.now() - 2 * 86_400_000));
    secrets.EXPIRED = (await past.tokens.create({ role: Role.ADMIN, name: 'expired admin', expiresInDays: 1, createdBy: 'test' })).secret;

    privateApi = await startTestHttp(db);
    publicApi = await startTestHttp(db, { PUBLIC_READ: 'true' });
  });
  afterAll(async () => {
    await privateApi?.stop();
    await publicApi?.stop();
    await db.drop();
  });

  function send(principal: Principal, query: string) {
    switch (principal) {
      case 'ANONYMOUS':
        return privateApi.gql(query);
      case 'PUBLIC_ANONYMOUS':
        return publicApi.gql(query);
      case 'UNKNOWN':
        return privateApi.gql(query, { token: `rumbo_${'x'.repeat(43)}` });
      case 'MALFORMED':
        return privateApi.gql(query, { headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` } });
      default:
        return privateApi.gql(query, { token: secrets[principal] });
    }
  }

  async function outcome(principal: Principal, query: string) {
    const res = await send(principal, query);
    bodies.push(res.text);
    const code = res.body.errors?.[0]?.extensions?.code as string | undefined;
    if (code === 'UNAUTHENTICATED') {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="rumbo"/);
      expect(res.body.data).toBeUndefined();
      return { outcome: 'UNAUTHENTICATED' as Outcome, res };
    }
    if (code === 'FORBIDDEN') return { outcome: 'FORBIDDEN' as Outcome, res };
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    return { outcome: 'ok' as Outcome, res };
  }

  describe.each(MATRIX)('%s', (principal, expected) => {
    it(`policies: ${expected.policies}`, async () => {
      const { outcome: got, res } = await outcome(principal, POLICIES);
      expect(got).toBe(expected.policies);
      if (got === 'ok') expect(res.body.data.policies.totalCount).toBe(1);
    });

    it(`people: ${expected.people}, email ${expected.email === null ? 'null' : 'readable'}`, async () => {
      const { outcome: got, res } = await outcome(principal, PEOPLE);
      expect(got).toBe(expected.people);
      if (got === 'ok') expect(res.body.data.people.nodes).toEqual([{ name: 'Ana Pérez', email: expected.email }]);
    });

    it(`apiTokens: ${expected.apiTokens}`, async () => {
      const { outcome: got, res } = await outcome(principal, API_TOKENS);
      expect(got).toBe(expected.apiTokens);
      if (got === 'FORBIDDEN') expect(res.body).toEqual({ data: null, errors: [expect.objectContaining({ path: ['apiTokens'] })] });
      if (got === 'ok') {
        const list = res.body.data.apiTokens as Record<string, unknown>[];
        expect(list.map((t) => [t.name, t.role, t.active])).toEqual([
          ['planeación', 'ADMIN', true],
          ['entity-E01', 'ENTITY', true],
          ['tablero', 'VIEWER', true],
          ['old admin', 'ADMIN', false],
          ['expired admin', 'ADMIN', false],
        ]);
        expect(list[1]!.entity).toEqual({ code: 'E01' });
        expect(list[0]!.lastUsedAt).toEqual(expect.any(String));
        for (const secret of Object.values(secrets)) expect(res.text).not.toContain(secret);
      }
    });
  });

  it('says why a request is refused', async () => {
    expect((await privateApi.gql(POLICIES)).body.errors[0].message).toMatch(/Authentication required/);
    expect((await privateApi.gql(POLICIES, { token: secrets.REVOKED })).body.errors[0].message).toBe(
      'The token is invalid, expired or revoked.',
    );
    const invalid = await privateApi.gql(POLICIES, { token: secrets.EXPIRED });
    expect(invalid.headers.get('www-authenticate')).toBe('Bearer realm="rumbo", error="invalid_token"');
    // PUBLIC_READ does not turn a bad token into an anonymous reader.
    expect((await publicApi.gql(POLICIES, { token: secrets.REVOKED })).status).toBe(401);
    expect((await publicApi.gql(POLICIES, { headers: { authorization: 'Bearer' } })).status).toBe(401);
  });

  describe.each(MATRIX.map(([principal]) => principal))('%s: mutations and the audit log', (principal) => {
    const expected: Outcome | 'ALLOWED' = ['ANONYMOUS', 'REVOKED', 'EXPIRED', 'UNKNOWN', 'MALFORMED'].includes(principal)
      ? 'UNAUTHENTICATED'
      : principal === 'ADMIN'
        ? 'ALLOWED'
        : 'FORBIDDEN';
    it.each(Object.entries(MUTATIONS))(`%s: ${expected}, nothing changed unless allowed`, async (_name, operation) => {
      const before = await db.ds.query('SELECT COUNT(*) AS n FROM audit_events WHERE action NOT IN (?, ?)', [
        'TOKEN_CREATED',
        'TOKEN_REVOKED',
      ]);
      const res = await send(principal, operation);
      bodies.push(res.text);
      const code = res.body.errors?.[0]?.extensions?.code as string | undefined;
      if (expected === 'ALLOWED') {
        // the role may: the request reaches the service, which refuses the made-up target
        expect(['NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT']).toContain(code);
      } else {
        expect(code).toBe(expected);
        expect(res.body.data?.[_name] ?? null).toBeNull();
      }
      const after = await db.ds.query('SELECT COUNT(*) AS n FROM audit_events WHERE action NOT IN (?, ?)', [
        'TOKEN_CREATED',
        'TOKEN_REVOKED',
      ]);
      expect(Number(after[0].n)).toBe(Number(before[0].n));
    });

    it(`auditEvents: ${expected === 'ALLOWED' ? 'ok' : expected}`, async () => {
      const { outcome: got } = await outcome(principal, '{ auditEvents(first: 5) { totalCount nodes { action actor subject details } } }');
      expect(got).toBe(expected === 'ALLOWED' ? 'ok' : expected);
    });
  });

  it('covers every mutation of the schema (add a new one to MUTATIONS)', async () => {
    const schema = await buildAppSchema();
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort()).toEqual(Object.keys(MUTATIONS).sort());
    expect(schema.getSubscriptionType()).toBeUndefined();
    expect(Object.keys(schema.getType('ApiToken') ? (schema.getType('ApiToken') as any).getFields() : {})).not.toContain('tokenHash');
  });

  it('never sends stack traces', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      expect(body).not.toMatch(/stacktrace/i);
      expect(body).not.toMatch(/\n\s+at /);
    }
  });
});
