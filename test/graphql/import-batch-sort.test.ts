import { ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { createTestApi, GqlResult } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

type BatchPage = { importBatches: { nodes: { fileName: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

/** importBatches(orderBy:, direction:) like the other lists, with cursor pages that follow the order. */
describe('importBatches sorting', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const t0 = Date.UTC(2026, 0, 10, 12, 0, 0, 0);

  beforeAll(async () => {
    db = await createTestDatabase('batch_sort');
    api = await createTestApi(db);
    const repo = db.ds.getRepository(ImportBatchRecord);
    // Created in id order, but with creation and finishing instants that disagree with it.
    const rows: [string, number, number | null][] = [
      ['c.xlsx', 3, 1],
      ['a.xlsx', 1, null],
      ['b.xlsx', 2, 3],
      ['d.xlsx', 2, 2],
    ];
    for (const [fileName, created, finished] of rows) {
      await repo.save(
        repo.create({
          fileName,
          sha256: fileName.padEnd(64, '0'),
          sizeBytes: 1,
          uploader: 'test',
          status: finished === null ? ImportStatus.PENDING : ImportStatus.IMPORTED,
          createdAt: new Date(t0 + created * 60_000 + 0.5),
          finishedAt: finished === null ? null : new Date(t0 + finished * 60_000 + 123),
        }),
      );
    }
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  /** Walks every page of one file at a time, so the cursors are exercised. */
  async function names(args: string): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: GqlResult<BatchPage> = await api.query<BatchPage>(
        `query($after: String) { importBatches(first: 1, after: $after ${args}) { nodes { fileName } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      seen.push(...r.data!.importBatches.nodes.map((n) => n.fileName));
      if (!r.data!.importBatches.pageInfo.hasNextPage) return seen;
      after = r.data!.importBatches.pageInfo.endCursor;
    }
  }

  it('sorts by creation (newest first by default), finishing time and file name, both directions', async () => {
    expect(await names('')).toEqual(['c.xlsx', 'd.xlsx', 'b.xlsx', 'a.xlsx']);
    expect(await names(', orderBy: CREATED_AT, direction: ASC')).toEqual(['a.xlsx', 'b.xlsx', 'd.xlsx', 'c.xlsx']);
    expect(await names(', orderBy: FINISHED_AT, direction: ASC')).toEqual(['a.xlsx', 'c.xlsx', 'd.xlsx', 'b.xlsx']);
    expect(await names(', orderBy: FINISHED_AT, direction: DESC')).toEqual(['b.xlsx', 'd.xlsx', 'c.xlsx', 'a.xlsx']);
    expect(await names(', orderBy: FILE_NAME')).toEqual(['d.xlsx', 'c.xlsx', 'b.xlsx', 'a.xlsx']);
    expect(await names(', orderBy: FILE_NAME, direction: ASC')).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']);
  });

  it('refuses an unknown sort field', async () => {
    const r = await api.query('{ importBatches(orderBy: SIZE) { totalCount } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
