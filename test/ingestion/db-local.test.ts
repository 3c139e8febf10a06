import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../ingestion/cli/rumbo.cli';
import { CliIo } from '../../ingestion/cli/cli.io';

const root = path.join(__dirname, '..', '..');
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** The project-local MariaDB: started when nothing answers, said where its data is, stopped on request. */
describe('rumbo db and the project-local MariaDB', () => {
  it('db status reads only: it names the server, says it answers, and starts nothing', async () => {
    const out: string[] = [];
    const io: CliIo = { out: (s) => out.push(s), err: (s) => out.push(s), progress: () => undefined };
    expect(await run(['db', 'status'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^Servidor: mysql:\/\/.* — responde/m);
    expect(out.join('\n')).toMatch(/MariaDB local del proyecto: /);
  });

  it('starts a local MariaDB in its own folder when the default server does not answer, reports it, and stops it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-localdb-'));
    const env = {
      ...process.env,
      RUMBO_LOCAL_DB_DIR: dir,
      RUMBO_LOCAL_DB_PORT: String(await freePort()),
      RUMBO_DEFAULT_DATABASE_URL: `mysql://root@127.0.0.1:${await freePort()}/rumbo`,
      DATABASE_URL: '',
      RUMBO_LANG: '',
    };
    const script = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'scripts', 'db-bootstrap.js'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
    try {
      const started = script();
      expect(started.stderr).toMatch(/Iniciando una MariaDB local del proyecto en 127\.0\.0\.1:\d+ \(datos en .*mariadb\)/);
      expect(started.status).toBe(0);
      expect(started.stdout.trim()).toBe(`mysql://root@127.0.0.1:${env.RUMBO_LOCAL_DB_PORT}/rumbo`);

      const status = JSON.parse(script('status').stdout);
      expect(status).toMatchObject({ explicit: false, reachable: true, local: { dataDir: path.join(dir, 'mariadb'), initialised: true } });
      expect(status.local.pid).toBeGreaterThan(0);
      expect(status.local.sizeBytes).toBeGreaterThan(1_000_000);

      const again = script();
      expect(again.stderr).toMatch(/Se reutiliza la MariaDB local del proyecto \(pid \d+\)/);

      const stopped = script('stop');
      expect(stopped.status).toBe(0);
      expect(stopped.stderr).toMatch(/MariaDB local del proyecto detenida/);
      // Gone, or a zombie waiting for an init that does not reap (containers): either way it no longer runs.
      const state = existsSync(`/proc/${status.local.pid}/stat`)
        ? readFileSync(`/proc/${status.local.pid}/stat`, 'utf8').split(') ')[1]![0]
        : 'gone';
      expect(['gone', 'Z', 'X']).toContain(state);
      expect(JSON.parse(script('status').stdout)).toMatchObject({ reachable: false, local: { pid: null, initialised: true } });
      expect(script('stop').stderr).toMatch(/no está corriendo/);
    } finally {
      script('stop');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
