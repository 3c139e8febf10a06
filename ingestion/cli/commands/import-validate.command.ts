/** `rumbo import ARCHIVO…` and `rumbo validate ARCHIVO…`. */
import { openDataSource } from '../../../src/database/data-source';
import { applyImportHeapPolicy } from '../../worker/heap.policy';
import { inboxLayout } from '../../worker/inbox.scanner';
import { CliCommand, CommandContext } from '../command.types';
import { importFiles, validateFiles } from '../import.command';

async function withFiles(ctx: CommandContext, action: 'import' | 'validate'): Promise<number> {
  const { config } = await ctx.database();
  if (action === 'import') applyImportHeapPolicy(config.importHeapGrowingPercent);
  const ds = await openDataSource({ url: config.databaseUrl, poolSize: 2 });
  try {
    const deps = {
      ds,
      io: ctx.io,
      layout: inboxLayout(config.inboxDir, config.storageDir),
      limits: config.importLimits,
      sandbox: config.parseSandbox,
      maxIssuesPerCode: config.importMaxIssuesPerCode,
      heartbeatMs: config.importHeartbeatMs,
      keep: Boolean(ctx.values.conservar),
    };
    const files = [...ctx.positionals];
    return action === 'import' ? await importFiles(files, deps) : await validateFiles(files, deps);
  } finally {
    await ds.destroy();
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: {
    es: 'importa ya uno o más libros por el camino real; sale con 1 si alguno es rechazado',
    en: 'imports one or more workbooks now through the real path; exit 1 when any is rejected',
  },
  usage: [{ es: 'ARCHIVO… [--conservar]', en: 'FILE… [--conservar]' }],
  details: {
    es:
      'Todo o nada por libro; imprime cada error (hoja, fila, columna). Un libro rechazado deja ARCHIVO.errores.xlsx\n' +
      'a su lado (el libro con la hoja «Errores»). Sin --conservar no queda copia del archivo en STORAGE_DIR.',
    en:
      'All or nothing per workbook; prints every error (sheet, row, column). A rejected workbook leaves FILE.errores.xlsx\n' +
      'next to it (the workbook with an "Errores" sheet). Without --conservar no copy is kept in STORAGE_DIR.',
  },
  options: {
    conservar: {
      type: 'boolean',
      description: {
        es: 'guarda una copia en STORAGE_DIR, como una subida (se borra tras STORAGE_RETENTION_DAYS)',
        en: 'keeps a copy in STORAGE_DIR, like an upload (deleted after STORAGE_RETENTION_DAYS)',
      },
    },
  },
  minArgs: 1,
  usesDatabase: true,
  run: (ctx) => withFiles(ctx, 'import'),
};

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: {
    es: 'revisa uno o más libros sin escribir nada (simulación); sale con 1 si alguno tiene errores',
    en: 'checks one or more workbooks writing nothing (dry run); exit 1 when any has errors',
  },
  usage: [{ es: 'ARCHIVO…', en: 'FILE…' }],
  details: {
    es: 'Las mismas revisiones que la importación, contra los datos ya guardados; no crea lote ni copia.',
    en: 'The same checks as the import, against the stored data; creates no batch and no copy.',
  },
  options: {},
  minArgs: 1,
  usesDatabase: true,
  run: (ctx) => withFiles(ctx, 'validate'),
};
