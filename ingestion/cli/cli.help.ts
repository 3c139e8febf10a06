/** Help texts generated from the command definitions (nothing written by hand twice). */
import { Lang } from '../../src/config/config.messages';
import { CLI_MESSAGES } from './cli.messages';
import { CliCommand, textOf } from './command.types';

const columns = (rows: [string, string][], indent = 2): string[] => {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `${' '.repeat(indent)}${a.padEnd(width)}  ${b}`.trimEnd());
};

/** `rumbo --help`. */
export function mainHelp(commands: readonly CliCommand[], lang: Lang, version: string): string {
  const m = CLI_MESSAGES[lang];
  return [
    `Rumbo ${version} — ${m.tagline}`,
    '',
    `${m.usage}: rumbo ${m.commandPlaceholder}`,
    '',
    `${m.commands}:`,
    ...columns(commands.map((c) => [c.name, textOf(c.summary, lang)])),
    '',
    `${m.options}:`,
    ...columns([
      ['-h, --help', m.helpOption],
      ['-V, --version', m.versionOption],
    ]),
    '',
    m.helpFooter,
    m.configFooter,
  ].join('\n');
}

/** `rumbo COMMAND --help`. */
export function commandHelp(c: CliCommand, lang: Lang): string {
  const m = CLI_MESSAGES[lang];
  const lines = [`${m.usage}:`, ...c.usage.map((u) => `  rumbo ${c.name} ${textOf(u, lang)}`.trimEnd()), '', textOf(c.summary, lang)];
  if (c.details) lines.push('', textOf(c.details, lang));
  if (c.subcommands) {
    lines.push('', `${m.subcommands}:`);
    const subs = Object.values(c.subcommands).map((s): [string, string] => [textOf(s.usage, lang), textOf(s.description, lang)]);
    if (subs.every(([usage]) => usage.length <= 24)) lines.push(...columns(subs));
    else for (const [usage, description] of subs) lines.push(`  ${usage}`, `      ${description}`);
  }
  const options: [string, string][] = Object.entries(c.options ?? {}).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ? textOf(o.value, lang) : 'VALOR'}` : ''}`,
    textOf(o.description, lang),
  ]);
  options.push(['-h, --help', m.helpOption]);
  lines.push('', `${m.options}:`, ...columns(options));
  if (c.usesDatabase) lines.push('', m.usesDatabase);
  return lines.join('\n');
}
