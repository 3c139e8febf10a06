/** `rumbo token create|revoke|list` (the logic: src/cli/token.command.ts). */
import { openDataSource } from '../../../src/database/data-source';
import { CliCommand } from '../command.types';

export const tokenCliCommand: CliCommand = {
  name: 'token',
  summary: { es: 'tokens de acceso a la API: crear, revocar, listar', en: 'API access tokens: create, revoke, list' },
  usage: ['<create|revoke|list> …'],
  details: {
    es: 'Roles ADMIN (oficina de planeación), ENTITY (una entidad), VIEWER (lectura). Ver docs/security.md.',
    en: 'Roles ADMIN (planning office), ENTITY (one entity), VIEWER (read only). See docs/security.md.',
  },
  subcommands: {
    create: {
      usage: 'create --role ADMIN|ENTITY|VIEWER [--entity CÓDIGO] [--name NOMBRE] [--expires-days N | --never-expires]',
      description: {
        es: 'crea un token y muestra su secreto una sola vez (vence en 365 días por omisión)',
        en: 'creates a token and shows its secret once (expires in 365 days by default)',
      },
    },
    revoke: { usage: 'revoke ID|PREFIJO', description: { es: 'revoca un token de inmediato', en: 'revokes a token at once' } },
    list: { usage: 'list [--all]', description: { es: 'lista los tokens (nunca los secretos)', en: 'lists tokens (never secrets)' } },
  },
  minArgs: 1,
  usesDatabase: true,
  run: async (ctx) => {
    if (!['create', 'revoke', 'list'].includes(ctx.positionals[0]!)) {
      return ctx.usageError(
        ctx.t({
          es: `Subcomando de token desconocido: «${ctx.positionals[0]}».`,
          en: `Unknown token subcommand: "${ctx.positionals[0]}".`,
        }),
      );
    }
    const { config } = await ctx.database();
    const ds = await openDataSource({ url: config.databaseUrl, poolSize: 2 });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs
    const { tokenCommand } = require('../../../src/cli/token.command') as typeof import('../../../src/cli/token.command');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs
    const { createServices } = require('../../../src/services') as typeof import('../../../src/services');
    try {
      return await tokenCommand([...ctx.positionals], ctx.io, { tokens: createServices(ds, config).tokens });
    } finally {
      await ds.destroy();
    }
  },
};
