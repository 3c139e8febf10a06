/**
 * Entry of the parsing thread started by `parse.sandbox.ts`: reads and parses workbooks (and writes
 * the `Errores` workbook of a rejected one) under the thread's memory limit, far from the process
 * that holds the database connections and the HTTP server.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { parseWorkbookStreaming } from '../parsing/workbook.parser';
import type { SandboxJob, SandboxReply } from './parse.sandbox';

if (!parentPort) throw new Error('parse.worker runs only as a worker thread (see parse.sandbox.ts)');

// The cells read are garbage once parsed; collecting it before the result is copied to the main
// thread keeps the two from adding up (the process's peak memory on large workbooks).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (() => void) | undefined;
const port = parentPort;

port.on('message', (job: SandboxJob) => void handle(job));

async function handle(job: SandboxJob): Promise<void> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    if (job.op === 'parse') {
      // An .xlsx is read by the streaming reader, which checks the zip as it inflates (a refused file,
      // a million rows or a bomb, costs little memory); other zips are verified with a streaming
      // inflate before the spreadsheet library reads them.
      const parsed = await parseWorkbookStreaming(bytes, { limits: job.limits });
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
