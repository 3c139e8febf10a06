/**
 * `rumbo token create|revoke|list`: API token management for the planning office (docs/security.md).
 * Mounted under the `rumbo` bin; returns the exit code (0 ok, 1 refused, 2 usage). Output in Spanish:
 * the planning office runs it.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { ApiTokenRecord } from '../entities';
import { tokenErrorInSpanish } from '../services/token.messages';
import { MAX_EXPIRY_DAYS, TokenError, TokenService, isTokenActive } from '../services/token.service';
import { Role } from '../services/viewer';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface TokenCommandServices {
  tokens: TokenService;
  /** Recorded as created_by and as the audit actor; default "cli". */
  actor?: string;
}

/** Tokens expire after this many days unless --expires-days or --never-expires says otherwise. */
export const DEFAULT_EXPIRY_DAYS = 365;

export const TOKEN_USAGE = `Uso:
  rumbo token create --role ADMIN|ENTITY|VIEWER [--entity CÓDIGO] [--name NOMBRE] [--expires-days N | --never-expires]
  rumbo token revoke ID|PREFIJO
  rumbo token list [--all]

  create   muestra el secreto una sola vez (solo se guarda su sha256). Los tokens ENTITY necesitan --entity CÓDIGO.
           Vencimiento por omisión: ${DEFAULT_EXPIRY_DAYS} días (N entre 1 y ${MAX_EXPIRY_DAYS}).
  revoke   por id o por el prefijo que muestra \`list\`; el token deja de servir de inmediato.
  list     tokens activos (--all: también los revocados). Nunca muestra secretos.`;

class UsageError extends Error {}

/** parseArgs' English errors, in Spanish. */
function parseProblem(e: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Opción desconocida: ${quoted}.`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Valor no válido para ${quoted}.`;
  return e.message;
}

const iso = (d: Date | null | undefined): string => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(parseProblem(e as Error));
  }
}

async function create(argv: string[], io: CliIo, services: TokenCommandServices): Promise<number> {
  const { values, positionals } = parse(argv, {
    role: { type: 'string' },
    entity: { type: 'string' },
    name: { type: 'string' },
    'expires-days': { type: 'string' },
    'never-expires': { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`Argumento inesperado: «${positionals[0]}».`);
  const role = String(values.role ?? '').toUpperCase();
  if (!Object.values(Role).includes(role as Role)) throw new UsageError('--role debe ser ADMIN, ENTITY o VIEWER.');
  const rawDays = values['expires-days'];
  if (rawDays !== undefined && values['never-expires']) throw new UsageError('Use --expires-days o --never-expires, no ambos.');
  let days: number | null = DEFAULT_EXPIRY_DAYS;
  if (values['never-expires']) days = null;
  else if (rawDays !== undefined) {
    days = /^\d+$/.test(String(rawDays)) ? Number(rawDays) : NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS) {
      throw new UsageError(`--expires-days debe ser un número entero entre 1 y ${MAX_EXPIRY_DAYS}.`);
    }
  }
  const actor = services.actor ?? 'cli';
  const { token, secret } = await services.tokens.create(
    {
      role: role as Role,
      entityCode: values.entity === undefined ? null : String(values.entity),
      name: values.name === undefined ? null : String(values.name),
      expiresInDays: days,
      createdBy: actor,
    },
    actor,
  );
  const entity = values.entity ? ` de la entidad ${String(values.entity).trim()}` : '';
  io.out(
    `Token ${token.role} ${token.id} «${token.name}»${entity} creado; ${token.expiresAt ? `vence el ${iso(token.expiresAt)}` : 'no vence nunca'}.`,
  );
  io.out('Secreto (se muestra solo ahora; no se puede recuperar, guárdelo en lugar seguro):');
  io.out(secret);
  io.out(`Los clientes lo envían así: Authorization: Bearer ${token.prefix}…`);
  return 0;
}

async function revoke(argv: string[], io: CliIo, services: TokenCommandServices): Promise<number> {
  const { positionals } = parse(argv, {});
  if (positionals.length !== 1) throw new UsageError('revoke recibe un id o un prefijo de token.');
  const { token, alreadyRevoked } = await services.tokens.revoke(positionals[0]!, services.actor ?? 'cli');
  io.out(
    alreadyRevoked
      ? `El token ${token.id} «${token.name}» ya estaba revocado desde ${iso(token.revokedAt)}; nada cambió.`
      : `Token ${token.id} «${token.name}» (${token.prefix}) revocado; se rechaza desde ahora.`,
  );
  return 0;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

async function list(argv: string[], io: CliIo, services: TokenCommandServices): Promise<number> {
  const { values, positionals } = parse(argv, { all: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`Argumento inesperado: «${positionals[0]}».`);
  const tokens: ApiTokenRecord[] = await services.tokens.list({ includeRevoked: Boolean(values.all) });
  if (tokens.length === 0) {
    io.out(values.all ? 'No hay tokens.' : 'No hay tokens activos (--all incluye los revocados).');
    return 0;
  }
  const now = new Date();
  const status = (t: ApiTokenRecord) => (t.revokedAt ? 'revocado' : isTokenActive(t, now) ? 'activo' : 'vencido');
  const header = ['ID', 'PREFIJO', 'ROL', 'ENTIDAD', 'NOMBRE', 'CREADO', 'VENCE', 'ÚLTIMO USO', 'ESTADO'];
  const rows = tokens.map((t) => [
    String(t.id),
    t.prefix,
    t.role,
    t.entity?.code ?? '-',
    t.name,
    iso(t.createdAt),
    iso(t.expiresAt),
    iso(t.lastUsedAt),
    status(t),
  ]);
  for (const line of table([header, ...rows])) io.out(line);
  return 0;
}

/** Runs `rumbo token …` with argv after "token"; returns the exit code. */
export async function tokenCommand(argv: string[], io: CliIo, services: TokenCommandServices): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'create':
        return await create(rest, io, services);
      case 'revoke':
        return await revoke(rest, io, services);
      case 'list':
        return await list(rest, io, services);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(TOKEN_USAGE);
        return sub === undefined ? 2 : 0;
      default:
        throw new UsageError(`Subcomando de token desconocido: «${sub}».`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${TOKEN_USAGE}`);
      return 2;
    }
    if (e instanceof TokenError) {
      io.err(tokenErrorInSpanish(e.message));
      return 1;
    }
    throw e;
  }
}
