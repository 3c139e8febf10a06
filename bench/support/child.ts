/**
 * Runs a TypeScript module of bench/ in a fresh Node process (same register hook as `npm run bench`)
 * and returns the one JSON object it prints last on stdout. A fresh process per measurement gives
 * the import its own peak RSS and keeps one run's heap from inflating the next.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export async function runChild<T>(script: string, args: unknown, timeoutMs = 15 * 60_000): Promise<T> {
  const file = path.resolve(__dirname, '..', script);
  return new Promise<T>((resolve, reject) => {
    // BENCH_CHILD_NODE_ARGS adds Node flags to every child, e.g. "--cpu-prof --cpu-prof-dir=bench/out/prof".
    const extra = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...extra, '-r', '@swc-node/register', file, JSON.stringify(args)], {
      cwd: path.resolve(__dirname, '..', '..'),
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${script} exited with ${code}:\n${err || out}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result:\n${out}\n${err}`));
      }
    });
  });
}

/** In a child: prints the result as the last line of stdout. */
export function reply(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** In a child: the JSON argument given by runChild. */
export function childArgs<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('missing JSON argument');
  return JSON.parse(raw) as T;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
