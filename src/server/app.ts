import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express, NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import { ruruHTML, RuruServerConfig } from 'ruru/server';
import { serveStatic } from 'ruru/static';
import { AppConfig } from '../config/config';
import { isDatabaseUnavailable, pingDatabase } from '../database/database-guard';
import { readFromPrimaryFromNowOn, replicasOf, RouteState, serverLabel, withRoute } from '../database/replication';
import { createContext, GraphQLContext } from '../graphql/context';
import { buildAppSchema } from '../graphql/schema';
import { Services } from '../services';
import { isAdmin } from '../services/access';
import { ErrorCode } from '../services/errors';
import { Authenticate, AuthenticationError, createAuthenticator } from './auth';
import { describeTokenLimit, queryCostPlugin, queryLimitRules, queryParseOptions } from './graphql-limits';
import { Logger } from './logger';
import { Metrics } from './metrics';
import { operationTypePlugin } from './operation-types';
import { mountReportRoutes } from './report.routes';
import { responseCachePlugin } from './response-cache.plugin';
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
  /** Where requests, operations and imports are counted (default: a new one when METRICS_ENABLED). */
  metrics?: Metrics;
}

export interface RunningApp {
  app: Express;
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Null when METRICS_ENABLED=false. */
  metrics: Metrics | null;
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
    if (code !== ErrorCode.DATABASE_UNAVAILABLE && isDatabaseUnavailable(error)) {
      // An outage, not a bug: no stack in the log for every request that meets it; HTTP 503 (databaseOutagePlugin).
      logger.warn({ reason: (error as { message?: string })?.message, path: formatted.path }, 'database unavailable');
      return databaseUnavailable(formatted);
    }
    if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      void _s;
      return describeTokenLimit({ ...formatted, extensions });
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected GraphQL error');
    return {
      message: 'Error interno del servidor',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Longest /readyz waits for the database before answering 503. */
const READY_TIMEOUT_MS = 1500;

/** What a 503 for a database outage tells clients to wait (the guard probes the database every second). */
const RETRY_AFTER_SECONDS = '2';

const DATABASE_UNAVAILABLE_MESSAGE = 'La base de datos no responde; intente de nuevo en un momento.';

function databaseUnavailable(formatted: Pick<GraphQLFormattedError, 'locations' | 'path'>): GraphQLFormattedError {
  return {
    message: DATABASE_UNAVAILABLE_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.DATABASE_UNAVAILABLE },
  };
}

/** HTTP 503 for any response that met a database outage (from a resolver or while reading the token). */
function databaseOutagePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          if (body.kind !== 'single') return;
          if (body.singleResult.errors?.some((e) => e.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
          }
        },
      };
    },
  };
}

/**
 * Which server a request's reads go to (database/replication.ts): GET requests may read from a replica;
 * any other request outside /graphql (uploads) reads from the primary; GraphQL decides by operation
 * (mutations on the primary, replicaRoutingPlugin) and the authenticator by viewer (a token that wrote
 * within DATABASE_REPLICA_STICKY_MS). A successful write by a token starts its sticky window.
 */
function routeRequest(services: Services) {
  return (req: Request, res: Response, next: NextFunction) => {
    const state: RouteState = { primary: req.method !== 'GET' && req.method !== 'HEAD' && !req.path.startsWith('/graphql') };
    res.locals.route = state;
    const replicas = replicasOf(services.ds);
    if (replicas && state.primary) {
      res.on('finish', () => {
        const viewer = res.locals.viewer as { tokenId?: number | null } | undefined;
        if (res.statusCode < 400) replicas.noteWrite(viewer?.tokenId);
      });
    }
    withRoute(state, next);
  };
}

/** Body parsers call `next` from stream callbacks, outside the request's route: this re-enters it. */
function reenterRoute(_req: Request, res: Response, next: NextFunction): void {
  const state = res.locals.route as RouteState | undefined;
  if (state) withRoute(state, next);
  else next();
}

/** A mutation reads and writes on the primary and starts its token's sticky window once it succeeds. */
function replicaRoutingPlugin(services: Services): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let mutation = false;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') {
            mutation = true;
            readFromPrimaryFromNowOn();
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (!mutation) return;
          const body = response.body;
          const failed = body.kind === 'single' && !body.singleResult.data && Boolean(body.singleResult.errors?.length);
          if (!failed) replicasOf(services.ds)?.noteWrite(contextValue.viewer?.tokenId);
        },
      };
    },
  };
}

/** Express app with /livez, /readyz, the GraphQL endpoint and (when enabled) the offline IDE at GET /graphql. */
export async function createApp(deps: AppDeps): Promise<RunningApp> {
  const { config, services, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const metrics = config.metricsEnabled ? (deps.metrics ?? new Metrics()) : null;
  if (metrics) {
    app.use(metrics.httpMiddleware());
    metrics.watchPool('api', services.ds);
    metrics.watchQueue(services.ds);
    metrics.registerCacheStats(() => services.figures.stats());
    metrics.registerResponseCacheStats(() => services.responses.stats());
  }
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildAppSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Rumbo's own signal handler (src/main.ts, the rumbo CLI) owns shutdown: it stops Apollo (draining the
    // HTTP server), closes the database and exits 0. Apollo's handler would re-send the signal and kill the
    // process before that.
    stopOnTerminationSignals: false,
    formatError: formatError(logger),
    // Depth, alias, directive, token and cost limits (server/graphql-limits.ts, docs/security.md).
    validationRules: queryLimitRules(config.queryLimits),
    parseOptions: queryParseOptions(config.queryLimits),
    hideSchemaDetailsFromClientErrors: !config.introspection,
    plugins: [
      databaseOutagePlugin<GraphQLContext>(),
      replicaRoutingPlugin(services),
      operationTypePlugin<GraphQLContext>(),
      queryCostPlugin<GraphQLContext>(config.queryLimits),
      // After the limits (didResolveOperation): a cached answer is still refused when the request is.
      responseCachePlugin<GraphQLContext>({ cache: services.responses, records: services.records, timeZone: config.timeZone }),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(metrics ? [metrics.graphqlPlugin<GraphQLContext>()] : []),
      ...(deps.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(routeRequest(services));
  app.get('/readyz', async (_req, res) => {
    // Which servers answer: the primary, and each replica as of its last check (docs/scaling.md).
    const replicas = replicasOf(services.ds);
    const servers = () =>
      replicas
        ? {
            servers: [
              { role: 'primary', server: serverLabel(config.databaseUrl), state: primaryUp ? 'ok' : 'down' },
              ...replicas.statuses().map((r) => ({ role: 'replica', ...r })),
            ],
          }
        : {};
    let primaryUp = false;
    try {
      await pingDatabase(services.ds, READY_TIMEOUT_MS);
      primaryUp = true;
      res.json({ status: 'ok', database: 'up', ...servers() });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'down', ...servers() });
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

  const authenticateViewer = deps.authenticate ?? createAuthenticator(config, services);
  // Read-your-writes: a token that wrote within DATABASE_REPLICA_STICKY_MS reads from the primary.
  const authenticate: Authenticate = async (req) => {
    const viewer = await authenticateViewer(req);
    if (replicasOf(services.ds)?.recentlyWrote(viewer.tokenId)) readFromPrimaryFromNowOn();
    return viewer;
  };
  // On the public port only for ADMIN tokens; with METRICS_PORT they are served on their own listener (http-server.ts).
  if (metrics && config.metricsPort === null) app.get('/metrics', adminOnlyMetrics(metrics, authenticate));
  deps.routes?.(app, services, authenticate);
  mountReportRoutes(app, services, authenticate, config);

  app.use(
    '/graphql',
    express.json({ limit: config.graphqlMaxBodyBytes }),
    reenterRoute,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return createContext(config, services, await authenticate(req));
        } catch (err) {
          if (!isDatabaseUnavailable(err)) throw err;
          logger.warn({ reason: (err as Error).message }, 'database unavailable while reading the token');
          throw new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
            extensions: {
              code: ErrorCode.DATABASE_UNAVAILABLE,
              http: { status: 503, headers: new Map([['retry-after', RETRY_AFTER_SECONDS]]) },
            },
          });
        }
      },
    }),
  );

  // The web app last: its fallback never shadows an API path (server/web-static.ts).
  if (deps.webDir !== false) mountWebApp(app, deps.webDir);

  app.use((err: Error & { status?: number; statusCode?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (isDatabaseUnavailable(err)) {
      logger.warn({ reason: err.message }, 'database unavailable');
      res
        .status(503)
        .set('retry-after', RETRY_AFTER_SECONDS)
        .json({ error: DATABASE_UNAVAILABLE_MESSAGE, code: ErrorCode.DATABASE_UNAVAILABLE });
      return;
    }
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) logger.error({ err }, 'request failed');
    res.status(status).json({ error: status >= 500 ? 'Error interno del servidor' : err.message });
  });
  return { app, httpServer, apollo, metrics };
}

/** GET /metrics on the public port: 401 without a valid token, 403 for any role but ADMIN. */
function adminOnlyMetrics(metrics: Metrics, authenticate: Authenticate) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      let viewer;
      try {
        viewer = await authenticate(req);
      } catch (err) {
        if (!(err instanceof AuthenticationError)) throw err;
        res.status(401).set(err.headers).json({
          error: 'Las métricas requieren un token ADMIN: envíe «Authorization: Bearer <token>».',
          code: ErrorCode.UNAUTHENTICATED,
        });
        return;
      }
      if (!isAdmin(viewer)) {
        res.status(403).json({ error: 'Las métricas solo se muestran con un token ADMIN.', code: ErrorCode.FORBIDDEN });
        return;
      }
      const { contentType, body } = await metrics.scrape();
      res.set('content-type', contentType).send(body);
    } catch (err) {
      next(err);
    }
  };
}
