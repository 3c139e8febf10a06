/**
 * What each configuration variable means, for `rumbo config` and docs/operacion.md. The list of variables
 * itself is taken from what `loadConfig` reads (configVariableNames), so a new setting shows up in
 * `rumbo config` even before it gets a line here.
 */
import { configVariableNames } from './config';
import { Lang } from './config.messages';
import { EnvFileResult, envFileSources, sourceOf, ValueSource } from './env-file';

interface VariableInfo {
  /** Default as an operator reads it. */
  default: string;
  es: string;
  en: string;
  /** Its value is never printed whole. */
  secret?: boolean;
}

export const VARIABLES: Record<string, VariableInfo> = {
  NODE_ENV: {
    default: 'development',
    es: 'production apaga el IDE y la introspección',
    en: 'production turns the IDE and introspection off',
  },
  DATABASE_URL: {
    default: 'mysql://root@127.0.0.1:3306/rumbo',
    es: 'servidor y base de datos MySQL/MariaDB (la contraseña se oculta)',
    en: 'MySQL/MariaDB server and database (password masked)',
    secret: true,
  },
  LOG_LEVEL: { default: 'info', es: 'nivel de los registros JSON (pino)', en: 'level of the JSON logs (pino)' },
  TZ_REPORTS: {
    default: 'America/Bogota',
    es: 'zona horaria de «hoy» cuando no se da corte',
    en: 'time zone of "today" when no cut is given',
  },
  RUMBO_LANG: {
    default: 'es',
    es: 'idioma de la CLI y de los errores de configuración (es, en)',
    en: 'language of the CLI and configuration errors (es, en)',
  },
  RUMBO_LOCAL_DB_PORT: { default: '3307', es: 'puerto de la MariaDB local del proyecto', en: 'port of the project-local MariaDB' },
  PORT: { default: '4000', es: 'puerto HTTP de la API', en: 'HTTP port of the API' },
  HOST: { default: '0.0.0.0', es: 'interfaz HTTP de la API', en: 'HTTP interface of the API' },
  GRAPHQL_IDE: { default: 'true (false en producción)', es: 'IDE de GraphQL en GET /graphql', en: 'GraphQL IDE at GET /graphql' },
  GRAPHQL_INTROSPECTION: { default: 'true (false en producción)', es: 'introspección del esquema', en: 'schema introspection' },
  MAX_PAGE_SIZE: { default: '1000', es: 'mayor `first` que acepta una lista', en: 'largest `first` a list accepts' },
  INBOX_DIR: { default: './data/inbox', es: 'carpeta de entrada que revisa el importador', en: 'inbox folder the worker scans' },
  IMPORT_CRON: { default: '* * * * *', es: 'horario (node-cron) de la revisión', en: 'node-cron schedule of the scan' },
  RUN_WORKER: { default: 'true', es: 'correr el importador dentro de npm start', en: 'run the worker inside npm start' },
  PUBLIC_READ: { default: 'false', es: 'lecturas anónimas con permisos de VIEWER', en: 'anonymous VIEWER-level reads' },
  UPLOAD_MAX_BYTES: { default: '20971520', es: 'tamaño máximo de un archivo subido', en: 'largest upload' },
  STORAGE_DIR: { default: './data/storage', es: 'dónde se guardan los archivos recibidos', en: 'where received files are kept' },
  STORAGE_RETENTION_DAYS: {
    default: '90',
    es: 'días que se conservan los archivos procesados (0 = siempre)',
    en: 'days processed files are kept (0 = forever)',
  },
  IMPORT_MAX_INFLATED_BYTES: { default: '209715200', es: 'tamaño descomprimido máximo', en: 'largest inflated size' },
  IMPORT_MAX_ROWS: { default: '200000', es: 'filas máximas por hoja', en: 'rows per sheet' },
  IMPORT_MAX_COLUMNS: { default: '200', es: 'columnas máximas por hoja', en: 'columns per sheet' },
  IMPORT_MAX_ZIP_ENTRIES: { default: '1000', es: 'partes máximas del zip', en: 'zip entries' },
  IMPORT_MAX_COMPRESSION_RATIO: { default: '200', es: 'razón de compresión máxima', en: 'compression ratio' },
  IMPORT_PARSE_TIMEOUT_MS: { default: '60000', es: 'tiempo máximo para leer un libro', en: 'longest read of one workbook' },
  IMPORT_PARSE_MAX_MEMORY_MB: { default: '512', es: 'memoria máxima del hilo lector', en: 'memory of the reading thread' },
  IMPORT_MAX_ISSUES_PER_CODE: {
    default: '1000',
    es: 'problemas guardados por código en un lote (los totales cuentan todos)',
    en: 'issues stored per code in one batch (totals count all)',
  },
  IMPORT_HEARTBEAT_MS: { default: '2000', es: 'latido del importador mientras procesa un lote', en: 'worker heartbeat while a batch runs' },
  IMPORT_STALE_AFTER_MS: {
    default: '8000',
    es: 'silencio tras el cual otro importador retoma el lote (≥ 3 latidos)',
    en: 'silence after which another worker takes the batch over (≥ 3 heartbeats)',
  },
  IMPORT_POLL_MS: {
    default: '1000',
    es: 'cada cuánto un importador libre pregunta a la base si hay lotes pendientes (subidas de otro proceso)',
    en: 'how often an idle worker asks the database for pending batches (another process’s uploads)',
  },
  IMPORT_HEAP_GROWING_PERCENT: {
    default: '30',
    es: 'cuánto puede crecer la memoria de un proceso que importa antes de recogerla, en % (0: lo decide V8, algo más rápido y con más memoria)',
    en: 'how far the memory of a process that imports may grow before it is collected, in % (0: V8 decides, a little faster, more memory)',
  },
  METRICS_ENABLED: { default: 'true', es: 'métricas Prometheus en GET /metrics', en: 'Prometheus metrics at GET /metrics' },
  METRICS_PORT: {
    default: '(vacío)',
    es: 'puerto propio de las métricas (vacío: en PORT con token ADMIN)',
    en: 'own port for metrics (empty: on PORT with an ADMIN token)',
  },
  METRICS_HOST: { default: '127.0.0.1', es: 'dirección del puerto de métricas', en: 'address of the metrics port' },
  GRAPHQL_MAX_DEPTH: { default: '12', es: 'profundidad máxima de una consulta', en: 'deepest query' },
  GRAPHQL_MAX_ALIASES: { default: '30', es: 'alias máximos', en: 'aliases' },
  GRAPHQL_MAX_DIRECTIVES: { default: '10', es: 'directivas máximas', en: 'directives' },
  GRAPHQL_MAX_TOKENS: { default: '5000', es: 'símbolos máximos de una consulta', en: 'tokens of a query' },
  GRAPHQL_MAX_COST: { default: '200000', es: 'costo estimado máximo', en: 'estimated cost' },
  GRAPHQL_MAX_BODY_BYTES: { default: '1048576', es: 'tamaño máximo del cuerpo JSON', en: 'largest JSON body' },
  DATABASE_CONNECT_TIMEOUT_MS: {
    default: '2000',
    es: 'espera máxima para abrir una conexión a la base de datos',
    en: 'longest wait to open a database connection',
  },
  DATABASE_ACQUIRE_TIMEOUT_MS: {
    default: '2000',
    es: 'espera máxima por una conexión libre del pool',
    en: 'longest wait for a free pool connection',
  },
  DATABASE_QUERY_TIMEOUT_MS: { default: '5000', es: 'duración máxima de una consulta SQL', en: 'longest SQL statement' },
  DATABASE_REPLICA_URLS: {
    default: '(ninguna)',
    es: 'réplicas de lectura de la API, URL mysql:// separadas por comas (docs/scaling.md)',
    en: 'read replicas of the API, comma-separated mysql:// URLs (docs/scaling.md)',
    secret: true,
  },
  DATABASE_REPLICA_MAX_LAG_S: {
    default: '5',
    es: 'segundos de retraso tras los cuales una réplica deja de recibir lecturas',
    en: 'seconds of lag after which a replica gets no reads',
  },
  DATABASE_REPLICA_CHECK_MS: {
    default: '1000',
    es: 'cada cuánto se revisa el estado de replicación de cada réplica',
    en: 'how often each replica is checked',
  },
  DATABASE_REPLICA_STICKY_MS: {
    default: '10000',
    es: 'tras una carga o un cambio, las lecturas de ese token van al primario este tiempo',
    en: 'after an upload or a change, that token reads from the primary this long',
  },
  PROGRESS_CACHE_MAX_ENTRIES: {
    default: '200',
    es: 'cifras calculadas que la API guarda en memoria (política, versión de datos, corte, base); 0 = sin caché',
    en: 'computed figures the API keeps in memory (policy, data version, cut, basis); 0 = no cache',
  },
  RESPONSE_CACHE_MAX_ENTRIES: {
    default: '200',
    es: 'respuestas GraphQL enteras de consultas de una política que la API guarda en memoria; 0 (o PROGRESS_CACHE_MAX_ENTRIES=0) = sin caché',
    en: 'whole GraphQL answers of one-policy queries the API keeps in memory; 0 (or PROGRESS_CACHE_MAX_ENTRIES=0) = no cache',
  },
};

/** Read outside loadConfig (env-file.ts), shown too. */
const EXTRA: Record<string, VariableInfo> = {
  RUMBO_ENV_FILE: { default: './.env', es: 'archivo de configuración (vacío: ninguno)', en: 'configuration file (empty: none)' },
};

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;

/** A value safe to print: URL passwords become ***; secret-looking variables are hidden. */
export function maskValue(name: string, value: string): string {
  const masked = value.replace(/(\/\/[^:/@]*):[^@/]*@/g, '$1:***@');
  if (masked !== value) return masked;
  if (VARIABLES[name]?.secret || SECRET_NAME.test(name)) return /^[a-z]+:\/\//i.test(value) ? value : '***';
  return value;
}

export interface EffectiveVariable {
  name: string;
  /** As set (masked), or the default. */
  value: string;
  source: ValueSource;
  description: string;
}

/** Every variable, its effective value (masked) and where it came from. */
export function effectiveConfiguration(
  lang: Lang,
  env: Record<string, string | undefined> = process.env,
  sources: EnvFileResult = envFileSources(),
): EffectiveVariable[] {
  const names = [...configVariableNames(), ...Object.keys(EXTRA)];
  return names.map((name) => {
    const info = VARIABLES[name] ?? EXTRA[name];
    const source = sourceOf(name, env, sources);
    const raw = env[name];
    return {
      name,
      value: source === 'default' ? (info?.default ?? '') : maskValue(name, raw!.trim()),
      source,
      description: info ? info[lang] : '',
    };
  });
}
