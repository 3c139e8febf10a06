import { ApolloServer } from '@apollo/server';
import { loadConfig } from '../../src/config/config';
import { createContext, GraphQLContext } from '../../src/graphql/context';
import { buildAppSchema } from '../../src/graphql/schema';
import { formatError } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { createServices } from '../../src/services';
import { SYSTEM_ADMIN, Viewer } from '../../src/services/viewer';
import { TestDatabase } from './test-database';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** Executes GraphQL operations in process against a test database, with a chosen viewer. */
export async function createTestApi(db: TestDatabase, env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, ...env });
  const logger = createLogger({ logLevel: 'silent' });
  const services = createServices(db.ds, config);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildAppSchema(),
    formatError: formatError(logger),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  async function query<T = Record<string, unknown>>(
    source: string,
    variables: Record<string, unknown> = {},
    viewer: Viewer = SYSTEM_ADMIN,
  ): Promise<GqlResult<T>> {
    const res = await apollo.executeOperation({ query: source, variables }, { contextValue: createContext(config, services, viewer) });
    if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
    return res.body.singleResult as GqlResult<T>;
  }
  return { query, services, config, stop: () => apollo.stop() };
}
