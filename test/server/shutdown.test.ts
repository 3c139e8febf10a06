import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const ROOT = path.join(__dirname, '..', '..');

/** The real API process (src/main.ts, what `rumbo serve` runs), on a port chosen by the OS. */
function spawnServer(
  databaseUrl: string,
): Promise<{ child: ChildProcess; port: number; exit: Promise<{ code: number | null; signal: string | null }> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on http:\/\/localhost:(\d+)\/graphql/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), exit });
      }
    });
    void exit.then(() => reject(new Error(`the server exited before listening:\n${out}`)));
  });
}

describe('SIGTERM', () => {
  let db: TestDatabase;
  let token: string;
  beforeAll(async () => {
    db = await createTestDatabase('shutdown');
    token = (await createSecurityServices(db.ds).tokens.create({ role: Role.VIEWER, createdBy: 'test' })).secret;
  });
  afterAll(() => db.drop());

  it('lets the in-flight request finish, then exits with code 0 (one owner of shutdown)', async () => {
    const { child, port, exit } = await spawnServer(db.url);
    try {
      const body = JSON.stringify({ query: '{ policies { totalCount } }' });
      // A request whose body is still arriving when the signal comes: it is in flight.
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/graphql',
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
          },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(10)), 700);
        }, 300);
      });
      const res = await response;
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ data: { policies: { totalCount: 0 } } });
      expect(await exit).toEqual({ code: 0, signal: null });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
