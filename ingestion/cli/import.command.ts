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
import type { IssueTotal } from '../../src/entities/import-issue-total.type';
import { countsPerCode, DEFAULT_MAX_ISSUES_PER_CODE, summarizeIssues } from '../issues/issue.summary';
import { Issue } from '../issues/issue.types';
import { validateWorkbook } from '../validation/workbook.validator';
import { BatchStore } from '../worker/batch.store';
import { InboxLayout, safeFileName, storageNameFor } from '../worker/inbox.scanner';
import { writeFileAtomic } from '../worker/storage.files';
import { ReadLimits } from '../xlsx/workbook.types';
import { CliIo, formatIssue } from './cli.io';

export interface ImportCommandDeps {
  ds: DataSource;
  layout: InboxLayout;
  limits?: Partial<ReadLimits>;
  /** Time and memory bounds of the thread that reads each file (defaults: 60 s, 512 MB). */
  sandbox?: SandboxOptions;
  /** Issues stored and printed per code (default 1000); the totals per code are printed too. */
  maxIssuesPerCode?: number;
  /** How often the CLI renews the heartbeat of the batch it holds (default 2 s), so no worker takes it over. */
  heartbeatMs?: number;
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
    const folder = deps.keep ? deps.layout.storage : await fs.mkdtemp(path.join(tmpdir(), 'rumbo-import-'));
    const stored = deps.keep
      ? storageNameFor(deps.layout, file)
      : path.join(folder, `archivo${path.extname(file).toLowerCase().slice(0, 8)}`);
    try {
      if (await importOne(file, await copied(file, stored), stored, deps, parser, store, owner)) failed++;
    } finally {
      if (!deps.keep) await fs.rm(folder, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

/**
 * Copies FILE to `stored` and gives what the batch records of its content; the bytes are not kept (the
 * pipeline reads the stored copy: one copy of a large file in memory, not two).
 */
async function copied(file: string, stored: string): Promise<{ sha256: string; sizeBytes: number }> {
  const bytes = await fs.readFile(file);
  await writeFileAtomic(stored, bytes);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length };
}

/** Imports one file already copied to `stored`; true when it was rejected. */
async function importOne(
  file: string,
  content: { sha256: string; sizeBytes: number },
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
        ...content,
        uploader: 'cli',
        uploaderEntityId: null,
        storagePath: stored,
      },
      owner,
    );
    const started = Date.now();
    const beat = setInterval(() => void store.heartbeat(batch.id, owner).catch(() => undefined), deps.heartbeatMs ?? 2000);
    const outcome = await processBatch(
      {
        ds: deps.ds,
        store,
        parser,
        ...(deps.limits ? { limits: deps.limits } : {}),
        ...(deps.maxIssuesPerCode ? { maxIssuesPerCode: deps.maxIssuesPerCode } : {}),
        onProgress: (phase) => deps.io.progress(`${path.basename(file)}: ${phase}… ${((Date.now() - started) / 1000).toFixed(1)} s`),
      },
      batch,
      owner,
    ).finally(() => clearInterval(beat));
    deps.io.progress('');
    // Nothing kept: the batch names no stored file (its Errores workbook, if any, is written next to FILE below).
    if (!deps.keep) await deps.ds.getRepository(ImportBatchRecord).update({ id: batch.id }, { storagePath: null, errorsPath: null });
    const c = outcome.counts;
    deps.io.out(
      `${file}: ${STATUS_ES[outcome.status]} (lote ${outcome.batchId}, ${outcome.kind ?? 'tipo no reconocido'}) — filas leídas ${c.rowsRead}, nuevas ${c.rowsInserted}, actualizadas ${c.rowsUpdated}, sin cambios ${c.rowsUnchanged}, con errores ${c.rowsRejected}; ${((Date.now() - started) / 1000).toFixed(2)} s`,
    );
    for (const i of outcome.issues) deps.io.out(formatIssue(i));
    printTotals(outcome.issues, outcome.totals, deps.io);
    if (outcome.status === ImportStatus.REJECTED) {
      if (outcome.errorsWorkbook) {
        // The same bytes as the stored Errores workbook that GET /batches/:id/errores.xlsx serves.
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

/** When some codes had more issues than listed: one line per code with its total. */
function printTotals(listed: readonly Issue[], totals: readonly IssueTotal[], io: CliIo): void {
  const shown = new Map<string, number>();
  for (const i of listed) shown.set(i.code, (shown.get(i.code) ?? 0) + 1);
  for (const [code, c] of countsPerCode(totals)) {
    const n = shown.get(code) ?? 0;
    if (c.count > n)
      io.out(`  ${code}: ${c.count.toLocaleString('es-CO')} en total; se listaron los primeros ${n.toLocaleString('es-CO')}`);
  }
}

/** `rumbo validate FILE…`: the same checks without writing anything (dry run). */
export async function validateFiles(
  files: string[],
  deps: Pick<ImportCommandDeps, 'ds' | 'io' | 'limits' | 'sandbox' | 'maxIssuesPerCode'>,
): Promise<number> {
  const parser = new ParseSandbox(deps.sandbox);
  try {
    return await validateEach(files, deps, parser);
  } finally {
    await parser.close();
  }
}

async function validateEach(
  files: string[],
  deps: Pick<ImportCommandDeps, 'ds' | 'io' | 'limits' | 'maxIssuesPerCode'>,
  parser: ParseSandbox,
): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const parsed = await parser.parse(await fs.readFile(file), deps.limits);
    const summary = summarizeIssues(
      validateWorkbook(parsed, await loadValidationContext(deps.ds.manager, parsed, { entityCode: null, planningOffice: true })),
      deps.maxIssuesPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE,
    );
    const bad = summary.errorCount > 0;
    if (bad) failed++;
    deps.io.out(
      `${file}: ${bad ? 'tiene errores; no se importaría' : 'válido; se puede importar'} (${parsed.kind ?? 'tipo no reconocido'})`,
    );
    for (const i of summary.kept) deps.io.out(formatIssue(i));
    printTotals(summary.kept, summary.totals, deps.io);
  }
  return failed ? 1 : 0;
}
