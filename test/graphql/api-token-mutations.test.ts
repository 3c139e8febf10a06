import { AuditEventRecord, OrgEntityRecord } from '../../src/entities';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { secret token { id name role prefix active expiresAt createdBy entity { code } } }
}`;
const REVOKE = 'mutation ($id: ID!) { revokeApiToken(id: $id) { id active revokedAt } }';

describe('createApiToken / revokeApiToken (the /claves page)', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof startTestHttp>>;
  let admin: string;
  let adminId: number;

  beforeAll(async () => {
    db = await createTestDatabase('api_token_mutations');
    await db.ds.getRepository(OrgEntityRecord).save({ code: 'E01', name: 'Secretaría de Gobierno' });
    const created = await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, name: 'planeación', createdBy: 'test' });
    admin = created.secret;
    adminId = created.token.id;
    api = await startTestHttp(db);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const audit = () => db.ds.getRepository(AuditEventRecord).find({ order: { id: 'ASC' } });

  it('creates an ENTITY key whose secret signs in, audited as the CLI does', async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const res = await api.gql(CREATE, {
      token: admin,
      variables: { input: { role: 'ENTITY', entityCode: 'E01', name: 'Ana Pérez (IDRD)', expiresAt } },
    });
    expect(res.body.errors).toBeUndefined();
    const { secret, token } = res.body.data.createApiToken;
    expect(secret).toMatch(/^rumbo_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: 'Ana Pérez (IDRD)',
      role: 'ENTITY',
      active: true,
      createdBy: 'planeación',
      entity: { code: 'E01' },
    });
    expect(token.prefix).toBe(secret.slice(0, 14));
    expect(new Date(token.expiresAt).toISOString()).toBe(expiresAt);

    const me = await api.gql('{ viewer { role name entity { code } } }', { token: secret });
    expect(me.body.data.viewer).toEqual({ role: 'ENTITY', name: 'Ana Pérez (IDRD)', entity: { code: 'E01' } });

    const event = (await audit()).at(-1)!;
    expect(event).toMatchObject({ action: 'TOKEN_CREATED', subject: `token:${token.id}`, actor: 'planeación', actorTokenId: adminId });
    expect(event.details).toEqual({
      name: 'Ana Pérez (IDRD)',
      role: 'ENTITY',
      entityCode: 'E01',
      prefix: token.prefix,
      expiresAt: expiresAt,
    });
    expect(JSON.stringify(await audit())).not.toContain(secret);

    const revoked = await api.gql(REVOKE, { token: admin, variables: { id: token.id } });
    expect(revoked.body.data.revokeApiToken).toMatchObject({ id: token.id, active: false });
    const last = (await audit()).at(-1)!;
    expect(last).toMatchObject({ action: 'TOKEN_REVOKED', subject: `token:${token.id}`, actorTokenId: adminId });
    expect(last.details).toEqual({ name: 'Ana Pérez (IDRD)', prefix: token.prefix });
    expect((await api.gql('{ viewer { role } }', { token: secret })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // revoking twice changes nothing and records nothing
    const before = (await audit()).length;
    const again = await api.gql(REVOKE, { token: admin, variables: { id: token.id } });
    expect(again.body.data.revokeApiToken.active).toBe(false);
    expect((await audit()).length).toBe(before);
  });

  it.each([
    [{ role: 'ENTITY', name: 'x' }, 'BAD_USER_INPUT', /necesita la entidad/],
    [{ role: 'ENTITY', entityCode: 'NOPE', name: 'x' }, 'BAD_USER_INPUT', /Ninguna entidad tiene el código «NOPE»/],
    [{ role: 'VIEWER', entityCode: 'E01', name: 'x' }, 'BAD_USER_INPUT', /no se ata a una entidad/],
    [{ role: 'ADMIN', name: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'BAD_USER_INPUT', /debe ser futura/],
    [{ role: 'ADMIN', name: 'a\u0007b' }, 'BAD_USER_INPUT', /caracteres de control/],
  ])('refuses %j in Spanish with nothing written', async (input, code, message) => {
    const before = await db.ds.query('SELECT (SELECT COUNT(*) FROM api_tokens) AS t, (SELECT COUNT(*) FROM audit_events) AS a');
    const res = await api.gql(CREATE, { token: admin, variables: { input } });
    expect(res.body.errors[0].extensions.code).toBe(code);
    expect(res.body.errors[0].message).toMatch(message);
    expect(await db.ds.query('SELECT (SELECT COUNT(*) FROM api_tokens) AS t, (SELECT COUNT(*) FROM audit_events) AS a')).toEqual(before);
  });

  it('names an unknown or malformed id', async () => {
    const unknown = await api.gql(REVOKE, { token: admin, variables: { id: '999999' } });
    expect(unknown.body.errors[0]).toMatchObject({ message: 'Ningún token tiene el id 999999.', extensions: { code: 'NOT_FOUND' } });
    const bad = await api.gql(REVOKE, { token: admin, variables: { id: 'rumbo_x' } });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
