import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express, NextFunction, Request, Response } from 'express';
import { GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import { ruruHTML, RuruServerConfig } from 'ruru/server';
import { serveStatic } from 'ruru/static';
import { AppConfig } from '../config/config';
import { createContext, GraphQLContext } from '../graphql/context';
import { buildAppSchema } from '../graphql/schema';
import { Services } from '../services';
import { ErrorCode } from '../services/errors';
import { Authenticate, createAuthenticator } from './auth';
import { describeTokenLimit, queryCostPlugin, queryLimitRules, queryParseOptions } from './graphql-limits';
import { Logger } from './logger';
import { mountWebApp } from './web-static';

export interface AppDeps {
  config: AppConfig;
  services: Services;
  logger: Logger;
  /** Resolves the viewer of a request; rejects with an HTTP status when refused. Default: Bearer tokens (server/auth.ts). */
  authenticate?: Authenticate;
  /** Extra Apollo plugins (tests count statements through one). */
  plugins?: ApolloServerPlugin<GraphQLContext>[];
  /** Extra routes mounted before GraphQL (uploads, templates); guard them with `requireViewer(authenticate)`. */
  routes?: (app: Express, services: Services, authenticate: Authenticate) => void;
  /** Folder of the built web app (default `<repo>/dist/web`, docs/web.md); `false` serves no web app. */
  webDir?: string | false;
}

export interface RunningApp {
  app: Express;
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
}

/** What the IDE shows first: the policies with their figures today (see schema.graphql for everything else). */
const IDE_DEFAULT_QUERY = `# Rumbo — GraphQL API (docs: README.md, docs/calculation.md)
query Policies {
  policies(first: 10) {
    totalCount
    nodes {
      code
      name
      progress {
        cut
        total { toDate { progress ideal gap } cumulative { progress ideal gap } lights { alto medio bajo notDue } }
      }
    }
  }
}
`;

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Errors keep their stable `extensions.code`; anything unexpected is logged and reaches the client
 * only as INTERNAL_SERVER_ERROR with no message details and never a stack trace.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      void _s;
      return describeTokenLimit({ ...formatted, extensions });
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected GraphQL error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Express app with /livez, /readyz, the GraphQL endpoint and (when enabled) the offline IDE at GET /graphql. */
export async function createApp(deps: AppDeps): Promise<RunningApp> {
  const { config, services, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildAppSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: formatError(logger),
    // Depth, alias, directive, token and cost limits (server/graphql-limits.ts, docs/security.md).
    validationRules: queryLimitRules(config.queryLimits),
    parseOptions: queryParseOptions(config.queryLimits),
    hideSchemaDetailsFromClientErrors: !config.introspection,
    plugins: [
      queryCostPlugin<GraphQLContext>(config.queryLimits),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(deps.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await services.ds.query('SELECT 1');
      res.json({ status: 'ok', database: 'up' });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });

  if (config.graphqlIde) {
    app.use(serveStatic('/ruru-static/'));
    app.get('/graphql', (req, res, next) => {
      if (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
        res.type('html').send(
          ruruHTML({
            endpoint: '/graphql',
            staticPath: '/ruru-static/',
            clientConfig: { defaultQuery: IDE_DEFAULT_QUERY } as RuruServerConfig['clientConfig'],
          }),
        );
        return;
      }
      next();
    });
  }

  const authenticate = deps.authenticate ?? createAuthenticator(config, services);
  deps.routes?.(app, services, authenticate);

  app.use(
    '/graphql',
    express.json({ limit: config.graphqlMaxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(config, services, await authenticate(req)),
    }),
  );

  // The web app last: its fallback never shadows an API path (server/web-static.ts).
  if (deps.webDir !== false) mountWebApp(app, deps.webDir);

  app.use((err: Error & { status?: number; statusCode?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) logger.error({ err }, 'request failed');
    res.status(status).json({ error: status >= 500 ? 'Internal server error' : err.message });
  });
  return { app, httpServer, apollo };
}
