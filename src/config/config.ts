/**
 * The only reader of `process.env`. Every setting is parsed and validated here once; the rest of the
 * code receives a typed, frozen `AppConfig`. Values may come from the environment or from the `.env`
 * file (env-file.ts; the environment wins); both are validated the same way, and a problem names the
 * variable (and the file, when it came from there). Messages: Spanish, English with `RUMBO_LANG=en`.
 */
import { CONFIG_MESSAGES, Lang, langOf } from './config.messages';
import { EnvFileResult, envFileSources } from './env-file';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly databaseUrl: string;
  /** True when DATABASE_URL was not given and the built-in default is used. */
  readonly databaseUrlIsDefault: boolean;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** IANA zone used for "today" when a computed field gets no `cut`. */
  readonly timeZone: string;
  /** GraphQL IDE at GET /graphql; default off in production. */
  readonly graphqlIde: boolean;
  /** Introspection; default off in production. */
  readonly introspection: boolean;
  /** Largest page a list accepts (`first`/`last`). */
  readonly maxPageSize: number;
  /** Folder the worker scans for workbooks. */
  readonly inboxDir: string;
  /** node-cron expression of the import schedule. */
  readonly importCron: string;
  /** Start the import worker inside `rumbo serve`/`npm start`. */
  readonly runWorker: boolean;
  /** Anonymous requests get VIEWER-level reads. */
  readonly publicRead: boolean;
  /** Largest upload accepted, in bytes. */
  readonly uploadMaxBytes: number;
  /** Folder where claimed and uploaded workbooks are kept under generated names. */
  readonly storageDir: string;
  /** Days a processed workbook is kept in storage (and in the inbox's processed/ and rejected/); 0 = forever. */
  readonly storageRetentionDays: number;
  /** Language of operator-facing messages (CLI, configuration, database bootstrap). */
  readonly lang: Lang;
  /** Bounds on one workbook (rows and columns per sheet, inflated size, zip parts and ratio). */
  readonly importLimits: ImportLimits;
  /** Bounds on the isolated thread that reads and parses one workbook. */
  readonly parseSandbox: ParseSandboxLimits;
  /** Issues stored and listed per code for one batch (totals per code and column count them all). */
  readonly importMaxIssuesPerCode: number;
  /** How often a worker renews the heartbeat of the batch it holds, in milliseconds. */
  readonly importHeartbeatMs: number;
  /** A batch whose heartbeat is older than this is taken over by another worker, in milliseconds. */
  readonly importStaleAfterMs: number;
  /** How often an idle worker asks the database whether a batch is pending (another process's upload), in ms. */
  readonly importPollMs: number;
  /**
   * How far the heap of a process that imports may grow past what it holds before V8 collects it, in
   * percent (V8's `--heap-growing-percent`); 0 leaves it to V8. Bounds the peak memory of large imports.
   */
  readonly importHeapGrowingPercent: number;
  /** Serve Prometheus metrics at GET /metrics. */
  readonly metricsEnabled: boolean;
  /** When set, metrics are served on their own listener at METRICS_HOST:METRICS_PORT (not on the public port); else on PORT behind an ADMIN token. */
  readonly metricsPort: number | null;
  readonly metricsHost: string;
  /** Limits every GraphQL operation must respect (docs/security.md). */
  readonly queryLimits: QueryLimits;
  /** Largest JSON body accepted at /graphql, in bytes. */
  readonly graphqlMaxBodyBytes: number;
  /** How long the API waits for the database (connect, acquire a pooled connection, one statement). */
  readonly databaseTimeouts: DatabaseTimeoutSettings;
  /** Computed policy figures kept in memory per (policy, data version, cut, basis); 0 = no cache (docs/scaling.md). */
  readonly progressCacheMaxEntries: number;
  /**
   * Whole GraphQL answers of read-only queries about named policies, per (document, variables, viewer class,
   * day, policies' data versions); 0 = no cache, and off too when progressCacheMaxEntries is 0 (docs/scaling.md).
   */
  readonly responseCacheMaxEntries: number;
  /** Read replicas of the API (docs/scaling.md#réplicas-de-lectura); no URLs: every read on the primary. */
  readonly databaseReplicas: ReplicaSettings;
}

export interface ReplicaSettings {
  /** mysql:// URLs of the replicas, in the order given. */
  readonly replicaUrls: readonly string[];
  /** A replica further behind than this gets no reads, in seconds. */
  readonly maxLagSeconds: number;
  /** How often each replica's replication status is checked, in milliseconds. */
  readonly checkIntervalMs: number;
  /** After a token writes (upload, mutation), its reads go to the primary for this long, in milliseconds. */
  readonly stickyMs: number;
}

export interface DatabaseTimeoutSettings {
  /** Handshake of a new connection, in milliseconds. */
  readonly connectMs: number;
  /** Wait for a free pooled connection, in milliseconds. */
  readonly acquireMs: number;
  /** One statement, in milliseconds. */
  readonly queryMs: number;
}

export interface QueryLimits {
  /** Deepest selection nesting. */
  readonly maxDepth: number;
  /** Aliases in one document. */
  readonly maxAliases: number;
  /** Directives in one document. */
  readonly maxDirectives: number;
  /** Lexical tokens in one document. */
  readonly maxTokens: number;
  /** Estimated cost (graphql-armor model; page sizes multiply their sub-selection). */
  readonly maxCost: number;
}

export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/rumbo';

export interface ImportLimits {
  readonly maxBytes: number;
  readonly maxUncompressedBytes: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Parts (entries) of a zipped workbook (.xlsx, .ods). */
  readonly maxZipEntries: number;
  /** Uncompressed/compressed ratio of a zipped workbook, per part and overall. */
  readonly maxCompressionRatio: number;
}

export interface ParseSandboxLimits {
  /** Longest a workbook may take to be read and parsed, in milliseconds. */
  readonly timeoutMs: number;
  /** V8 heap (old generation) of the parsing thread, in MB. */
  readonly maxMemoryMb: number;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    lang: Lang = 'es',
  ) {
    super(`${CONFIG_MESSAGES[lang].header}\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Language and .env origin of the loadConfig call in progress (loadConfig is synchronous). */
let current: { lang: Lang; sources: EnvFileResult | null } = { lang: 'es', sources: null };
const msg = () => CONFIG_MESSAGES[current.lang];
/** The variable as a message names it: "PORT", or "PORT (en /srv/rumbo/.env)" when the file set it. */
const label = (name: string): string =>
  current.sources?.file && current.sources.applied.includes(name) ? msg().fromFile(name, current.sources.file) : name;

function parseBool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  problems.push(msg().bool(label(name), raw));
  return fallback;
}

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(msg().integer(label(name), min, max, raw));
    return fallback;
  }
  return n;
}

/** A mysql:// URL naming a database, or a problem (its password never appears in the message). */
function checkDatabaseUrl(name: string, url: string, problems: string[]): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') {
      problems.push(msg().urlScheme(name, u.protocol));
      return false;
    }
    if (!u.pathname || u.pathname === '/') {
      problems.push(msg().urlDatabase(name));
      return false;
    }
    return true;
  } catch {
    problems.push(msg().urlInvalid(name, url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@')));
    return false;
  }
}

/** Comma-separated mysql:// URLs (DATABASE_REPLICA_URLS); empty or unset: none. */
function parseUrlList(name: string, raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const items = raw.split(',').map((item) => item.trim());
  const urls: string[] = [];
  items.forEach((item, i) => {
    const itemName = msg().listItem(label(name), i + 1);
    if (item === '') problems.push(msg().listEmpty(itemName));
    else if (checkDatabaseUrl(itemName, item, problems)) urls.push(item);
  });
  return urls;
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses and validates an environment (defaults to `process.env`, with the `.env` file loaded into it by
 * `loadEnvFile`). Throws ConfigError listing every problem.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const lang = langOf(env);
  const sources = env === process.env ? envFileSources() : null;
  current = { lang, sources };
  try {
    return parseConfig(env, lang, sources);
  } finally {
    current = { lang: 'es', sources: null };
  }
}

/** The variables `loadConfig` reads, in the order it reads them (for `rumbo config`). */
export function configVariableNames(): string[] {
  const seen = new Set<string>();
  const probe = new Proxy({} as Env, {
    get: (_t, key) => {
      if (typeof key === 'string') seen.add(key);
      return undefined;
    },
  });
  parseConfig(probe, 'es', null);
  return [...seen];
}

function parseConfig(env: Env, lang: Lang, sources: EnvFileResult | null): AppConfig {
  const problems: string[] = [];
  if (sources?.error && sources.file) problems.push(msg().envFileUnreadable(sources.file, sources.error));
  const rawEnv = (env.NODE_ENV ?? 'development').trim();
  const nodeEnv = (['development', 'production', 'test'].includes(rawEnv) ? rawEnv : 'development') as AppConfig['nodeEnv'];
  if (rawEnv && !['development', 'production', 'test'].includes(rawEnv))
    problems.push(msg().oneOf(label('NODE_ENV'), ['development', 'production', 'test'], rawEnv));
  const production = nodeEnv === 'production';

  const databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  try {
    const u = new URL(databaseUrl);
    if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') problems.push(msg().urlScheme(label('DATABASE_URL'), u.protocol));
    if (!u.pathname || u.pathname === '/') problems.push(msg().urlDatabase(label('DATABASE_URL')));
  } catch {
    problems.push(msg().urlInvalid(label('DATABASE_URL'), databaseUrl.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@')));
  }

  const replicaUrls = parseUrlList('DATABASE_REPLICA_URLS', env.DATABASE_REPLICA_URLS, problems);

  const logLevel = (env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(msg().oneOf(label('LOG_LEVEL'), LOG_LEVELS, logLevel));

  const timeZone = env.TZ_REPORTS?.trim() || 'America/Bogota';
  if (!isValidTimeZone(timeZone)) problems.push(msg().timeZone(label('TZ_REPORTS'), timeZone));
  const rawLang = env.RUMBO_LANG?.trim();
  if (rawLang && !/^(es|en)([_-].*)?$/i.test(rawLang)) problems.push(msg().oneOf(label('RUMBO_LANG'), ['es', 'en'], rawLang));
  parseInteger('RUMBO_LOCAL_DB_PORT', env.RUMBO_LOCAL_DB_PORT, 3307, 1, 65535, problems);

  const config: AppConfig = {
    nodeEnv,
    databaseUrl,
    databaseUrlIsDefault: !env.DATABASE_URL?.trim(),
    port: parseInteger('PORT', env.PORT, 4000, 0, 65535, problems),
    host: env.HOST?.trim() || '0.0.0.0',
    logLevel,
    timeZone,
    graphqlIde: parseBool('GRAPHQL_IDE', env.GRAPHQL_IDE, !production, problems),
    introspection: parseBool('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, !production, problems),
    maxPageSize: parseInteger('MAX_PAGE_SIZE', env.MAX_PAGE_SIZE, 1000, 1, 10000, problems),
    inboxDir: env.INBOX_DIR?.trim() || './data/inbox',
    importCron: env.IMPORT_CRON?.trim() || '* * * * *',
    runWorker: parseBool('RUN_WORKER', env.RUN_WORKER, true, problems),
    publicRead: parseBool('PUBLIC_READ', env.PUBLIC_READ, false, problems),
    uploadMaxBytes: parseInteger('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024, problems),
    storageDir: env.STORAGE_DIR?.trim() || './data/storage',
    storageRetentionDays: parseInteger('STORAGE_RETENTION_DAYS', env.STORAGE_RETENTION_DAYS, 90, 0, 36_500, problems),
    lang,
    importLimits: {
      maxBytes: parseInteger('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024, []),
      maxUncompressedBytes: parseInteger(
        'IMPORT_MAX_INFLATED_BYTES',
        env.IMPORT_MAX_INFLATED_BYTES,
        200 * 1024 * 1024,
        1024,
        4 * 1024 * 1024 * 1024 - 1,
        problems,
      ),
      maxRows: parseInteger('IMPORT_MAX_ROWS', env.IMPORT_MAX_ROWS, 200_000, 1, 1_048_576, problems),
      maxColumns: parseInteger('IMPORT_MAX_COLUMNS', env.IMPORT_MAX_COLUMNS, 200, 1, 16_384, problems),
      maxZipEntries: parseInteger('IMPORT_MAX_ZIP_ENTRIES', env.IMPORT_MAX_ZIP_ENTRIES, 1000, 10, 100_000, problems),
      maxCompressionRatio: parseInteger('IMPORT_MAX_COMPRESSION_RATIO', env.IMPORT_MAX_COMPRESSION_RATIO, 200, 10, 10_000, problems),
    },
    parseSandbox: Object.freeze({
      timeoutMs: parseInteger('IMPORT_PARSE_TIMEOUT_MS', env.IMPORT_PARSE_TIMEOUT_MS, 60_000, 100, 3_600_000, problems),
      maxMemoryMb: parseInteger('IMPORT_PARSE_MAX_MEMORY_MB', env.IMPORT_PARSE_MAX_MEMORY_MB, 512, 32, 16_384, problems),
    }),
    importMaxIssuesPerCode: parseInteger('IMPORT_MAX_ISSUES_PER_CODE', env.IMPORT_MAX_ISSUES_PER_CODE, 1000, 1, 1_000_000, problems),
    importHeartbeatMs: parseInteger('IMPORT_HEARTBEAT_MS', env.IMPORT_HEARTBEAT_MS, 2000, 100, 600_000, problems),
    importStaleAfterMs: parseInteger('IMPORT_STALE_AFTER_MS', env.IMPORT_STALE_AFTER_MS, 8000, 1000, 3_600_000, problems),
    importPollMs: parseInteger('IMPORT_POLL_MS', env.IMPORT_POLL_MS, 1000, 50, 600_000, problems),
    importHeapGrowingPercent: parseInteger('IMPORT_HEAP_GROWING_PERCENT', env.IMPORT_HEAP_GROWING_PERCENT, 30, 0, 1000, problems),
    metricsEnabled: parseBool('METRICS_ENABLED', env.METRICS_ENABLED, true, problems),
    metricsPort: env.METRICS_PORT?.trim() ? parseInteger('METRICS_PORT', env.METRICS_PORT, 0, 0, 65535, problems) : null,
    metricsHost: env.METRICS_HOST?.trim() || '127.0.0.1',
    queryLimits: Object.freeze({
      maxDepth: parseInteger('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, 12, 2, 100, problems),
      maxAliases: parseInteger('GRAPHQL_MAX_ALIASES', env.GRAPHQL_MAX_ALIASES, 30, 0, 1000, problems),
      maxDirectives: parseInteger('GRAPHQL_MAX_DIRECTIVES', env.GRAPHQL_MAX_DIRECTIVES, 10, 0, 1000, problems),
      maxTokens: parseInteger('GRAPHQL_MAX_TOKENS', env.GRAPHQL_MAX_TOKENS, 5000, 100, 1_000_000, problems),
      maxCost: parseInteger('GRAPHQL_MAX_COST', env.GRAPHQL_MAX_COST, 200_000, 1, 1_000_000_000, problems),
    }),
    graphqlMaxBodyBytes: parseInteger('GRAPHQL_MAX_BODY_BYTES', env.GRAPHQL_MAX_BODY_BYTES, 1024 * 1024, 1024, 100 * 1024 * 1024, problems),
    databaseTimeouts: Object.freeze({
      connectMs: parseInteger('DATABASE_CONNECT_TIMEOUT_MS', env.DATABASE_CONNECT_TIMEOUT_MS, 2000, 100, 600_000, problems),
      acquireMs: parseInteger('DATABASE_ACQUIRE_TIMEOUT_MS', env.DATABASE_ACQUIRE_TIMEOUT_MS, 2000, 100, 600_000, problems),
      queryMs: parseInteger('DATABASE_QUERY_TIMEOUT_MS', env.DATABASE_QUERY_TIMEOUT_MS, 5000, 100, 3_600_000, problems),
    }),
    databaseReplicas: Object.freeze({
      replicaUrls: Object.freeze(replicaUrls),
      maxLagSeconds: parseInteger('DATABASE_REPLICA_MAX_LAG_S', env.DATABASE_REPLICA_MAX_LAG_S, 5, 0, 86_400, problems),
      checkIntervalMs: parseInteger('DATABASE_REPLICA_CHECK_MS', env.DATABASE_REPLICA_CHECK_MS, 1000, 100, 600_000, problems),
      stickyMs: parseInteger('DATABASE_REPLICA_STICKY_MS', env.DATABASE_REPLICA_STICKY_MS, 10_000, 0, 3_600_000, problems),
    }),
    progressCacheMaxEntries: parseInteger('PROGRESS_CACHE_MAX_ENTRIES', env.PROGRESS_CACHE_MAX_ENTRIES, 200, 0, 100_000, problems),
    responseCacheMaxEntries: parseInteger('RESPONSE_CACHE_MAX_ENTRIES', env.RESPONSE_CACHE_MAX_ENTRIES, 200, 0, 100_000, problems),
  };
  if (config.importStaleAfterMs < 3 * config.importHeartbeatMs) {
    problems.push(
      msg().staleAfter(label('IMPORT_STALE_AFTER_MS'), config.importStaleAfterMs, label('IMPORT_HEARTBEAT_MS'), config.importHeartbeatMs),
    );
  }
  if (problems.length) throw new ConfigError(problems, lang);
  return Object.freeze(config);
}
