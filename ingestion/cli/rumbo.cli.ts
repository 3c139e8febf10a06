/**
 * The `rumbo` command (bin/rumbo.js). This is the composition root: it may use both src/ and ingestion/.
 *
 * The commands are the modules listed in commands.registry.ts; this file only dispatches: `rumbo --help`,
 * `rumbo help COMMAND`, `rumbo COMMAND --help` (generated from the definitions, never a side effect),
 * `rumbo --version`, strict option parsing (an unknown command or option says which and exits 2), and the
 * context a command runs with (configuration and database on demand).
 *
 * Exit codes: 0 done; 1 refused (e.g. a rejected workbook, a database that does not answer); 2 usage or
 * configuration error.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AppConfig, ConfigError, loadConfig } from '../../src/config/config';
import { currentLang, Lang } from '../../src/config/config.messages';
import { loadEnvFile } from '../../src/config/env-file';
import { runMigrations } from '../../src/database/migrate';
import { commandHelp, mainHelp } from './cli.help';
import { CliIo, processIo } from './cli.io';
import { CLI_MESSAGES } from './cli.messages';
import { COMMANDS, findCommand } from './commands.registry';
import { CliCommand, CommandContext, DatabaseBootstrap, DatabaseReady, textOf, UsageError } from './command.types';
import { dbBootstrap } from './db-bootstrap.adapter';
import { productVersion } from './project-root';

export interface RunOptions {
  /** How the database is brought up (default: scripts/db-bootstrap.js, create, migrate). */
  bootstrap?: DatabaseBootstrap;
}

/** The default bootstrap: a server that answers (project-local MariaDB if needed), the database, its migrations. */
export const defaultBootstrap: DatabaseBootstrap = async (_config, io, lang) => {
  const db = dbBootstrap();
  const resolved = await db.ensureDatabaseServer({ log: (m) => io.err(m) });
  await db.createDatabase(resolved.url);
  const applied = await runMigrations(resolved.url);
  if (applied.length) io.err(CLI_MESSAGES[lang].migrationsApplied(applied.join(', ')));
  const dataDir = resolved.local ? (await db.databaseStatus()).local.dataDir : null;
  return { url: resolved.url, local: resolved.local, dataDir };
};

const isHelpFlag = (a: string) => a === '--help' || a === '-h';

/** Arguments before a `--` (after it everything is positional). */
const beforeDoubleDash = (args: readonly string[]) => {
  const i = args.indexOf('--');
  return i < 0 ? args : args.slice(0, i);
};

/** parseArgs' own errors are English and terse: say the same in the operator's language, naming the option. */
function usageFromParseError(err: unknown, command: CliCommand, lang: Lang): UsageError {
  const m = CLI_MESSAGES[lang];
  const e = err as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(e.message ?? '')?.[1] ?? '';
  const option =
    quoted
      .split(/[ ,]/)
      .filter((p) => p.startsWith('--'))
      .pop() ?? quoted;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(m.unknownOption(quoted, command.name), command.name);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(/does not take/.test(e.message ?? '') ? m.noValueAllowed(option) : m.missingValue(option), command.name);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(m.unexpectedArgument(quoted), command.name);
    default:
      return new UsageError(e.message ?? String(err), command.name);
  }
}

function parseCommandArgs(command: CliCommand, argv: string[], lang: Lang) {
  if (command.subcommands && !command.options) return { values: {}, positionals: argv };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(command.options ?? {}).map(([name, o]) => [
          name,
          { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
        ]),
      ),
      strict: true,
      allowPositionals: true,
    });
    return { values: values as CommandContext['values'], positionals };
  } catch (err) {
    throw usageFromParseError(err, command, lang);
  }
}

export async function run(argv: string[], io: CliIo = processIo, options: RunOptions = {}): Promise<number> {
  const lang = currentLang();
  const m = CLI_MESSAGES[lang];
  const [first, ...rest] = argv;
  const fail = (message: string, command: string | null) => {
    io.err(`${message}\n${m.seeHelp(command)}`);
    return 2;
  };

  if (first === undefined) {
    io.err(mainHelp(COMMANDS, lang, productVersion()));
    return 2;
  }
  if (isHelpFlag(first)) {
    io.out(mainHelp(COMMANDS, lang, productVersion()));
    return 0;
  }
  if (first === '--version' || first === '-V') {
    io.out(productVersion());
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.out(mainHelp(COMMANDS, lang, productVersion()));
      return 0;
    }
    const c = findCommand(topic);
    if (!c) return fail(m.unknownCommand(topic), null);
    io.out(commandHelp(c, lang));
    return 0;
  }
  if (first.startsWith('-')) return fail(m.unknownGlobalOption(first), null);
  const command = findCommand(first);
  if (!command) return fail(m.unknownCommand(first), null);
  if (beforeDoubleDash(rest).some(isHelpFlag)) {
    io.out(commandHelp(command, lang));
    return 0;
  }

  let config: AppConfig | null = null;
  let ready: DatabaseReady | null = null;
  try {
    const { values, positionals } = parseCommandArgs(command, rest, lang);
    if (positionals.length < (command.minArgs ?? 0)) throw new UsageError(m.missingArguments, command.name);
    if (command.maxArgs !== undefined && positionals.length > command.maxArgs) {
      throw new UsageError(m.unexpectedArgument(positionals[command.maxArgs]!), command.name);
    }
    const ctx: CommandContext = {
      io,
      lang,
      argv: rest,
      values,
      positionals,
      t: (text) => textOf(text, lang),
      usageError: (message) => {
        throw new UsageError(message, command.name);
      },
      config: () => (config ??= loadConfig()),
      database: async () => {
        if (ready) return ready;
        const base = ctx.config();
        const db = await (options.bootstrap ?? defaultBootstrap)(base, io, lang);
        ready = { config: Object.freeze({ ...base, databaseUrl: db.url }), local: db.local, dataDir: db.dataDir };
        return ready;
      },
    };
    return await command.run(ctx);
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, err.command ?? command.name);
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof Error && err.name === 'BootstrapError') {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
}

/** The process entry (bin/rumbo.js): the `.env` file first (the environment wins over it), then the command. */
export function main(argv: string[], io: CliIo = processIo, options: RunOptions = {}): Promise<number> {
  loadEnvFile();
  return run(argv, io, options);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
