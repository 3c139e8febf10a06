/**
 * Every `rumbo` command, in the order `rumbo --help` lists them. Adding a command is one module exporting
 * a `CliCommand` (see command.types.ts; texts as `{ es, en }`) and one line here. Its help, option parsing
 * and usage errors come from the dispatcher (rumbo.cli.ts); it touches the database only through
 * `ctx.database()`.
 */
import { CliCommand } from './command.types';
import { configCommand } from './commands/config.command';
import { dbCommand } from './commands/db.command';
import { importCommand, validateCommand } from './commands/import-validate.command';
import { reportCliCommand } from './commands/report.command';
import { serveCommand, startCommand, workerCommand } from './commands/server.command';
import { templateCommand } from './commands/template.command';
import { tokenCliCommand } from './commands/token.command';

export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  serveCommand,
  workerCommand,
  importCommand,
  validateCommand,
  templateCommand,
  tokenCliCommand,
  reportCliCommand,
  configCommand,
  dbCommand,
];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}
