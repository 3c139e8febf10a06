/** `rumbo template plan|reporte|instancia -o ARCHIVO`. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ImportKind } from '../../../src/domain/enums';
import { CliCommand } from '../command.types';

const KINDS: Record<string, ImportKind> = { plan: ImportKind.PLAN, reporte: ImportKind.REPORTE, instancia: ImportKind.INSTANCIA };

export const templateCommand: CliCommand = {
  name: 'template',
  summary: {
    es: 'escribe una plantilla en blanco, con su hoja «Instrucciones»',
    en: 'writes a blank template, with its "Instrucciones" sheet',
  },
  usage: [{ es: 'plan|reporte|instancia -o ARCHIVO.xlsx', en: 'plan|reporte|instancia -o FILE.xlsx' }],
  details: {
    es: 'plan: plan de acción de una política; reporte: avance de un periodo; instancia: integrantes, sesiones,\nasistencia y compromisos de una instancia. Guía: docs/guia-entidades.md.',
    en: 'plan: a policy action plan; reporte: progress of a period; instancia: members, sessions, attendance and\ncommitments of an instance. Guide: docs/guia-entidades.md.',
  },
  options: {
    output: {
      type: 'string',
      short: 'o',
      value: { es: 'ARCHIVO', en: 'FILE' },
      description: { es: 'archivo a escribir', en: 'file to write' },
    },
  },
  minArgs: 1,
  maxArgs: 1,
  run: async (ctx) => {
    const name = ctx.positionals[0]!;
    const kind = KINDS[name.toLowerCase()];
    if (!kind)
      return ctx.usageError(
        ctx.t({
          es: `Tipo de plantilla desconocido: «${name}» (plan, reporte o instancia).`,
          en: `Unknown template kind: "${name}" (plan, reporte or instancia).`,
        }),
      );
    const output = ctx.values.output;
    if (typeof output !== 'string' || !output) return ctx.usageError(ctx.t({ es: 'Falta -o ARCHIVO.xlsx.', en: 'Missing -o FILE.xlsx.' }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs
    const { buildTemplate } = require('../../templates/template.writer') as typeof import('../../templates/template.writer'); // ExcelJS: loaded only here
    await fs.writeFile(output, await buildTemplate(kind));
    ctx.io.out(
      ctx.t({ es: `Plantilla ${kind} escrita en ${path.resolve(output)}`, en: `Template ${kind} written to ${path.resolve(output)}` }),
    );
    return 0;
  },
};
