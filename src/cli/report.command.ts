/**
 * `rumbo informe politica|anexo|instancia …`: writes a generated report to a file (docs/reports.md).
 * Returns the exit code: 0 written, 1 the report cannot be generated (unknown code, cut outside the plan,
 * no sessions in the range, a broken wording file), 2 usage. Nothing is written unless the report is complete.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { openDataSource } from '../database/data-source';
import { ReportError } from '../reports/report.errors';
import { GeneratedFile, ReportService } from '../reports/report.service';
import { Wording, WordingError } from '../reports/wording/wording';

export interface ReportCliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface ReportCommandDeps {
  /** Opened (and closed) by the command after its arguments are checked. */
  databaseUrl: string;
  timeZone: string;
  /** An open data source to use instead of databaseUrl (tests). */
  ds?: DataSource;
  now?: () => Date;
}

export const REPORT_USAGE = `Uso:
  rumbo informe politica CÓDIGO --corte AAAA-MM-DD -o ARCHIVO.docx    informe de seguimiento de la política
  rumbo informe anexo CÓDIGO --corte AAAA-MM-DD -o ARCHIVO.xlsx       anexo 1 (semáforo por producto) en Excel
  rumbo informe instancia CÓDIGO --desde AAAA-MM-DD --hasta AAAA-MM-DD -o ARCHIVO.docx
                                                                      informe de gestión de la instancia
  Opción: --textos ARCHIVO   usa otro archivo de textos (copia editada de src/reports/wording/textos-informes.txt)`;

/** node:util parseArgs speaks English: say the same in Spanish. */
function spanishParseError(e: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Opción desconocida: ${option}.`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Falta el valor de la opción ${option}.`;
  return `Argumentos no válidos: ${e.message}`;
}

const KINDS = { politica: '.docx', anexo: '.xlsx', instancia: '.docx' } as const;
type Kind = keyof typeof KINDS;

export async function reportCommand(argv: string[], io: ReportCliIo, deps: ReportCommandDeps): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        output: { type: 'string', short: 'o' },
        corte: { type: 'string' },
        desde: { type: 'string' },
        hasta: { type: 'string' },
        textos: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.err(`${spanishParseError(e as Error & { code?: string })}\n${REPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(REPORT_USAGE);
    return 0;
  }
  const kind = (positionals[0] ?? '').toLowerCase() as Kind;
  const code = positionals[1];
  const problems: string[] = [];
  if (!(kind in KINDS))
    problems.push(`Indique el tipo de informe: politica, anexo o instancia${positionals[0] ? ` (no «${positionals[0]}»)` : ''}.`);
  if (!code) problems.push('Indique el código de la política o de la instancia.');
  if (positionals.length > 2) problems.push(`Sobra el argumento «${positionals[2]}».`);
  if (!values.output) problems.push('Indique el archivo de salida con -o ARCHIVO.');
  else if (kind in KINDS && path.extname(values.output).toLowerCase() !== KINDS[kind]) {
    problems.push(`El archivo de salida de este informe debe terminar en ${KINDS[kind]}.`);
  }
  if (kind === 'instancia' && values.corte) problems.push('El informe de una instancia usa --desde y --hasta, no --corte.');
  if (kind !== 'instancia' && (values.desde || values.hasta)) problems.push('El informe de una política usa --corte, no --desde/--hasta.');
  if (problems.length) {
    io.err(`${problems.join('\n')}\n${REPORT_USAGE}`);
    return 2;
  }

  let wording: Wording | undefined;
  try {
    if (values.textos) wording = Wording.load(values.textos);
  } catch (err) {
    if (err instanceof WordingError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
  const ds = deps.ds ?? (await openDataSource({ url: deps.databaseUrl, poolSize: 2 }));
  try {
    const reports = new ReportService(ds, { timeZone: deps.timeZone, wording, now: deps.now });
    let file: GeneratedFile;
    if (kind === 'politica') file = await reports.policyReport(code!, values.corte);
    else if (kind === 'anexo') file = await reports.annexWorkbook(code!, values.corte);
    else file = await reports.instanceReport(code!, values.desde, values.hasta);
    const target = path.resolve(values.output!);
    const temp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temp, file.bytes);
    await fs.rename(temp, target);
    io.out(`Informe escrito en ${target} (${Math.round(file.bytes.length / 1024)} KB).`);
    return 0;
  } catch (err) {
    if (err instanceof ReportError || err instanceof WordingError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  } finally {
    if (!deps.ds) await ds.destroy();
  }
}
