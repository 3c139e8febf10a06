#!/usr/bin/env node
'use strict';
/**
 * Database bootstrap shared by `npm start` and `npm test`: finds a usable MySQL/MariaDB server and makes
 * sure the app's database exists. CLI: `node scripts/db-bootstrap.js [--quiet]` prints the URL on stdout
 * (--quiet: nothing but errors); exit code 1 on failure.
 *
 *   DATABASE_URL                mysql://user:pass@host:port/db. If set it is used as is: when it does not
 *                               answer we fail with a clear message and start nothing.
 *   RUMBO_LOCAL_DB_PORT         port of the project-local MariaDB (default 3307).
 *   RUMBO_DEFAULT_DATABASE_URL  FOR TESTS: replaces the built-in default mysql://root@127.0.0.1:3306/rumbo
 *                               (point it at a dead port to exercise the project-local fallback).
 *
 * Without DATABASE_URL the default is used if it accepts root without password; otherwise a project-local
 * MariaDB runs from the system `mariadbd` (data, socket, pid file and log under <project>/.data/, 127.0.0.1
 * only, root without password), initialised the first time and reused afterwards; a missing `mariadbd` is
 * installed with apt-get when running as root. The URL also goes to process.env.DATABASE_URL and to
 * <project>/.data/database-url.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const mysql = require('mysql2/promise');

const DATA_ROOT = path.join(path.resolve(__dirname, '..'), '.data');
const DATADIR = path.join(DATA_ROOT, 'mariadb');
const SOCKET = path.join(DATA_ROOT, 'mariadb.sock');
const PID_FILE = path.join(DATA_ROOT, 'mariadb.pid');
const LOCK_FILE = path.join(DATA_ROOT, 'mariadb.lock');
const ERROR_LOG = path.join(DATA_ROOT, 'mariadb.err');
const URL_FILE = path.join(DATA_ROOT, 'database-url');
const BUILTIN_DEFAULT_URL = 'mysql://root@127.0.0.1:3306/rumbo';
const PROBE_TIMEOUT_MS = 1500;
const START_TIMEOUT_MS = 60_000;
const IS_ROOT = process.getuid?.() === 0;
// Connection-level failures: nothing listens there (as opposed to e.g. "access denied").
const UNREACHABLE = ['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'EAI_AGAIN'];

/** Expected failures: the CLI prints just their message. */
class BootstrapError extends Error {}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** fn(), or `fallback` if it throws. */
function attempt(fn, fallback) {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
const readText = (file) => attempt(() => fs.readFileSync(file, 'utf8'), '');
const isExecutable = (file) => attempt(() => fs.accessSync(file, fs.constants.X_OK) ?? true, false);

function editUrl(url, edit) {
  const u = new URL(url);
  edit(u);
  return u.toString();
}
const databaseName = (url) => decodeURIComponent(new URL(url).pathname.replace(/^\/+/, ''));
/** The same URL without the database (server level). */
const serverUrl = (url) => editUrl(url, (u) => (u.pathname = '/'));
/** Adds the database name `rumbo` when the URL names none. */
const withDatabase = (url) => editUrl(url, (u) => (u.pathname = `/${databaseName(url) || 'rumbo'}`));
/** Password masked, for messages. */
const redact = (url) => editUrl(url, (u) => u.password && (u.password = '***'));

const connect = (url, connectTimeout = PROBE_TIMEOUT_MS) => mysql.createConnection({ uri: serverUrl(url), connectTimeout });
const close = (conn) => conn.end().catch(() => conn.destroy());

/** Can we log in to the server of `url`? → { ok, reachable, message } */
async function probe(url) {
  try {
    await close(await connect(url));
    return { ok: true, reachable: true };
  } catch (err) {
    const message = `${err.code || 'error'}: ${err.message}`;
    return { ok: false, reachable: !UNREACHABLE.includes(err.code), message };
  }
}

async function onServer(url, sql) {
  const name = databaseName(url);
  if (!name) throw new BootstrapError(`No database name in ${redact(url)}`);
  const conn = await connect(url, 5000);
  try {
    await conn.query(sql('`' + name.replace(/`/g, '``') + '`'));
  } finally {
    await close(conn);
  }
}
const UTF8 = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci';
const createDatabase = (url) => onServer(url, (db) => `CREATE DATABASE IF NOT EXISTS ${db} ${UTF8}`);
const dropDatabase = (url) => onServer(url, (db) => `DROP DATABASE IF EXISTS ${db}`);

function localPort() {
  const port = Number(process.env.RUMBO_LOCAL_DB_PORT || 3307);
  if (Number.isInteger(port) && port > 0 && port < 65536) return port;
  throw new BootstrapError(`RUMBO_LOCAL_DB_PORT is not a port number: ${process.env.RUMBO_LOCAL_DB_PORT}`);
}

/** First of `names` found in PATH or the sbin dirs (which non-root PATHs often lack); null if none. */
function which(...names) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  const files = names.flatMap((name) => dirs.filter(Boolean).map((dir) => path.join(dir, name)));
  return files.find(isExecutable) ?? null;
}
const findMariadbd = () => which('mariadbd', 'mysqld');

const tail = (text) => text.trimEnd().split('\n').slice(-25).join('\n');

/** Runs a command; its output goes to stderr, or when quiet is only shown on failure. */
function run(cmd, args, { quiet, env } = {}) {
  const res = spawnSync(cmd, args, {
    env: { ...process.env, ...env },
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', process.stderr, process.stderr],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!res.error && res.status === 0) return;
  const why = res.error?.message || `exit code ${res.status}`;
  const output = quiet ? `\n${tail(`${res.stdout}\n${res.stderr}`)}` : '';
  throw new BootstrapError(`\`${cmd} ${args.join(' ')}\` failed (${why})${output}`);
}

/** The project-local server of the pid file if it still runs: { pid, cmdline }, else null. */
function recordedServer() {
  const pid = Number(readText(PID_FILE)) || 0;
  const cmdline = `${readText(`/proc/${pid}/cmdline`).replace(/\0/g, ' ')} `;
  return pid && /mariadbd|mysqld/.test(cmdline) ? { pid, cmdline } : null; // dead, or pid recycled
}

/** Polls (bounded) until the server accepts connections; gives up early once it died. */
async function waitUntilReady(url, isAlive) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last;
  do {
    last = await probe(url);
    if (last.ok) return;
    await sleep(300);
  } while (Date.now() < deadline && isAlive());
  const log = tail(readText(ERROR_LOG)) || '(empty)';
  throw new BootstrapError(
    `Project-local MariaDB at ${url} did not accept connections ` +
      `(${isAlive() ? 'timed out' : 'mariadbd exited'}; last error ${last.message}).\n` +
      `Tail of ${ERROR_LOG}:\n${log}`,
  );
}

/** Installs mariadb-server with apt-get when root; otherwise says what to do. */
function installMariadb(log, quiet) {
  if (!IS_ROOT) {
    throw new BootstrapError(
      'No usable database server at the default address, and MariaDB is not installed, so no\n' +
        'project-local server can be started. Either install it:  sudo apt-get install -y mariadb-server\n' +
        'or use an existing server:  export DATABASE_URL=mysql://user:password@host:3306/rumbo',
    );
  }
  log('mariadbd not found: installing the Debian package mariadb-server with apt-get…');
  run('apt-get', ['update'], { quiet });
  run('apt-get', ['install', '-y', 'mariadb-server'], { quiet, env: { DEBIAN_FRONTEND: 'noninteractive' } });
  if (!findMariadbd()) throw new BootstrapError('mariadb-server is installed, but no mariadbd was found');
}

/** Creates the data dir the first time, in a temp dir renamed into place so it is never half done. */
function initDataDir(log) {
  if (fs.existsSync(path.join(DATADIR, 'mysql'))) return;
  const installDb = which('mariadb-install-db', 'mysql_install_db');
  if (!installDb) throw new BootstrapError('mariadb-install-db not found (mariadb-server half installed?)');
  const tmp = `${DATADIR}.init-${process.pid}`;
  log(`Initialising the project-local MariaDB data directory ${DATADIR}…`);
  try {
    const args = ['--no-defaults', '--auth-root-authentication-method=normal', '--skip-test-db'];
    args.push('--skip-name-resolve', `--datadir=${tmp}`, `--user=${os.userInfo().username}`);
    run(installDb, args, { quiet: true });
    fs.rmSync(DATADIR, { recursive: true, force: true }); // a leftover without mysql/ is unusable
    fs.renameSync(tmp, DATADIR);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs fn holding .data/mariadb.lock, so concurrent bootstraps do not start two servers. */
async function withLock(fn) {
  const deadline = Date.now() + 2 * START_TIMEOUT_MS;
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, `${process.pid}`, { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const holder = Number(readText(LOCK_FILE)) || 0; // 0: just released, or being written
    if (holder > 0 && !fs.existsSync(`/proc/${holder}`))
      fs.rmSync(LOCK_FILE, { force: true }); // stale
    else if (Date.now() > deadline) throw new BootstrapError(`Timed out waiting for ${LOCK_FILE} (pid ${holder})`);
    else await sleep(200);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK_FILE, { force: true });
  }
}

async function ensureLocalServer(dbName, log) {
  const port = localPort();
  const url = `mysql://root@127.0.0.1:${port}/${encodeURIComponent(dbName)}`;
  return withLock(async () => {
    // Reuse a server started earlier: pid file alive, or the port already answers.
    const running = recordedServer();
    if (running) {
      const { pid, cmdline } = running;
      if (!cmdline.includes(` --port=${port} `)) {
        throw new BootstrapError(
          `The project-local MariaDB (pid ${pid}) listens on another port than ${port} ` +
            `(${cmdline.match(/--port=\d+/)}): stop it (kill ${pid}) or set RUMBO_LOCAL_DB_PORT accordingly.`,
        );
      }
      log(`Reusing the project-local MariaDB (pid ${pid}) on 127.0.0.1:${port}`);
      await waitUntilReady(url, () => recordedServer()?.pid === pid);
      return { url, started: false };
    }
    if ((await probe(url)).ok) {
      log(`Reusing the MariaDB that answers on 127.0.0.1:${port}`);
      return { url, started: false };
    }
    initDataDir(log);
    log(`Starting a project-local MariaDB on 127.0.0.1:${port} (data in ${DATADIR})…`);
    const args = ['--no-defaults', `--datadir=${DATADIR}`, `--port=${port}`, '--bind-address=127.0.0.1'];
    args.push(`--socket=${SOCKET}`, `--pid-file=${PID_FILE}`, `--log-error=${ERROR_LOG}`);
    args.push('--skip-name-resolve', '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci');
    if (IS_ROOT) args.push('--user=root');
    const out = fs.openSync(ERROR_LOG, 'a'); // catches what mariadbd prints before opening its log
    const child = spawn(findMariadbd(), args, { detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.on('error', () => {}).unref(); // a spawn error shows up as exitCode / failed probes
    await waitUntilReady(url, () => child.exitCode === null && child.signalCode === null);
    return { url, started: true };
  });
}

async function resolveServer(log, quiet) {
  const explicit = process.env.DATABASE_URL && withDatabase(process.env.DATABASE_URL);
  if (explicit) {
    const check = await probe(explicit);
    if (check.ok) return { url: explicit, started: false, local: false };
    throw new BootstrapError(
      `Cannot connect to the database server of DATABASE_URL=${redact(explicit)} (${check.message}).\n` +
        'Start that server or fix DATABASE_URL (host, port, credentials), or unset it to use the default.',
    );
  }
  const defaultUrl = withDatabase(process.env.RUMBO_DEFAULT_DATABASE_URL || BUILTIN_DEFAULT_URL);
  let check = await probe(defaultUrl);
  if (!check.ok && !findMariadbd()) {
    installMariadb(log, quiet);
    check = await probe(defaultUrl); // installing may have started the system service
  }
  if (check.ok) return { url: defaultUrl, started: false, local: false };
  const why = check.reachable ? 'refuses root without password' : 'does not answer';
  log(`The default server ${redact(defaultUrl)} ${why} (${check.message}); using a project-local MariaDB.`);
  return { ...(await ensureLocalServer(databaseName(defaultUrl), log)), local: true };
}

/** → { url, started, local }; also sets process.env.DATABASE_URL and writes .data/database-url. */
async function ensureDatabaseServer({ log = () => {}, quiet = false } = {}) {
  const result = await resolveServer(log, quiet);
  process.env.DATABASE_URL = result.url;
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  fs.writeFileSync(URL_FILE, `${result.url}\n`);
  return result;
}

async function main() {
  const quiet = process.argv.includes('--quiet');
  const log = quiet ? () => {} : (msg) => process.stderr.write(`[db-bootstrap] ${msg}\n`);
  try {
    const { url } = await ensureDatabaseServer({ log, quiet });
    await createDatabase(url);
    log(`Database "${databaseName(url)}" is ready.`);
    if (!quiet) process.stdout.write(`${url}\n`);
  } catch (err) {
    console.error(`[db-bootstrap] ${err instanceof BootstrapError ? err.message : err.stack || err}`);
    process.exitCode = 1;
  }
}

module.exports = { ensureDatabaseServer, createDatabase, dropDatabase, serverUrl };

if (require.main === module) main();
