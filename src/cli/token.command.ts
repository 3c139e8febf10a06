/**
 * `rumbo token create|revoke|list`: API token management for the planning office (docs/security.md).
 * Mounted under the `rumbo` bin; returns the exit code (0 ok, 1 refused, 2 usage).
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { ApiTokenRecord } from '../entities';
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

export const TOKEN_USAGE = `Usage:
  rumbo token create --role ADMIN|ENTITY|VIEWER [--entity CODE] [--name NAME] [--expires-days N | --never-expires]
  rumbo token revoke ID|PREFIX
  rumbo token list [--all]

  create   prints the secret once (only its sha256 is stored). ENTITY tokens need --entity CODE.
           Default expiry: ${DEFAULT_EXPIRY_DAYS} days (N between 1 and ${MAX_EXPIRY_DAYS}).
  revoke   by id or by the prefix shown by \`list\`; the token stops working at once.
  list     active tokens (--all: revoked ones too). Never shows secrets.`;

class UsageError extends Error {}

const iso = (d: Date | null | undefined): string => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
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
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const role = String(values.role ?? '').toUpperCase();
  if (!Object.values(Role).includes(role as Role)) throw new UsageError('--role must be ADMIN, ENTITY or VIEWER.');
  const rawDays = values['expires-days'];
  if (rawDays !== undefined && values['never-expires']) throw new UsageError('Use either --expires-days or --never-expires.');
  let days: number | null = DEFAULT_EXPIRY_DAYS;
  if (values['never-expires']) days = null;
  else if (rawDays !== undefined) {
    days = /^\d+$/.test(String(rawDays)) ? Number(rawDays) : NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS) {
      throw new UsageError(`--expires-days must be a whole number between 1 and ${MAX_EXPIRY_DAYS}.`);
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
  const entity = values.entity ? ` for entity ${String(values.entity).trim()}` : '';
  io.out(
    `Created ${token.role} token ${token.id} "${token.name}"${entity}; ${token.expiresAt ? `expires ${iso(token.expiresAt)}` : 'never expires'}.`,
  );
  io.out('Secret (shown only now; it cannot be recovered, store it safely):');
  io.out(secret);
  io.out(`Clients send it as: Authorization: Bearer ${token.prefix}…`);
  return 0;
}

async function revoke(argv: string[], io: CliIo, services: TokenCommandServices): Promise<number> {
  const { positionals } = parse(argv, {});
  if (positionals.length !== 1) throw new UsageError('revoke takes one token id or prefix.');
  const { token, alreadyRevoked } = await services.tokens.revoke(positionals[0]!, services.actor ?? 'cli');
  io.out(
    alreadyRevoked
      ? `Token ${token.id} "${token.name}" was already revoked on ${iso(token.revokedAt)}; nothing changed.`
      : `Revoked token ${token.id} "${token.name}" (${token.prefix}); it is refused from now on.`,
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
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const tokens: ApiTokenRecord[] = await services.tokens.list({ includeRevoked: Boolean(values.all) });
  if (tokens.length === 0) {
    io.out(values.all ? 'No tokens.' : 'No active tokens (use --all to include revoked ones).');
    return 0;
  }
  const now = new Date();
  const status = (t: ApiTokenRecord) => (t.revokedAt ? 'revoked' : isTokenActive(t, now) ? 'active' : 'expired');
  const header = ['ID', 'PREFIX', 'ROLE', 'ENTITY', 'NAME', 'CREATED', 'EXPIRES', 'LAST USED', 'STATUS'];
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
        throw new UsageError(`Unknown token command "${sub}".`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${TOKEN_USAGE}`);
      return 2;
    }
    if (e instanceof TokenError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}
