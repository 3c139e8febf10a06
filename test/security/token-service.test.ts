import { ApiTokenRecord, AuditEventRecord, OrgEntityRecord } from '../../src/entities';
import { AuditAction } from '../../src/services/audit.service';
import { createSecurityServices, hashTokenSecret, LAST_USED_THROTTLE_MS, TokenError } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('TokenService', () => {
  let db: TestDatabase;
  let clock: Date;
  const at = (iso: string) => (clock = new Date(iso));
  let security: ReturnType<typeof createSecurityServices>;
  let entityId: number;

  beforeAll(async () => {
    db = await createTestDatabase('token_service');
    security = createSecurityServices(db.ds, () => clock);
    entityId = (await db.ds.getRepository(OrgEntityRecord).save({ code: 'E01', name: 'Secretaría de Salud' })).id;
  });
  afterAll(() => db.drop());
  beforeEach(() => at('2025-03-01T12:00:00.000Z'));

  it('creates a token whose secret is shown once and stored only as its sha256', async () => {
    const { token, secret } = await security.tokens.create({ role: Role.ADMIN, name: 'planeación', createdBy: 'cli' });
    expect(secret).toMatch(/^rumbo_[A-Za-z0-9_-]{43}$/);
    const row = await db.ds.getRepository(ApiTokenRecord).findOneByOrFail({ id: token.id });
    expect(row.tokenHash).toBe(hashTokenSecret(secret));
    expect(row.prefix).toBe(secret.slice(0, 14));
    const raw = await db.ds.query('SELECT * FROM api_tokens WHERE id = ?', [token.id]);
    expect(JSON.stringify(raw)).not.toContain(secret.slice(14));
    expect(row).toMatchObject({ name: 'planeación', role: Role.ADMIN, entityId: null, createdBy: 'cli', expiresAt: null });
  });

  it('authenticates, then refuses once revoked; both actions are audited', async () => {
    const { token, secret } = await security.tokens.create({ role: Role.ENTITY, entityCode: 'E01', expiresInDays: 30, createdBy: 'cli' });
    expect(token.name).toBe('entity-E01');
    expect(token.expiresAt?.toISOString()).toBe('2025-03-31T12:00:00.000Z');
    expect(await security.tokens.authenticate(secret)).toEqual({ role: Role.ENTITY, entityId, name: 'entity-E01', tokenId: token.id });

    const { alreadyRevoked } = await security.tokens.revoke(String(token.id), 'cli');
    expect(alreadyRevoked).toBe(false);
    expect(await security.tokens.authenticate(secret)).toBeNull();
    expect((await security.tokens.revoke(token.prefix, 'cli')).alreadyRevoked).toBe(true);

    const events = await db.ds.getRepository(AuditEventRecord).find({ where: { subject: `token:${token.id}` }, order: { id: 'ASC' } });
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      [AuditAction.TOKEN_CREATED, 'cli'],
      [AuditAction.TOKEN_REVOKED, 'cli'],
    ]);
    expect(events[0]!.details).toMatchObject({ role: 'ENTITY', entityCode: 'E01', prefix: token.prefix });
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('refuses an expired token', async () => {
    const { secret } = await security.tokens.create({ role: Role.VIEWER, expiresInDays: 1, createdBy: 'cli' });
    at('2025-03-02T11:59:59.000Z');
    expect(await security.tokens.authenticate(secret)).not.toBeNull();
    at('2025-03-02T12:00:00.000Z');
    expect(await security.tokens.authenticate(secret)).toBeNull();
  });

  it('refuses unknown and malformed secrets without trusting their shape', async () => {
    const { secret } = await security.tokens.create({ role: Role.VIEWER, createdBy: 'cli' });
    const other = `rumbo_${'A'.repeat(43)}`;
    for (const bad of [
      other,
      secret.slice(0, -1),
      `${secret}x`,
      secret.toUpperCase(),
      '',
      'Bearer',
      `rumbo_${"' OR 1=1 --".padEnd(43, 'x')}`,
    ]) {
      expect(await security.tokens.authenticate(bad)).toBeNull();
    }
  });

  it('writes last_used_at at most once a minute', async () => {
    const { token, secret } = await security.tokens.create({ role: Role.VIEWER, createdBy: 'cli' });
    const lastUsed = async () => (await db.ds.getRepository(ApiTokenRecord).findOneByOrFail({ id: token.id })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBeUndefined();
    await security.tokens.authenticate(secret);
    expect(await lastUsed()).toBe('2025-03-01T12:00:00.000Z');

    at('2025-03-01T12:00:30.000Z');
    const { statements } = await db.counter.measure(() => security.tokens.authenticate(secret));
    expect(statements).toBe(1);
    expect(await lastUsed()).toBe('2025-03-01T12:00:00.000Z');

    at(new Date(Date.parse('2025-03-01T12:00:00.000Z') + LAST_USED_THROTTLE_MS).toISOString());
    await security.tokens.authenticate(secret);
    expect(await lastUsed()).toBe('2025-03-01T12:01:00.000Z');
  });

  it('validates roles, entities, names and expiry', async () => {
    const create = (input: Partial<Parameters<typeof security.tokens.create>[0]>) =>
      security.tokens.create({ role: Role.VIEWER, createdBy: 'cli', ...input });
    await expect(create({ role: Role.ENTITY })).rejects.toThrow(/needs --entity/);
    await expect(create({ role: Role.ENTITY, entityCode: 'NOPE' })).rejects.toThrow(/No entity has the code "NOPE"/);
    await expect(create({ role: Role.ADMIN, entityCode: 'E01' })).rejects.toThrow(/not bound to an entity/);
    await expect(create({ role: 'ROOT' as Role })).rejects.toThrow(TokenError);
    await expect(create({ expiresInDays: 0 })).rejects.toThrow(/between 1 and/);
    await expect(create({ expiresInDays: 1.5 })).rejects.toThrow(/between 1 and/);
    await expect(create({ name: 'a\nb' })).rejects.toThrow(/control characters/);
  });

  it('revokes by id, prefix or secret and refuses unknown or partial references', async () => {
    const a = await security.tokens.create({ role: Role.VIEWER, createdBy: 'cli' });
    const b = await security.tokens.create({ role: Role.VIEWER, createdBy: 'cli' });
    expect((await security.tokens.revoke(a.secret, 'cli')).token.id).toBe(a.token.id);
    expect((await security.tokens.revoke(b.token.prefix, 'cli')).token.id).toBe(b.token.id);
    await expect(security.tokens.revoke('999999', 'cli')).rejects.toThrow(/No token has the id 999999/);
    await expect(security.tokens.revoke('rumbo_', 'cli')).rejects.toThrow(/full prefix/);
    await expect(security.tokens.revoke('rumbo_zzzzzzzz', 'cli')).rejects.toThrow(/No token has the prefix/);
  });

  it('lists active tokens by default and revoked ones on request', async () => {
    const all = await security.tokens.list({ includeRevoked: true });
    const active = await security.tokens.list();
    expect(active.every((t) => t.revokedAt === null)).toBe(true);
    expect(all.length).toBeGreaterThan(active.length);
    expect(all.find((t) => t.role === Role.ENTITY)?.entity?.code).toBe('E01');
  });
});
