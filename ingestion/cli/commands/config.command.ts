/** `rumbo config`: the effective configuration, secrets masked, and where each value came from. */
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { effectiveConfiguration } from '../../../src/config/config.variables';
import { envFileSources } from '../../../src/config/env-file';
import { CliCommand, Text } from '../command.types';

const SOURCE: Record<string, Text> = {
  env: { es: 'entorno', en: 'environment' },
  file: '.env',
  default: { es: 'por omisión', en: 'default' },
};

export const configCommand: CliCommand = {
  name: 'config',
  summary: {
    es: 'muestra la configuración efectiva (secretos ocultos) y de dónde sale cada valor',
    en: 'shows the effective configuration (secrets masked) and where each value comes from',
  },
  usage: [''],
  details: {
    es: 'Orden: variable de entorno, luego el archivo .env (RUMBO_ENV_FILE), luego el valor por omisión.\nSale con 2 si algún valor no es válido, nombrando la variable.',
    en: 'Order: environment variable, then the .env file (RUMBO_ENV_FILE), then the default.\nExits 2 when a value is invalid, naming the variable.',
  },
  options: {},
  maxArgs: 0,
  run: async (ctx) => {
    const config = loadConfig(); // throws ConfigError (exit 2) naming the variable
    const file = envFileSources();
    const rows = effectiveConfiguration(ctx.lang).map((v) => [v.name, v.value, ctx.t(SOURCE[v.source]!), v.description]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    ctx.io.out(
      file.file
        ? ctx.t(
            file.found
              ? {
                  es: `Archivo .env: ${file.file} (${file.applied.length} valores usados)`,
                  en: `.env file: ${file.file} (${file.applied.length} values used)`,
                }
              : { es: `Archivo .env: ${file.file} (no existe)`, en: `.env file: ${file.file} (not found)` },
          )
        : ctx.t({ es: 'Archivo .env: ninguno (RUMBO_ENV_FILE vacío)', en: '.env file: none (RUMBO_ENV_FILE empty)' }),
    );
    if (file.shadowed.length) {
      ctx.io.out(
        ctx.t({
          es: `En .env pero definidas en el entorno (manda el entorno): ${file.shadowed.join(', ')}`,
          en: `In .env but set in the environment (the environment wins): ${file.shadowed.join(', ')}`,
        }),
      );
    }
    ctx.io.out('');
    for (const r of rows)
      ctx.io.out(
        r
          .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c))
          .join('  ')
          .trimEnd(),
      );
    ctx.io.out('');
    ctx.io.out(
      ctx.t({
        es: `Carpetas: bandeja ${path.resolve(config.inboxDir)}, archivos ${path.resolve(config.storageDir)}.`,
        en: `Folders: inbox ${path.resolve(config.inboxDir)}, files ${path.resolve(config.storageDir)}.`,
      }),
    );
    return 0;
  },
};
