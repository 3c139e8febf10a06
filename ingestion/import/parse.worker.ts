/**
 * Entry of the parsing thread started by `parse.sandbox.ts`: reads and parses workbooks (and writes
 * the `Errores` workbook of a rejected one) under the thread's memory limit, far from the process
 * that holds the database connections and the HTTP server.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { parseWorkbook, readFailure } from '../parsing/workbook.parser';
import { DEFAULT_READ_LIMITS } from '../xlsx/workbook.types';
import { refuseZipEarly } from '../xlsx/xlsx.adapter';
import type { SandboxJob, SandboxReply } from './parse.sandbox';

if (!parentPort) throw new Error('parse.worker runs only as a worker thread (see parse.sandbox.ts)');

// The spreadsheet model is garbage once parsed; collecting it before the result is copied to the main
// thread keeps the two from adding up (the process's peak memory on large workbooks).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (() => void) | undefined;
const port = parentPort;

port.on('message', (job: SandboxJob) => void handle(job));

async function handle(job: SandboxJob): Promise<void> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    if (job.op === 'parse') {
      // The zip is verified with a streaming inflate first, so a refused file (a million rows, a
      // bomb) costs little memory; only a file that passes is read by the spreadsheet library.
      const refused = await refuseZipEarly(bytes, { ...DEFAULT_READ_LIMITS, ...job.limits });
      const parsed = refused ? readFailure(refused, false) : parseWorkbook(bytes, { limits: job.limits });
      const reply: SandboxReply = { id: job.id, ok: true, parsed };
      if (job.bytes.byteLength > 1024 * 1024) collect?.();
      port.postMessage(reply);
    } else {
      // ExcelJS is loaded only by a thread that writes an Errores workbook: parsing threads stay small.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { errorsSheet } = require('../output/errors-sheet.writer') as typeof import('../output/errors-sheet.writer');
      const workbook = new Uint8Array(await errorsSheet(bytes, job.issues, job.limits, job.totals)); // own buffer: transferable
      const reply: SandboxReply = { id: job.id, ok: true, workbook };
      port.postMessage(reply, [workbook.buffer]);
    }
  } catch (err) {
    const reply: SandboxReply = { id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    port.postMessage(reply);
  }
}

port.postMessage({ ready: true });
