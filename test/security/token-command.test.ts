import { tokenCommand } from '../../src/cli/token.command';
import { AuditEventRecord, OrgEntityRecord } from '../../src/entities';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('rumbo token', () => {
  let db: TestDatabase;
  let security: ReturnType<typeof createSecurityServices>;

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await tokenCommand(
      argv,
      { out: (s) => out.push(s), err: (s) => err.push(s) },
      { tokens: security.tokens, actor: 'cli:ana' },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  beforeAll(async () => {
    db = await createTestDatabase('token_command');
    security = createSecurityServices(db.ds);
    await db.ds.getRepository(OrgEntityRecord).save({ code: 'IDRD', name: 'Instituto de Recreación y Deporte' });
  });
  afterAll(() => db.drop());

  it('create prints the secret once, and the secret authenticates', async () => {
    const r = await run('create', '--role', 'entity', '--entity', 'IDRD', '--name', 'IDRD reports', '--expires-days', '90');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Token ENTITY \d+ «IDRD reports» de la entidad IDRD creado; vence el \d{4}-\d\d-\d\dT/);
    const secret = /^(rumbo_\S+)$/m.exec(r.out)![1]!;
    expect(await security.tokens.authenticate(secret)).toMatchObject({ role: Role.ENTITY, name: 'IDRD reports' });
    const [event] = await db.ds.getRepository(AuditEventRecord).find({ where: { action: 'TOKEN_CREATED' } });
    expect(event).toMatchObject({ actor: 'cli:ana', actorTokenId: null });
  });

  it('defaults to a 365-day expiry; --never-expires makes one that does not', async () => {
    const r1 = await run('create', '--role', 'VIEWER');
    expect(r1.out).toMatch(/Token VIEWER \d+ «viewer» creado; vence el /);
    const r2 = await run('create', '--role', 'ADMIN', '--never-expires');
    expect(r2.out).toMatch(/no vence nunca/);
  });

  it('list shows prefixes but never secrets; revoke by prefix stops the token', async () => {
    const created = await run('create', '--role', 'VIEWER', '--name', 'tablero');
    const secret = /^(rumbo_\S+)$/m.exec(created.out)![1]!;
    const list = await run('list');
    expect(list.code).toBe(0);
    expect(list.out.split('\n')[0]).toMatch(/^ID\s+PREFIJO\s+ROL\s+ENTIDAD\s+NOMBRE\s+CREADO\s+VENCE\s+ÚLTIMO USO\s+ESTADO$/);
    expect(list.out).toContain(secret.slice(0, 14));
    expect(list.out).not.toContain(secret);
    expect(list.out).toMatch(/IDRD\s+IDRD reports/);

    const revoked = await run('revoke', secret.slice(0, 14));
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.out).toMatch(/^Token \d+ «tablero» \(rumbo_[\w-]+\) revocado/);
    expect(await security.tokens.authenticate(secret)).toBeNull();
    expect((await run('list')).out).not.toContain('tablero');
    expect((await run('list', '--all')).out).toMatch(/tablero.*revocado/);
    expect((await run('revoke', secret.slice(0, 14))).out).toMatch(/ya estaba revocado/);
  });

  it('refuses bad input with a clear message and a non-zero exit code', async () => {
    expect(await run('create', '--role', 'ENTITY')).toMatchObject({ code: 1, err: expect.stringMatching(/necesita --entity CÓDIGO/) });
    expect(await run('create', '--role', 'ENTITY', '--entity', 'XX')).toMatchObject({
      code: 1,
      err: 'Ninguna entidad tiene el código «XX».',
    });
    expect(await run('create', '--role', 'VIEWER', '--entity', 'IDRD')).toMatchObject({ code: 1 });
    expect(await run('create', '--role', 'ROOT')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--role debe ser ADMIN, ENTITY o VIEWER/),
    });
    expect(await run('create', '--role', 'VIEWER', '--expires-days', '0')).toMatchObject({ code: 2 });
    expect(await run('create', '--role', 'VIEWER', '--expires-days', '5', '--never-expires')).toMatchObject({ code: 2 });
    expect(await run('create', '--role', 'VIEWER', '--bogus')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Opción desconocida: --bogus[\s\S]*Uso:/),
    });
    expect(await run('revoke')).toMatchObject({ code: 2 });
    expect(await run('revoke', '424242')).toMatchObject({ code: 1, err: 'Ningún token tiene el id 424242.' });
    expect(await run('frobnicate')).toMatchObject({ code: 2 });
    expect(await run()).toMatchObject({ code: 2 });
    expect(await run('help')).toMatchObject({ code: 0, out: expect.stringMatching(/rumbo token create/) });
  });
});
