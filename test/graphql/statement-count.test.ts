import { insertPolicyFixture } from '../support/fixtures';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const NESTED = /* GraphQL */ `
  query Nested($code: String!) {
    policy(code: $code) {
      code
      leadEntity {
        code
        sector {
          name
        }
      }
      objectives {
        number
        results {
          code
          goals {
            year
            value
          }
          reports {
            year
            period
            value
          }
          products {
            code
            result {
              code
            }
          }
          progress(cut: "2024-12-31") {
            trafficLight
            ratio
          }
        }
        products {
          code
          goals {
            year
            value
          }
          reports {
            year
            period
            value
          }
          responsibleEntity {
            code
            sector {
              name
            }
          }
        }
      }
      products(first: 1000) {
        totalCount
        nodes {
          code
          objective {
            number
          }
          coResponsibleEntities {
            code
          }
          responsibleEntity {
            code
            sector {
              name
            }
          }
          goals {
            year
            period
            value
          }
        }
      }
    }
  }
`;

describe('nested queries are served by per-request DataLoaders', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;

  beforeAll(async () => {
    db = await createTestDatabase('stmt_count');
    api = await createTestApi(db);
    await insertPolicyFixture(db.ds, 'P10', 10);
    await insertPolicyFixture(db.ds, 'P200', 200);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('sends the same number of SQL statements for 10 and for 200 products', async () => {
    const small = await db.counter.measure(() => api.query(NESTED, { code: 'P10' }));
    const large = await db.counter.measure(() => api.query(NESTED, { code: 'P200' }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    const policy = (large.result.data as { policy: { products: { totalCount: number; nodes: unknown[] } } }).policy;
    expect(policy.products.totalCount).toBe(200);
    expect(policy.products.nodes).toHaveLength(200);
    expect(small.statements).toBeGreaterThan(3);
    expect(large.statements).toBe(small.statements);
  });
});
