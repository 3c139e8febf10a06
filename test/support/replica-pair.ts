/**
 * A MariaDB primary and a replica following it, on loopback, for the read-replica tests
 * (docs/scaling.md#réplicas-de-lectura). Like scripts/db-bootstrap.js it runs the system's `mariadbd`
 * (`--no-defaults`, its own data dir, 127.0.0.1 only), here twice under one temp dir, on free ports:
 * the primary with a binary log, the replica with `CHANGE MASTER TO … ; START SLAVE` (GTID from the start,
 * so it replays everything the primary ever wrote). `stop()` kills both and removes the temp dir.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection, Connection } from 'mysql2/promise';

export interface ServerHandle {
  readonly port: number;
  readonly serverId: number;
  /** mysql://root@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** One short root connection (no database). */
  connect(): Promise<Connection>;
  /** Runs statements on a short connection. */
  exec(...sql: string[]): Promise<unknown[]>;
  kill(): Promise<void>;
  readonly alive: boolean;
}

export interface ReplicaPair {
  readonly primary: ServerHandle;
  readonly replica: ServerHandle;
  /** Waits until the replica has applied everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function which(...names: string[]): string | null {
  for (const name of names) {
    for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':')]) {
      const p = path.join(dir, name);
      if (dir && fs.existsSync(p)) return p;
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilReady(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`mariadbd on port ${port} exited: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : ''}`);
    }
    const conn = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 }).catch(() => null);
    if (conn) {
      await conn.end();
      return;
    }
    if (Date.now() > deadline) throw new Error(`mariadbd on port ${port} did not answer within 30 s`);
    await sleep(100);
  }
}

async function startServer(root: string, name: string, datadir: string, serverId: number, extra: string[]): Promise<ServerHandle> {
  const port = await freePort();
  const log = path.join(root, `${name}.err`);
  const args = ['--no-defaults', `--datadir=${datadir}`, `--port=${port}`, '--bind-address=127.0.0.1'];
  args.push(`--socket=${path.join(root, `${name}.sock`)}`, `--pid-file=${path.join(root, `${name}.pid`)}`, `--log-error=${log}`);
  args.push('--skip-name-resolve', '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci');
  args.push(`--server-id=${serverId}`, '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=16M');
  args.push(...extra);
  if (process.getuid?.() === 0) args.push('--user=root');
  const child = spawn(which('mariadbd', 'mysqld')!, args, { stdio: 'ignore' });
  child.on('error', () => undefined);
  await waitUntilReady(port, child, log);
  const url = (database = '') => `mysql://root@127.0.0.1:${port}/${database}`;
  const connect = () => createConnection({ host: '127.0.0.1', port, user: 'root', multipleStatements: false });
  return {
    port,
    serverId,
    url,
    connect,
    async exec(...sql: string[]) {
      const conn = await connect();
      try {
        const out: unknown[] = [];
        for (const s of sql) out.push((await conn.query(s))[0]);
        return out;
      } finally {
        await conn.end();
      }
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
  };
}

/** Starts a primary (binary log, server_id 1) and a replica of it (server_id 2). */
export async function startReplicaPair(label: string): Promise<ReplicaPair> {
  const installDb = which('mariadb-install-db', 'mysql_install_db');
  if (!installDb || !which('mariadbd', 'mysqld')) {
    throw new Error('The read-replica tests need mariadbd and mariadb-install-db (Debian package mariadb-server).');
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `rumbo-${label.replace(/[^a-z0-9]/gi, '-')}-`));
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  const args = ['--no-defaults', '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve'];
  const res = spawnSync(installDb, [...args, `--datadir=${primaryDir}`, `--user=${os.userInfo().username}`], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`mariadb-install-db failed: ${res.stderr || res.stdout}`);
  // The same initial data dir twice: both start identical, the binary log carries everything after.
  fs.cpSync(primaryDir, replicaDir, { recursive: true });

  const servers: ServerHandle[] = [];
  try {
    const primary = await startServer(root, 'primary', primaryDir, 1, ['--log-bin=primary-bin', '--binlog-format=ROW']);
    servers.push(primary);
    const replica = await startServer(root, 'replica', replicaDir, 2, ['--relay-log=replica-relay', '--read-only=OFF']);
    servers.push(replica);
    await replica.exec(
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='root', MASTER_PASSWORD='', ` +
        `MASTER_CONNECT_RETRY=1, MASTER_USE_GTID=slave_pos`,
      'START SLAVE',
    );
    const pair: ReplicaPair = {
      primary,
      replica,
      async caughtUp(timeoutMs = 15_000) {
        const [rows] = (await primary.exec('SELECT @@gtid_binlog_pos AS pos')) as { pos: string }[][];
        const pos = rows![0]!.pos;
        if (!pos) return;
        const [waited] = (await replica.exec(`SELECT MASTER_GTID_WAIT('${pos}', ${timeoutMs / 1000}) AS r`)) as { r: number }[][];
        if (Number(waited![0]!.r) !== 0) throw new Error(`the replica did not reach ${pos} within ${timeoutMs} ms`);
      },
      async stop() {
        await Promise.all(servers.map((s) => s.kill()));
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
    await pair.caughtUp();
    return pair;
  } catch (err) {
    await Promise.all(servers.map((s) => s.kill()));
    fs.rmSync(root, { recursive: true, force: true });
    throw err;
  }
}
