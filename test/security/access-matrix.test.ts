import { getNamedType, GraphQLObjectType, GraphQLSchema, isNonNullType, isObjectType } from 'graphql';
import { ImportIssueSeverity, ImportKind, ImportStatus } from '../../src/domain/enums';
import { buildAppSchema } from '../../src/graphql/schema';
import {
  ImportBatchRecord,
  ImportIssueRecord,
  OrgEntityRecord,
  PersonRecord,
  ProgressReportRecord,
  ResultReportRecord,
} from '../../src/entities';
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
  createApiToken: 'mutation { createApiToken(input: { role: ENTITY, entityCode: "NOPE", name: "Ana" }) { secret token { id } } }',
  revokeApiToken: 'mutation { revokeApiToken(id: "999999") { id } }',
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

/**
 * Import batches (docs/security.md#import-batches). Fields of ImportBatch that VIEWER and public read may
 * see: counts, states and timings. Every other field — today fileName, uploader, sha256, issues; and any
 * field added later — must read null for them. ENTITY keys see their own entity's batches, whole; the
 * others do not exist for them. ADMIN sees everything.
 */
const BATCH_FIELDS_FOR_VIEWERS = [
  'id',
  'kind',
  'status',
  'attempts',
  'createdAt',
  'startedAt',
  'finishedAt',
  'sizeBytes',
  'rowsRead',
  'rowsInserted',
  'rowsUpdated',
  'rowsUnchanged',
  'rowsRejected',
  'errorCount',
  'warningCount',
  'parseMs',
  'validateMs',
  'importMs',
  'issueTotals',
];
type BatchView = 'FULL' | 'SUMMARY' | 'NONE';
type BatchName = 'OWN' | 'OTHER' | 'OFFICE';
const UPLOADERS: Record<BatchName, string> = { OWN: 'IDRD informes', OTHER: 'Salud informes', OFFICE: 'inbox' };
/** What each caller that gets past authentication sees of the batch uploaded by E01's key, by E02's key, by the office. */
const BATCH_MATRIX: [Principal, Record<BatchName, BatchView>][] = [
  ['PUBLIC_ANONYMOUS', { OWN: 'SUMMARY', OTHER: 'SUMMARY', OFFICE: 'SUMMARY' }],
  ['VIEWER', { OWN: 'SUMMARY', OTHER: 'SUMMARY', OFFICE: 'SUMMARY' }],
  ['ENTITY', { OWN: 'FULL', OTHER: 'NONE', OFFICE: 'NONE' }],
  ['ADMIN', { OWN: 'FULL', OTHER: 'FULL', OFFICE: 'FULL' }],
];

/** Every field of a type, sub-selections included (two levels of objects), read from the schema. */
function selectAll(schema: GraphQLSchema, type: GraphQLObjectType, depth = 0): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) parts.push(field.name);
    else if (depth < 3) parts.push(`${field.name} ${selectAll(schema, named, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

describe('access matrix over HTTP', () => {
  let db: TestDatabase;
  let privateApi: Awaited<ReturnType<typeof startTestHttp>>;
  let publicApi: Awaited<ReturnType<typeof startTestHttp>>;
  const secrets = {} as Record<'ADMIN' | 'ENTITY' | 'VIEWER' | 'REVOKED' | 'EXPIRED' | 'OTHER_ENTITY', string>;
  const batches = {} as Record<BatchName, number>;
  let schema: GraphQLSchema;
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

    const other = await db.ds.getRepository(OrgEntityRecord).save({ code: 'E02', name: 'Secretaría de Salud' });
    secrets.OTHER_ENTITY = (await tokens.create({ role: Role.ENTITY, entityCode: 'E02', createdBy: 'test' })).secret;
    const batchOf = async (name: BatchName, uploader: string, uploaderEntityId: number | null) => {
      const batch = await db.ds.getRepository(ImportBatchRecord).save({
        fileName: `archivo-${name}.xlsx`,
        sha256: name.toLowerCase().padEnd(64, '0'),
        sizeBytes: 1234,
        kind: ImportKind.REPORTE,
        status: ImportStatus.REJECTED,
        uploader,
        uploaderEntityId,
        rowsRead: 2,
        rowsRejected: 2,
        errorCount: 2,
        attempts: 1,
        parseMs: 5,
        validateMs: 3,
        startedAt: new Date('2026-01-02T10:00:00Z'),
        finishedAt: new Date('2026-01-02T10:00:01Z'),
      });
      await db.ds.getRepository(ImportIssueRecord).save(
        [2, 3].map((row) => ({
          batchId: batch.id,
          severity: ImportIssueSeverity.ERROR,
          code: 'VALOR_INVALIDO',
          sheet: 'Reporte',
          row,
          column: 'Avance',
          value: `CELDA-SECRETA-${name}-${row}`,
          message: `el valor CELDA-SECRETA-${name}-${row} no es un número`,
        })),
      );
      batches[name] = batch.id;
    };
    await batchOf('OWN', UPLOADERS.OWN, entity.id);
    await batchOf('OTHER', UPLOADERS.OTHER, other.id);
    await batchOf('OFFICE', UPLOADERS.OFFICE, null);
    // A progress report written by the other entity's batch: its link must not lead an ENTITY to that batch.
    const [report] = await db.ds.getRepository(ProgressReportRecord).find({ order: { id: 'ASC' }, take: 1 });
    await db.ds.getRepository(ProgressReportRecord).update(report!.id, { importBatchId: batches.OTHER });
    // Likewise a result indicator's report.
    const [resultReport] = await db.ds.getRepository(ResultReportRecord).find({ order: { id: 'ASC' }, take: 1 });
    await db.ds.getRepository(ResultReportRecord).update(resultReport!.id, { importBatchId: batches.OTHER });
    schema = await buildAppSchema();

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
        return privateApi.gql(query, { token: secrets[principal as keyof typeof secrets] });
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
          ['entity-E02', 'ENTITY', true],
        ]);
        expect(list[1]!.entity).toEqual({ code: 'E01' });
        expect(list[0]!.lastUsedAt).toEqual(expect.any(String));
        for (const secret of Object.values(secrets)) expect(res.text).not.toContain(secret);
      }
    });
  });

  describe.each(BATCH_MATRIX)('import batches, %s', (principal, views) => {
    const batchQuery = () => {
      const all = selectAll(schema, schema.getType('ImportBatch') as GraphQLObjectType);
      const one = (name: BatchName) => `${name}: importBatch(id: "${batches[name]}") ${all}`;
      return `{ ${one('OWN')} ${one('OTHER')} ${one('OFFICE')} importBatches { totalCount nodes { id } } }`;
    };

    it('reads every field of ImportBatch and ImportIssue as its role allows', async () => {
      const { outcome: got, res } = await outcome(principal, batchQuery());
      expect(got).toBe('ok');
      const admin = (await outcome('ADMIN', batchQuery())).res.body.data;
      const fields = Object.keys((schema.getType('ImportBatch') as GraphQLObjectType).getFields());
      for (const name of ['OWN', 'OTHER', 'OFFICE'] as BatchName[]) {
        const seen = res.body.data[name] as Record<string, unknown> | null;
        const full = admin[name] as Record<string, unknown>;
        if (views[name] === 'NONE') {
          expect({ name, seen }).toEqual({ name, seen: null });
          expect(res.text).not.toContain(`CELDA-SECRETA-${name}`);
          expect(res.text).not.toContain(`archivo-${name}`);
          continue;
        }
        for (const field of fields) {
          const expected = views[name] === 'FULL' || BATCH_FIELDS_FOR_VIEWERS.includes(field) ? full[field] : null;
          expect({ name, field, value: seen![field] }).toEqual({ name, field, value: expected });
        }
        if (views[name] === 'FULL') {
          const issues = seen!.issues as { totalCount: number; nodes: Record<string, unknown>[] };
          expect(issues.totalCount).toBe(2);
          expect(issues.nodes.map((i) => i.value)).toEqual([`CELDA-SECRETA-${name}-2`, `CELDA-SECRETA-${name}-3`]);
          const issueFields = Object.keys((schema.getType('ImportIssue') as GraphQLObjectType).getFields());
          for (const field of issueFields) expect({ field, value: issues.nodes[0]![field] }).not.toEqual({ field, value: null });
          expect(seen!.fileName).toBe(`archivo-${name}.xlsx`);
        } else {
          expect(res.text).not.toContain(`CELDA-SECRETA-${name}`);
          expect(res.text).not.toContain(`archivo-${name}`);
        }
      }
      // Who uploaded a batch shows only where the batch is seen whole.
      for (const [name, uploader] of Object.entries(UPLOADERS) as [BatchName, string][]) {
        if (views[name] !== 'FULL') expect({ name, leaks: res.text.includes(`"${uploader}"`) }).toEqual({ name, leaks: false });
      }
    });

    it('lists only the batches it may see, and totalCount agrees', async () => {
      const { res } = await outcome(principal, '{ importBatches(direction: ASC) { totalCount nodes { id status } } }');
      const visible = (['OWN', 'OTHER', 'OFFICE'] as BatchName[]).filter((n) => views[n] !== 'NONE').map((n) => String(batches[n]));
      expect(res.body.data.importBatches.nodes.map((b: { id: string }) => b.id)).toEqual(visible);
      expect(res.body.data.importBatches.totalCount).toBe(visible.length);
    });

    it('follows a progress report to its batch only when the batch is visible', async () => {
      const { res } = await outcome(principal, '{ progressReports(first: 1000) { nodes { importBatch { id fileName } } } }');
      const linked = (res.body.data.progressReports.nodes as { importBatch: unknown }[]).map((n) => n.importBatch).filter(Boolean);
      if (views.OTHER === 'NONE') expect(linked).toEqual([]);
      else expect(linked).toEqual([{ id: String(batches.OTHER), fileName: views.OTHER === 'FULL' ? 'archivo-OTHER.xlsx' : null }]);
      const byBatch = await send(
        principal,
        `{ progressReports(filter: { importBatchId: "${batches.OTHER}" }) { totalCount nodes { id } } }`,
      );
      expect(byBatch.body.data.progressReports.totalCount).toBe(views.OTHER === 'NONE' ? 0 : 1);
      expect(byBatch.body.data.progressReports.nodes).toHaveLength(views.OTHER === 'NONE' ? 0 : 1);
    });

    it("follows a result indicator's report to its batch only when the batch is visible", async () => {
      const res = await send(
        principal,
        '{ policies(first: 1) { nodes { results(first: 50) { nodes { reports(first: 5) { importBatch { id fileName } } } } } } }',
      );
      expect(res.body.errors).toBeUndefined();
      const linked = (res.body.data.policies.nodes as { results: { nodes: { reports: { importBatch: unknown }[] }[] } }[])
        .flatMap((p) => p.results.nodes.flatMap((r) => r.reports.map((x) => x.importBatch)))
        .filter(Boolean);
      if (views.OTHER === 'NONE') expect(linked).toEqual([]);
      else expect(linked).toEqual([{ id: String(batches.OTHER), fileName: views.OTHER === 'FULL' ? 'archivo-OTHER.xlsx' : null }]);
    });

    it('filters by uploader only where the uploader is readable', async () => {
      const res = await send(principal, '{ importBatches(filter: { uploader: "IDRD informes" }) { totalCount } }');
      if (Object.values(views).includes('FULL')) expect(res.body.data.importBatches.totalCount).toBe(1);
      else expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  it('reaches batches and issues only through the entry points checked above', () => {
    const guarded = /^Import(Batch|Issue)(Connection|Edge)?$/;
    const paths: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || guarded.test(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        if (guarded.test(getNamedType(field.type).name)) paths.push(`${type.name}.${field.name}`);
      }
    }
    // A new way to a batch must get the rule of batchAccess (services/access.ts) and a row in this matrix.
    expect(paths.sort()).toEqual(['ProgressReport.importBatch', 'Query.importBatch', 'Query.importBatches', 'ResultReport.importBatch']);
  });

  it('another entity sees its own batch and not E01s', async () => {
    const res = await privateApi.gql(
      `{ importBatches { totalCount nodes { id fileName } } own: importBatch(id: "${batches.OWN}") { id } }`,
      {
        token: secrets.OTHER_ENTITY,
      },
    );
    expect(res.body.data).toEqual({
      importBatches: { totalCount: 1, nodes: [{ id: String(batches.OTHER), fileName: 'archivo-OTHER.xlsx' }] },
      own: null,
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

  /** The entity's reporting desk (docs/reportar.md): ENTITY its own, ADMIN any by code, nobody else. */
  const DESK_EXPECTED: Record<Principal, Outcome> = {
    ANONYMOUS: 'UNAUTHENTICATED',
    PUBLIC_ANONYMOUS: 'FORBIDDEN',
    VIEWER: 'FORBIDDEN',
    ENTITY: 'ok',
    ADMIN: 'ok',
    REVOKED: 'UNAUTHENTICATED',
    EXPIRED: 'UNAUTHENTICATED',
    UNKNOWN: 'UNAUTHENTICATED',
    MALFORMED: 'UNAUTHENTICATED',
  };
  it.each(MATRIX.map(([principal]) => principal))('reportingDesk: %s', async (principal) => {
    const { outcome: got, res } = await outcome(
      principal,
      '{ reportingDesk(entityCode: "E01") { entity { code } itemCount items { code } } }',
    );
    expect(got).toBe(DESK_EXPECTED[principal]);
    if (got === 'ok') expect(res.body.data.reportingDesk.entity).toEqual({ code: 'E01' });
    else expect(res.body.data?.reportingDesk ?? null).toBeNull();
    if (got === 'FORBIDDEN') expect(res.body.errors[0].message).toMatch(/escritorio de reportes/);
  });

  it("refuses an ENTITY key another entity's desk", async () => {
    const res = await privateApi.gql('{ reportingDesk(entityCode: "E01") { entity { code } } }', { token: secrets.OTHER_ENTITY });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.body.data).toBeNull();
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
