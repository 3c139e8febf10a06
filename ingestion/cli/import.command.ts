import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { processBatch } from '../import/import.pipeline';
import { ParseSandbox, SandboxOptions } from '../import/parse.sandbox';
import { loadValidationContext } from '../import/validation-context.loader';
import { hasErrors } from '../issues/issue.types';
import { validateWorkbook } from '../validation/workbook.validator';
import { BatchStore } from '../worker/batch.store';
import { InboxLayout, safeFileName } from '../worker/inbox.scanner';
import { ReadLimits } from '../xlsx/workbook.types';
import { CliIo, formatIssue } from './cli.io';

export interface ImportCommandDeps {
  ds: DataSource;
  layout: InboxLayout;
  limits?: Partial<ReadLimits>;
  /** Time and memory bounds of the thread that reads each file (defaults: 60 s, 512 MB). */
  sandbox?: SandboxOptions;
  io: CliIo;
  /**
   * Keep a copy of each file in storage (`rumbo import --conservar`), like an upload. Without it the file
   * is read from a private temporary copy that is deleted afterwards, and the batch names no stored file.
   */
  keep?: boolean;
}

const STATUS_ES: Record<ImportStatus, string> = {
  [ImportStatus.PENDING]: 'pendiente',
  [ImportStatus.PROCESSING]: 'en proceso',
  [ImportStatus.IMPORTED]: 'importado',
  [ImportStatus.REJECTED]: 'rechazado',
  [ImportStatus.DUPLICATE]: 'duplicado (ya importado antes; no se aplica de nuevo)',
};

/** `rumbo import FILE…`: imports now through the real pipeline; exit 1 when any file is rejected. */
export async function importFiles(files: string[], deps: ImportCommandDeps): Promise<number> {
  const parser = new ParseSandbox(deps.sandbox);
  try {
    return await importEach(files, deps, parser);
  } finally {
    await parser.close();
  }
}

async function importEach(files: string[], deps: ImportCommandDeps, parser: ParseSandbox): Promise<number> {
  const store = new BatchStore(deps.ds, 60_000);
  const owner = `cli:${process.pid}`;
  let failed = 0;
  for (const file of files) {
    const bytes = await fs.readFile(file);
    const folder = deps.keep ? deps.layout.storage : await fs.mkdtemp(path.join(tmpdir(), 'rumbo-import-'));
    await fs.mkdir(folder, { recursive: true });
    const stored = path.join(
      folder,
      `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}-${Date.now()}${path.extname(file).toLowerCase().slice(0, 8)}`,
    );
    await fs.writeFile(stored, bytes);
    try {
      if (await importOne(file, bytes, stored, deps, parser, store, owner)) failed++;
    } finally {
      if (!deps.keep) await fs.rm(folder, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

/** Imports one file already copied to `stored`; true when it was rejected. */
async function importOne(
  file: string,
  bytes: Buffer,
  stored: string,
  deps: ImportCommandDeps,
  parser: ParseSandbox,
  store: BatchStore,
  owner: string,
): Promise<boolean> {
  {
    const batch = await store.createClaimed(
      {
        fileName: safeFileName(file),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sizeBytes: bytes.length,
        uploader: 'cli',
        uploaderEntityId: null,
        storagePath: stored,
      },
      owner,
    );
    const started = Date.now();
    const outcome = await processBatch(
      {
        ds: deps.ds,
        store,
        parser,
        ...(deps.limits ? { limits: deps.limits } : {}),
        onProgress: (phase) => deps.io.progress(`${path.basename(file)}: ${phase}… ${((Date.now() - started) / 1000).toFixed(1)} s`),
      },
      batch,
      owner,
    );
    deps.io.progress('');
    if (!deps.keep) await deps.ds.getRepository(ImportBatchRecord).update({ id: batch.id }, { storagePath: null });
    const c = outcome.counts;
    deps.io.out(
      `${file}: ${STATUS_ES[outcome.status]} (lote ${outcome.batchId}, ${outcome.kind ?? 'tipo no reconocido'}) — filas leídas ${c.rowsRead}, nuevas ${c.rowsInserted}, actualizadas ${c.rowsUpdated}, sin cambios ${c.rowsUnchanged}, con errores ${c.rowsRejected}; ${((Date.now() - started) / 1000).toFixed(2)} s`,
    );
    for (const i of outcome.issues) deps.io.out(formatIssue(i));
    if (outcome.status === ImportStatus.REJECTED) {
      if (outcome.errorsWorkbook) {
        const out = file.replace(/(\.[^.]*)?$/, '.errores.xlsx');
        await fs.writeFile(out, outcome.errorsWorkbook);
        deps.io.out(`  El libro con la hoja «Errores» quedó en ${out}`);
      }
      return true;
    }
    if (deps.keep) deps.io.out(`  Copia conservada en ${stored}`);
    return false;
  }
}

/** `rumbo validate FILE…`: the same checks without writing anything (dry run). */
export async function validateFiles(files: string[], deps: Pick<ImportCommandDeps, 'ds' | 'io' | 'limits' | 'sandbox'>): Promise<number> {
  const parser = new ParseSandbox(deps.sandbox);
  try {
    return await validateEach(files, deps, parser);
  } finally {
    await parser.close();
  }
}

async function validateEach(files: string[], deps: Pick<ImportCommandDeps, 'ds' | 'io' | 'limits'>, parser: ParseSandbox): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const parsed = await parser.parse(await fs.readFile(file), deps.limits);
    const issues = validateWorkbook(
      parsed,
      await loadValidationContext(deps.ds.manager, parsed, { entityCode: null, planningOffice: true }),
    );
    const bad = hasErrors(issues);
    if (bad) failed++;
    deps.io.out(
      `${file}: ${bad ? 'tiene errores; no se importaría' : 'válido; se puede importar'} (${parsed.kind ?? 'tipo no reconocido'})`,
    );
    for (const i of issues) deps.io.out(formatIssue(i));
  }
  return failed ? 1 : 0;
}
