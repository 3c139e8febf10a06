/**
 * Reading and parsing a workbook in an isolated thread (`worker_threads`) with a V8 heap limit and a
 * time limit, so one hostile file (a cell-repeating .ods, a pathological XML) cannot exhaust the
 * memory of the worker process or hang it. A file that exceeds either limit, or crashes the parser,
 * becomes a refused workbook with a clear Spanish issue; the next file gets a fresh thread.
 *
 * The thread is reused between files and ended after `idleMs` without work, after any failure, and
 * on `close()`. It never keeps the process alive on its own.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { IssueTotal } from '../../src/entities/import-issue-total.type';
import { Issue } from '../issues/issue.types';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import { ReporteChunk } from '../model/reporte.types';
import { errorsSheet } from '../output/errors-sheet.writer';
import { parseWorkbookInParts, StreamedParse } from '../parsing/reporte-stream.parser';
import { parseWorkbookStreaming, refusedWorkbook } from '../parsing/workbook.parser';
import { ReadLimits } from '../xlsx/workbook.types';

/** Reads and parses uploaded files; the import pipeline depends only on this. */
export interface WorkbookParser {
  parse(bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<ParsedWorkbook>;
  /**
   * `parse`, with a REPORTE .xlsx's reports given to `onPart` in parts as they are read (each awaited,
   * in order, before the next; the reading goes on meanwhile). A rejected `onPart` is thrown once the
   * reading stopped. Without it the pipeline parses whole.
   */
  parseInParts?(
    bytes: Uint8Array,
    limits: Partial<ReadLimits> | undefined,
    onPart: (part: ReporteChunk) => Promise<void>,
    /** The bytes may be moved into the parsing thread instead of copied: the caller does not use them again. */
    move?: boolean,
  ): Promise<StreamedParse>;
  /** The upload with an added `Errores` sheet (issues listed, and totals when capped); undefined when it cannot be written. */
  errorsWorkbook(
    bytes: Uint8Array,
    issues: readonly Issue[],
    limits?: Partial<ReadLimits>,
    totals?: readonly IssueTotal[],
  ): Promise<Buffer | undefined>;
}

export interface SandboxOptions {
  /** Longest one file may take (default 60 s). */
  readonly timeoutMs?: number;
  /** V8 old-generation heap of the thread, in MB (default 512). */
  readonly maxMemoryMb?: number;
  /** An idle thread is ended after this long (default 5 s). */
  readonly idleMs?: number;
}

export const DEFAULT_SANDBOX = { timeoutMs: 60_000, maxMemoryMb: 512, idleMs: 5_000 } as const;

/** Longest the thread may take to load its modules before the sandbox is declared broken. */
const STARTUP_TIMEOUT_MS = 30_000;

export type SandboxJob =
  | { readonly id: number; readonly op: 'parse'; readonly bytes: Uint8Array; readonly limits: Partial<ReadLimits> }
  | { readonly id: number; readonly op: 'parts'; readonly bytes: Uint8Array; readonly limits: Partial<ReadLimits> }
  | {
      readonly id: number;
      readonly op: 'errors';
      readonly bytes: Uint8Array;
      readonly issues: readonly Issue[];
      readonly totals: readonly IssueTotal[];
      readonly limits: Partial<ReadLimits>;
    };

export type SandboxReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly parsed?: ParsedWorkbook;
      /** For a `parts` job: the reports came in parts. */
      readonly streamed?: boolean;
      readonly workbook?: Uint8Array;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** A part of a `parts` job, sent by the thread before its reply; the thread waits for acks (`SandboxAck`) to send more. */
export interface SandboxPart {
  readonly id: number;
  readonly seq: number;
  readonly part: ReporteChunk;
}

/** The main thread handled part `seq` of job `id`. */
export interface SandboxAck {
  readonly op: 'ack';
  readonly id: number;
  readonly seq: number;
}

type Failure = 'timeout' | 'memory' | 'crash';
type Outcome = { readonly reply: SandboxReply } | { readonly failure: Failure };

/** Parsing in the calling thread (unit tests, small trusted inputs). Not bounded in time or memory. */
export const inProcessParser: WorkbookParser = {
  parse: (bytes, limits) => parseWorkbookStreaming(bytes, limits ? { limits } : {}),
  parseInParts: (bytes, limits, onPart) => parseWorkbookInParts(bytes, limits ? { limits } : {}, onPart),
  errorsWorkbook: (bytes, issues, limits, totals) => errorsSheet(bytes, issues, limits, totals).catch(() => undefined),
};

/** The compiled entry next to this module; under ts (jest, swc-node) the .ts entry, registered with swc. */
function workerEntry(): { file: string; execArgv: string[] } {
  const ext = path.extname(__filename);
  return { file: path.join(__dirname, `parse.worker${ext}`), execArgv: ext === '.ts' ? ['-r', require.resolve('@swc-node/register')] : [] };
}

export class ParseSandbox implements WorkbookParser {
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
  private readonly idleMs: number;
  private thread: Promise<Worker> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(options: SandboxOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SANDBOX.timeoutMs;
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_SANDBOX.maxMemoryMb;
    this.idleMs = options.idleMs ?? DEFAULT_SANDBOX.idleMs;
  }

  async parse(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Promise<ParsedWorkbook> {
    const outcome = await this.run({ id: this.nextId++, op: 'parse', bytes, limits });
    if ('reply' in outcome && outcome.reply.ok && outcome.reply.parsed) return outcome.reply.parsed;
    return this.refusal(outcome);
  }

  async parseInParts(
    bytes: Uint8Array,
    limits: Partial<ReadLimits> = {},
    onPart: (part: ReporteChunk) => Promise<void>,
    move = false,
  ): Promise<StreamedParse> {
    let failed: { error: unknown } | null = null;
    const handle = async (part: ReporteChunk): Promise<void> => {
      if (failed) return;
      try {
        await onPart(part);
      } catch (error) {
        failed = { error };
        this.discard(); // nothing more to read for
      }
    };
    const outcome = await this.run({ id: this.nextId++, op: 'parts', bytes, limits }, handle, move);
    if (failed) throw (failed as { error: unknown }).error;
    if ('reply' in outcome && outcome.reply.ok && outcome.reply.parsed)
      return { parsed: outcome.reply.parsed, streamed: outcome.reply.streamed === true };
    return { parsed: this.refusal(outcome), streamed: false };
  }

  /** The refused workbook of a thread that ran out of time or memory, or crashed. */
  private refusal(outcome: Outcome): ParsedWorkbook {
    const failure = 'failure' in outcome ? outcome.failure : 'crash';
    const seconds = Math.round(this.timeoutMs / 100) / 10;
    switch (failure) {
      case 'timeout':
        return refusedWorkbook(
          'LIBRO_DEMASIADO_GRANDE',
          `el libro es demasiado grande o complejo: leerlo tomó más de ${String(seconds).replace('.', ',')} s, el máximo permitido. Divida la información en varios libros`,
        );
      case 'memory':
        return refusedWorkbook(
          'LIBRO_DEMASIADO_GRANDE',
          `el libro es demasiado grande o complejo: leerlo necesitó más de ${this.maxMemoryMb} MB de memoria, el máximo permitido. Divida la información en varios libros`,
        );
      default:
        return refusedWorkbook(
          'LIBRO_ILEGIBLE',
          'no se pudo leer el libro: el archivo está dañado o no es un libro de cálculo. Guárdelo como libro de Excel (.xlsx) y envíelo de nuevo',
        );
    }
  }

  async errorsWorkbook(
    bytes: Uint8Array,
    issues: readonly Issue[],
    limits: Partial<ReadLimits> = {},
    totals: readonly IssueTotal[] = [],
  ): Promise<Buffer | undefined> {
    const outcome = await this.run({ id: this.nextId++, op: 'errors', bytes, issues, totals, limits });
    if (!('reply' in outcome) || !outcome.reply.ok || !outcome.reply.workbook) return undefined;
    const w = outcome.reply.workbook;
    return Buffer.from(w.buffer, w.byteOffset, w.byteLength);
  }

  /** Ends the thread (waits for the job in progress, if any). */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.discard();
  }

  /**
   * One job at a time per sandbox; the time limit starts when the job does. The time the main thread
   * spends on the parts of a `parts` job does not count (the thread waits for it).
   */
  private run(job: SandboxJob, onPart?: (part: ReporteChunk) => Promise<void>, move = false): Promise<Outcome> {
    const result = this.queue.then(() => this.exec(job, onPart, move));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async exec(job: SandboxJob, onPart?: (part: ReporteChunk) => Promise<void>, move = false): Promise<Outcome> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    let worker = await this.start();
    if (worker.threadId < 0) {
      this.discard(); // ended between jobs: start another
      worker = await this.start();
    }
    // Parts are handled one after the other; the reply is taken once every part before it was.
    let parts: Promise<void> = Promise.resolve();
    const started = performance.now();
    let mainMs = 0;
    const outcome = await new Promise<Outcome>((resolve) => {
      let done = false;
      let timer: NodeJS.Timeout;
      const arm = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ failure: 'timeout' }), Math.max(0, ms));
      };
      const finish = (o: Outcome) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(o);
      };
      const onMessage = (message: SandboxReply | SandboxPart) => {
        if (message.id !== job.id) return;
        if ('part' in message) {
          const { seq, part } = message;
          parts = parts.then(async () => {
            if (done || !onPart) return;
            clearTimeout(timer); // the thread waits for the main thread now and then; that time is not the file's
            const t = performance.now();
            await onPart(part);
            mainMs += performance.now() - t;
            if (done) return;
            arm(this.timeoutMs - (performance.now() - started - mainMs));
            const ack: SandboxAck = { op: 'ack', id: job.id, seq };
            worker.postMessage(ack);
          });
          return;
        }
        clearTimeout(timer); // the thread is done; the parts still to handle are the main thread's time
        void parts.then(() => finish({ reply: message }));
      };
      const onError = (err: Error & { code?: string }) => finish({ failure: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash' });
      const onExit = () => finish({ failure: 'crash' });
      arm(this.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      // The bytes are moved (not cloned) into the thread: the caller's own when it gave them up and
      // they are a whole buffer of their own (not a slice of Node's shared pool), else a private copy.
      const given = job.bytes;
      const own = move && given.buffer instanceof ArrayBuffer && given.byteOffset === 0 && given.byteLength === given.buffer.byteLength;
      const bytes = own ? (given as Uint8Array<ArrayBuffer>) : new Uint8Array(given);
      worker.postMessage({ ...job, bytes }, [bytes.buffer]);
    });
    await parts; // a part in progress ends before the caller goes on
    if ('failure' in outcome || !outcome.reply.ok) this.discard();
    else this.idleTimer = setTimeout(() => this.discard(), this.idleMs).unref();
    return outcome;
  }

  /** The running thread, or a new one once it has loaded its modules. */
  private start(): Promise<Worker> {
    if (this.thread) return this.thread;
    const { file, execArgv } = workerEntry();
    const thread = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(file, { execArgv, resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb } });
      worker.unref();
      const fail = (reason: string) => {
        clearTimeout(timer);
        void worker.terminate();
        reject(new Error(`The parsing thread could not start: ${reason}`));
      };
      const timer = setTimeout(() => fail('timeout'), STARTUP_TIMEOUT_MS);
      worker.on('error', (err) => fail(String(err)));
      worker.on('exit', (code) => fail(`exit ${code}`));
      worker.once('message', () => {
        clearTimeout(timer);
        worker.removeAllListeners('error').removeAllListeners('exit');
        // Later failures belong to the job in progress; between jobs they only retire the thread.
        worker.on('error', () => this.discard(thread)).on('exit', () => this.discard(thread));
        resolve(worker);
      });
    });
    this.thread = thread;
    thread.catch(() => {
      if (this.thread === thread) this.thread = null;
    });
    return thread;
  }

  /** Ends the current thread (or only `which`, when it is still the current one). */
  private discard(which?: Promise<Worker>): void {
    const thread = this.thread;
    if (!thread || (which && which !== thread)) return;
    this.thread = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    void thread.then((w) => w.terminate()).catch(() => undefined);
  }
}

let shared: ParseSandbox | null = null;

/** The process-wide sandbox with default limits (used when the pipeline is given no parser). */
export function defaultSandbox(): ParseSandbox {
  shared ??= new ParseSandbox();
  return shared;
}
