import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

const ISSUES = 40_000;
const ALIASES = 10;
const FIELDS = 'severity code sheet row column value message';

/** `ALIASES` aliases of the same batch, each selecting `selection` on it. */
function aliased(id: number, selection: string): string {
  return `{ ${Array.from({ length: ALIASES }, (_, i) => `b${i}: importBatch(id: "${id}") { ${selection} }`).join(' ')} }`;
}

describe('a batch with many issues cannot be made into a huge response', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof startTestHttp>>;
  let batchId: number;
  const tokens = {} as Record<'ADMIN' | 'VIEWER', string>;

  beforeAll(async () => {
    db = await createTestDatabase('issue_bounds');
    const batch = await db.ds.getRepository(ImportBatchRecord).save({
      fileName: 'reporte-enorme.xlsx',
      sha256: 'a'.repeat(64),
      kind: ImportKind.REPORTE,
      status: ImportStatus.REJECTED,
      uploader: 'IDRD informes',
      errorCount: ISSUES,
    });
    batchId = batch.id;
    const value = 'x'.repeat(100);
    for (let start = 0; start < ISSUES; start += 5000) {
      const rows = Array.from(
        { length: 5000 },
        (_, k) =>
          `(${batchId}, 'ERROR', 'VALOR_INVALIDO', 'Reporte', ${start + k + 2}, 'Avance', '${value}', 'el valor no es un número: ${value}')`,
      );
      await db.ds.query(
        `INSERT INTO import_issues (batch_id, severity, code, sheet, \`row\`, column_name, value, message) VALUES ${rows.join(',')}`,
      );
    }
    const { tokens: service } = createSecurityServices(db.ds);
    tokens.ADMIN = (await service.create({ role: Role.ADMIN, createdBy: 'test' })).secret;
    tokens.VIEWER = (await service.create({ role: Role.VIEWER, createdBy: 'test' })).secret;
    api = await startTestHttp(db);
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await db.drop();
  });

  it('refuses the reported attack: 10 aliases of importBatch(id) { issues { … } } as a plain list', async () => {
    for (const token of [tokens.VIEWER, tokens.ADMIN]) {
      const res = await api.gql(aliased(batchId, `issues { ${FIELDS} }`), { token });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.text.length).toBeLessThan(50_000);
    }
  });

  it('answers the same 10 aliases as pages: 50 issues each by default, whatever the batch holds', async () => {
    const started = Date.now();
    const res = await api.gql(aliased(batchId, `issues { totalCount pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } }`), {
      token: tokens.ADMIN,
    });
    const ms = Date.now() - started;
    expect(res.status).toBe(200);
    for (let i = 0; i < ALIASES; i++) {
      const page = res.body.data[`b${i}`].issues;
      expect(page.totalCount).toBe(ISSUES);
      expect(page.nodes).toHaveLength(50);
      expect(page.pageInfo.hasNextPage).toBe(true);
    }
    expect(res.text.length).toBeLessThan(500_000);
    console.log(`10 aliased pages of a ${ISSUES}-issue batch: ${res.text.length} bytes in ${ms} ms`);

    // The next page continues where the first ended, in the order found.
    const first = res.body.data.b0.issues;
    const next = await api.gql(
      `query($id: ID!, $after: String) { importBatch(id: $id) { issues(first: 3, after: $after) { nodes { row } } } }`,
      { token: tokens.ADMIN, variables: { id: String(batchId), after: first.pageInfo.endCursor } },
    );
    expect(next.body.data.importBatch.issues.nodes).toEqual([{ row: 52 }, { row: 53 }, { row: 54 }]);
  });

  it('prices the pages: 10 aliases of 1000 issues exceed the cost limit; a page beyond the maximum is refused', async () => {
    const costly = await api.gql(aliased(batchId, `issues(first: 1000) { totalCount nodes { ${FIELDS} } }`), { token: tokens.ADMIN });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_COST' });
    const tooBig = await api.gql(`{ importBatch(id: "${batchId}") { issues(first: 1001) { nodes { code } } } }`, { token: tokens.ADMIN });
    expect(tooBig.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('gives VIEWER counts and states only: no page of issues at all', async () => {
    const res = await api.gql(aliased(batchId, `errorCount status issues(first: 100) { nodes { ${FIELDS} } }`), { token: tokens.VIEWER });
    expect(res.status).toBe(200);
    expect(res.body.data.b0).toEqual({ errorCount: ISSUES, status: 'REJECTED', issues: null });
    expect(res.text.length).toBeLessThan(2_000);
  });
});
