/**
 * The `rumbo` CLI's own messages (help layout, usage errors, bootstrap notes), Spanish and English
 * (`RUMBO_LANG=en`). Each command's texts sit in its module as `{ es, en }`; logs stay English JSON.
 */
import { Lang } from '../../src/config/config.messages';

interface CliMessages {
  tagline: string;
  usage: string;
  commandPlaceholder: string;
  commands: string;
  subcommands: string;
  options: string;
  helpOption: string;
  versionOption: string;
  helpFooter: string;
  configFooter: string;
  usesDatabase: string;
  unknownCommand: (name: string) => string;
  unknownOption: (option: string, command: string) => string;
  unknownGlobalOption: (option: string) => string;
  missingValue: (option: string) => string;
  noValueAllowed: (option: string) => string;
  unexpectedArgument: (arg: string) => string;
  missingArguments: string;
  seeHelp: (command: string | null) => string;
  migrationsApplied: (names: string) => string;
  interrupted: string;
}

export const CLI_MESSAGES: Record<Lang, CliMessages> = {
  es: {
    tagline: 'seguimiento de instancias de coordinación y planes de acción de políticas públicas',
    usage: 'Uso',
    commandPlaceholder: '<comando> [opciones]',
    commands: 'Comandos',
    subcommands: 'Subcomandos',
    options: 'Opciones',
    helpOption: 'muestra esta ayuda (no hace nada más)',
    versionOption: 'muestra la versión',
    helpFooter: '«rumbo help COMANDO» o «rumbo COMANDO --help» explica cada comando. Guía: docs/operacion.md.',
    configFooter: 'Configuración: variables de entorno o el archivo .env (el entorno manda); «rumbo config» la muestra.',
    usesDatabase: 'Usa la base de datos: si hace falta, la crea y le aplica las migraciones pendientes.',
    unknownCommand: (name) => `Comando desconocido: «${name}».`,
    unknownOption: (option, command) => `Opción desconocida para «rumbo ${command}»: ${option}.`,
    unknownGlobalOption: (option) => `Opción desconocida: ${option}.`,
    missingValue: (option) => `La opción ${option} necesita un valor.`,
    noValueAllowed: (option) => `La opción ${option} no lleva valor.`,
    unexpectedArgument: (arg) => `Argumento inesperado: «${arg}».`,
    missingArguments: 'Faltan argumentos.',
    seeHelp: (command) => `Vea «rumbo ${command ? `${command} ` : ''}--help».`,
    migrationsApplied: (names) => `Migraciones aplicadas: ${names}`,
    interrupted: 'Interrumpido.',
  },
  en: {
    tagline: 'follow-up of coordination instances and public-policy action plans',
    usage: 'Usage',
    commandPlaceholder: '<command> [options]',
    commands: 'Commands',
    subcommands: 'Subcommands',
    options: 'Options',
    helpOption: 'show this help (and do nothing else)',
    versionOption: 'show the version',
    helpFooter: '"rumbo help COMMAND" or "rumbo COMMAND --help" explains each command. Guide: docs/operacion.md.',
    configFooter: 'Configuration: environment variables or the .env file (the environment wins); "rumbo config" shows it.',
    usesDatabase: 'Uses the database: when needed it creates it and applies pending migrations.',
    unknownCommand: (name) => `Unknown command: "${name}".`,
    unknownOption: (option, command) => `Unknown option for "rumbo ${command}": ${option}.`,
    unknownGlobalOption: (option) => `Unknown option: ${option}.`,
    missingValue: (option) => `Option ${option} needs a value.`,
    noValueAllowed: (option) => `Option ${option} takes no value.`,
    unexpectedArgument: (arg) => `Unexpected argument: "${arg}".`,
    missingArguments: 'Missing arguments.',
    seeHelp: (command) => `See "rumbo ${command ? `${command} ` : ''}--help".`,
    migrationsApplied: (names) => `Migrations applied: ${names}`,
    interrupted: 'Interrupted.',
  },
};
