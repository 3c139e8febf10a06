/**
 * Entry of the parsing thread started by `parse.sandbox.ts`: reads and parses workbooks (and writes
 * the `Errores` workbook of a rejected one) under the thread's memory limit, far from the process
 * that holds the database connections and the HTTP server.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { parseWorkbookStreaming } from '../parsing/workbook.parser';
import { parseWorkbookInParts } from '../parsing/reporte-stream.parser';
import type { SandboxAck, SandboxJob, SandboxPart, SandboxReply } from './parse.sandbox';

if (!parentPort) throw new Error('parse.worker runs only as a worker thread (see parse.sandbox.ts)');

// The cells read are garbage once parsed; collecting it before the result is copied to the main
// thread keeps the two from adding up (the process's peak memory on large workbooks).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (() => void) | undefined;
const port = parentPort;

/** Parts the thread may read ahead of the ones the main thread handled (each about 5 000 rows). */
const PARTS_AHEAD = 2;

/** Acks of the `parts` job in progress (one job at a time): the reading waits when it is PARTS_AHEAD parts ahead. */
let acked = 0;
let waiting: { seq: number; resume: () => void } | null = null;

port.on('message', (message: SandboxJob | SandboxAck) => {
  if (message.op === 'ack') {
    acked = Math.max(acked, message.seq);
    if (waiting && acked >= waiting.seq) {
      const { resume } = waiting;
      waiting = null;
      resume();
    }
    return;
  }
  void handle(message);
});

async function handle(job: SandboxJob): Promise<void> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    if (job.op === 'parts') {
      acked = 0;
      let sent = 0;
      const { parsed, streamed } = await parseWorkbookInParts(bytes, { limits: job.limits }, (part) => {
        sent++;
        const message: SandboxPart = { id: job.id, seq: sent, part };
        port.postMessage(message);
        if (sent - acked <= PARTS_AHEAD) return;
        return new Promise<void>((resume) => {
          waiting = { seq: sent - PARTS_AHEAD, resume };
        });
      });
      if (job.bytes.byteLength > 1024 * 1024) collect?.();
      const reply: SandboxReply = { id: job.id, ok: true, parsed, streamed };
      port.postMessage(reply);
    } else if (job.op === 'parse') {
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
