/**
 * What a `rumbo` command is. Each command is one module exporting a `CliCommand`; the registry
 * (commands.registry.ts) lists them, and the dispatcher (rumbo.cli.ts) generates the help, parses the
 * options, and runs the command. Nothing runs before the command's own `run`: the help of a command, an
 * unknown option or a missing argument never touches the database, a port or a file.
 */
import { AppConfig } from '../../src/config/config';
import { Lang } from '../../src/config/config.messages';
import { CliIo } from './cli.io';

/** A text the operator reads: Spanish, with an English version for `RUMBO_LANG=en`. A plain string is used for both. */
export type Text = string | { readonly es: string; readonly en: string };

export const textOf = (text: Text, lang: Lang): string => (typeof text === 'string' ? text : text[lang]);

export interface CliOption {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** Placeholder of the value in the help, e.g. ARCHIVO. */
  readonly value?: Text;
  readonly description: Text;
}

export interface CliSubcommand {
  /** E.g. `create --role ADMIN|ENTITY|VIEWER [--entity CÓDIGO]`. */
  readonly usage: Text;
  readonly description: Text;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `rumbo --help`. */
  readonly summary: Text;
  /** What follows `rumbo NAME` in the usage line(s), e.g. `ARCHIVO… [--conservar]`. */
  readonly usage: readonly Text[];
  /** Paragraphs after the usage. */
  readonly details?: Text;
  /** Options parsed (strictly) by the dispatcher; `-h/--help` is always added. */
  readonly options?: Readonly<Record<string, CliOption>>;
  /** Subcommands, listed in the help; the command gets its arguments as written and parses them itself. */
  readonly subcommands?: Readonly<Record<string, CliSubcommand>>;
  /** Positional arguments the command needs (fewer is a usage error, exit 2). */
  readonly minArgs?: number;
  readonly maxArgs?: number;
  /** Says in the help that the command uses the database (it bootstraps it through `ctx.database()`). */
  readonly usesDatabase?: boolean;
  readonly run: (ctx: CommandContext) => Promise<number>;
}

export interface DatabaseReady {
  /** The configuration, with `databaseUrl` the URL actually used. */
  readonly config: AppConfig;
  /** The project-local MariaDB of scripts/db-bootstrap.js serves it. */
  readonly local: boolean;
  /** Its data folder, when local. */
  readonly dataDir: string | null;
}

/** Brings the database up for a command (tests may pass their own). */
export type DatabaseBootstrap = (config: AppConfig, io: CliIo, lang: Lang) => Promise<Omit<DatabaseReady, 'config'> & { url: string }>;

export interface CommandContext {
  readonly io: CliIo;
  readonly lang: Lang;
  /** Arguments after the command name, as written. */
  readonly argv: readonly string[];
  /** Parsed options (commands with `options`). */
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  /** Positional arguments (for commands with subcommands: the subcommand first). */
  readonly positionals: readonly string[];
  /** The validated configuration (a problem ends the command with exit 2, naming the variable). */
  config(): AppConfig;
  /**
   * Makes sure a database server answers (the project-local MariaDB when needed), the database exists and
   * is migrated; returns the configuration with the URL actually used.
   */
  database(): Promise<DatabaseReady>;
  /** Ends the command with a usage error (exit 2) and a pointer to its help. */
  usageError(message: string): never;
  /** The text in the operator's language. */
  t(text: Text): string;
}

/** A usage problem: the dispatcher prints it with a pointer to the help and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
