import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(__dirname, '..', '..', '..');

/** Starts test/e2e/support/e2e-server.ts and hands its ports and tokens to the tests through E2E_SERVER. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(path.join(root, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build` (or `npm run web:build`) before the browser tests.');
  }
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'e2e-server.ts')], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the e2e server did not start within 120 s')), 120_000);
    child.once('exit', (code) => reject(new Error(`the e2e server exited with code ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
  });
  process.env.E2E_SERVER = line;
  return async () => {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(resolve, 10_000).unref();
    });
  };
}
