/** `rumbo informe politica|anexo|instancia …` (the logic: src/cli/report.command.ts; docs/reports.md). */
import { CliCommand } from '../command.types';

export const reportCliCommand: CliCommand = {
  name: 'informe',
  summary: {
    es: 'informes generados: seguimiento de la política (.docx), anexo (.xlsx), gestión de la instancia (.docx)',
    en: 'generated reports: policy follow-up (.docx), annex (.xlsx), instance management report (.docx)',
  },
  usage: ['<politica|anexo|instancia> CÓDIGO …'],
  details: {
    es: 'Cifras en vivo a la fecha de corte pedida, con el método de docs/calculation.md. Ver docs/reports.md.',
    en: 'Live figures at the requested cut, by the method of docs/calculation.md. See docs/reports.md.',
  },
  subcommands: {
    politica: {
      usage: 'politica CÓDIGO --corte AAAA-MM-DD -o ARCHIVO.docx [--textos ARCHIVO]',
      description: { es: 'informe de seguimiento de la política', en: 'policy follow-up report' },
    },
    anexo: {
      usage: 'anexo CÓDIGO --corte AAAA-MM-DD -o ARCHIVO.xlsx',
      description: { es: 'anexo 1: semáforo por producto, en Excel', en: 'annex 1: traffic light per product, in Excel' },
    },
    instancia: {
      usage: 'instancia CÓDIGO --desde AAAA-MM-DD --hasta AAAA-MM-DD -o ARCHIVO.docx [--textos ARCHIVO]',
      description: { es: 'informe de gestión de la instancia', en: 'instance management report' },
    },
  },
  minArgs: 1,
  usesDatabase: true,
  run: async (ctx) => {
    const { config } = await ctx.database();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs
    const { reportCommand } = require('../../../src/cli/report.command') as typeof import('../../../src/cli/report.command'); // documents and charts: loaded only here
    return reportCommand([...ctx.positionals], ctx.io, { databaseUrl: config.databaseUrl, timeZone: config.timeZone });
  },
};
