#!/usr/bin/env node
'use strict';
/**
 * Database bootstrap shared by `npm start` and `npm test`: finds a usable MySQL/MariaDB server and makes
 * sure the app's database exists. CLI: `node scripts/db-bootstrap.js [--quiet]` prints the URL on stdout
 * (--quiet: nothing but errors); `… status` says which server is used and where its data is (starts
 * nothing); `… stop` stops the project-local MariaDB. Exit code 1 on failure. `rumbo db status|start|stop`
 * is the same. Messages in Spanish; English with RUMBO_LANG=en.
 *
 *   DATABASE_URL                mysql://user:pass@host:port/db. If set it is used as is: when it does not
 *                               answer we fail with a clear message and start nothing.
 *   RUMBO_LOCAL_DB_PORT         port of the project-local MariaDB (default 3307).
 *   RUMBO_LOCAL_DB_DIR          folder of the project-local MariaDB's files (default <project>/.data).
 *   RUMBO_DEFAULT_DATABASE_URL  FOR TESTS: replaces the built-in default mysql://root@127.0.0.1:3306/rumbo
 *                               (point it at a dead port to exercise the project-local fallback).
 *
 * Without DATABASE_URL the default is used if it accepts root without password; otherwise a project-local
 * MariaDB runs from the system `mariadbd` (data, socket, pid file and log under <project>/.data/, 127.0.0.1
 * only, root without password), initialised the first time and reused afterwards; a missing `mariadbd` is
 * installed with apt-get when running as root. The URL also goes to process.env.DATABASE_URL and, when
 * DATABASE_URL was not given, to <project>/.data/database-url.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const mysql = require('mysql2/promise');

const DATA_ROOT = path.resolve(process.env.RUMBO_LOCAL_DB_DIR || path.join(path.resolve(__dirname, '..'), '.data'));
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
class BootstrapError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BootstrapError';
  }
}

const LANG = /^en\b|^en[_-]/i.test((process.env.RUMBO_LANG || '').trim()) ? 'en' : 'es';
/** Operator-facing messages, Spanish and English (RUMBO_LANG=en). */
const MESSAGES = {
  es: {
    noDatabaseName: (url) => `La URL no nombra una base de datos: ${url}`,
    badLocalPort: (v) => `RUMBO_LOCAL_DB_PORT no es un número de puerto: ${v}`,
    commandFailed: (cmd, why) => `\`${cmd}\` falló (${why})`,
    notReady: (url, why, last, log, tail) =>
      `La MariaDB local del proyecto en ${url} no aceptó conexiones (${why}; último error ${last}).\nFinal de ${log}:\n${tail}`,
    timedOut: 'se agotó el tiempo',
    exited: 'mariadbd terminó',
    notInstalled:
      'No hay un servidor de base de datos utilizable en la dirección por omisión y MariaDB no está instalado, así que no\n' +
      'se puede iniciar uno local del proyecto. Instálelo:  sudo apt-get install -y mariadb-server\n' +
      'o use un servidor existente:  export DATABASE_URL=mysql://usuario:clave@servidor:3306/rumbo',
    installing: 'mariadbd no está: instalando el paquete Debian mariadb-server con apt-get…',
    installedButMissing: 'mariadb-server quedó instalado, pero no se encontró mariadbd',
    installDbMissing: 'no se encontró mariadb-install-db (¿mariadb-server instalado a medias?)',
    initialising: (dir) => `Preparando la carpeta de datos de la MariaDB local del proyecto ${dir}…`,
    lockTimeout: (file, pid) => `Se agotó la espera de ${file} (pid ${pid})`,
    otherPort: (pid, port, actual) =>
      `La MariaDB local del proyecto (pid ${pid}) escucha en otro puerto que ${port} (${actual}): ` +
      `deténgala («rumbo db stop») o ajuste RUMBO_LOCAL_DB_PORT.`,
    reusingPid: (pid, port) => `Se reutiliza la MariaDB local del proyecto (pid ${pid}) en 127.0.0.1:${port}`,
    reusingPort: (port) => `Se reutiliza la MariaDB que responde en 127.0.0.1:${port}`,
    starting: (port, dir) => `Iniciando una MariaDB local del proyecto en 127.0.0.1:${port} (datos en ${dir})…`,
    explicitDown: (url, why) =>
      `No se puede conectar al servidor de DATABASE_URL=${url} (${why}).\n` +
      'Inicie ese servidor o corrija DATABASE_URL (servidor, puerto, credenciales), o quítela para usar el valor por omisión.',
    refuses: 'no acepta root sin contraseña',
    silent: 'no responde',
    fallback: (url, why, msg) => `El servidor por omisión ${url} ${why} (${msg}); se usa una MariaDB local del proyecto.`,
    ready: (db) => `La base de datos «${db}» está lista.`,
    stopping: (pid) => `Deteniendo la MariaDB local del proyecto (pid ${pid})…`,
    stopped: 'MariaDB local del proyecto detenida.',
    notRunning: 'La MariaDB local del proyecto no está corriendo.',
    stopTimeout: (pid) => `La MariaDB local (pid ${pid}) no se detuvo en 60 s; revise el registro o deténgala con kill ${pid}.`,
  },
  en: {
    noDatabaseName: (url) => `No database name in ${url}`,
    badLocalPort: (v) => `RUMBO_LOCAL_DB_PORT is not a port number: ${v}`,
    commandFailed: (cmd, why) => `\`${cmd}\` failed (${why})`,
    notReady: (url, why, last, log, tail) =>
      `Project-local MariaDB at ${url} did not accept connections (${why}; last error ${last}).\nTail of ${log}:\n${tail}`,
    timedOut: 'timed out',
    exited: 'mariadbd exited',
    notInstalled:
      'No usable database server at the default address, and MariaDB is not installed, so no\n' +
      'project-local server can be started. Either install it:  sudo apt-get install -y mariadb-server\n' +
      'or use an existing server:  export DATABASE_URL=mysql://user:password@host:3306/rumbo',
    installing: 'mariadbd not found: installing the Debian package mariadb-server with apt-get…',
    installedButMissing: 'mariadb-server is installed, but no mariadbd was found',
    installDbMissing: 'mariadb-install-db not found (mariadb-server half installed?)',
    initialising: (dir) => `Initialising the project-local MariaDB data directory ${dir}…`,
    lockTimeout: (file, pid) => `Timed out waiting for ${file} (pid ${pid})`,
    otherPort: (pid, port, actual) =>
      `The project-local MariaDB (pid ${pid}) listens on another port than ${port} (${actual}): ` +
      `stop it ("rumbo db stop") or set RUMBO_LOCAL_DB_PORT accordingly.`,
    reusingPid: (pid, port) => `Reusing the project-local MariaDB (pid ${pid}) on 127.0.0.1:${port}`,
    reusingPort: (port) => `Reusing the MariaDB that answers on 127.0.0.1:${port}`,
    starting: (port, dir) => `Starting a project-local MariaDB on 127.0.0.1:${port} (data in ${dir})…`,
    explicitDown: (url, why) =>
      `Cannot connect to the database server of DATABASE_URL=${url} (${why}).\n` +
      'Start that server or fix DATABASE_URL (host, port, credentials), or unset it to use the default.',
    refuses: 'refuses root without password',
    silent: 'does not answer',
    fallback: (url, why, msg) => `The default server ${url} ${why} (${msg}); using a project-local MariaDB.`,
    ready: (db) => `Database "${db}" is ready.`,
    stopping: (pid) => `Stopping the project-local MariaDB (pid ${pid})…`,
    stopped: 'Project-local MariaDB stopped.',
    notRunning: 'The project-local MariaDB is not running.',
    stopTimeout: (pid) => `The project-local MariaDB (pid ${pid}) did not stop within 60 s; check its log or kill ${pid}.`,
  },
};
const M = MESSAGES[LANG];

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
  if (!name) throw new BootstrapError(M.noDatabaseName(redact(url)));
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
  throw new BootstrapError(M.badLocalPort(process.env.RUMBO_LOCAL_DB_PORT));
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
  throw new BootstrapError(`${M.commandFailed(`${cmd} ${args.join(' ')}`, why)}${output}`);
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
  throw new BootstrapError(M.notReady(url, isAlive() ? M.timedOut : M.exited, last.message, ERROR_LOG, log));
}

/** Installs mariadb-server with apt-get when root; otherwise says what to do. */
function installMariadb(log, quiet) {
  if (!IS_ROOT) {
    throw new BootstrapError(M.notInstalled);
  }
  log(M.installing);
  run('apt-get', ['update'], { quiet });
  run('apt-get', ['install', '-y', 'mariadb-server'], { quiet, env: { DEBIAN_FRONTEND: 'noninteractive' } });
  if (!findMariadbd()) throw new BootstrapError(M.installedButMissing);
}

/** Creates the data dir the first time, in a temp dir renamed into place so it is never half done. */
function initDataDir(log) {
  if (fs.existsSync(path.join(DATADIR, 'mysql'))) return;
  const installDb = which('mariadb-install-db', 'mysql_install_db');
  if (!installDb) throw new BootstrapError(M.installDbMissing);
  const tmp = `${DATADIR}.init-${process.pid}`;
  log(M.initialising(DATADIR));
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
    else if (Date.now() > deadline) throw new BootstrapError(M.lockTimeout(LOCK_FILE, holder));
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
        throw new BootstrapError(M.otherPort(pid, port, cmdline.match(/--port=\d+/)));
      }
      log(M.reusingPid(pid, port));
      await waitUntilReady(url, () => recordedServer()?.pid === pid);
      return { url, started: false };
    }
    if ((await probe(url)).ok) {
      log(M.reusingPort(port));
      return { url, started: false };
    }
    initDataDir(log);
    log(M.starting(port, DATADIR));
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
    throw new BootstrapError(M.explicitDown(redact(explicit), check.message));
  }
  const defaultUrl = withDatabase(process.env.RUMBO_DEFAULT_DATABASE_URL || BUILTIN_DEFAULT_URL);
  let check = await probe(defaultUrl);
  if (!check.ok && !findMariadbd()) {
    installMariadb(log, quiet);
    check = await probe(defaultUrl); // installing may have started the system service
  }
  if (check.ok) return { url: defaultUrl, started: false, local: false };
  const why = check.reachable ? M.refuses : M.silent;
  log(M.fallback(redact(defaultUrl), why, check.message));
  return { ...(await ensureLocalServer(databaseName(defaultUrl), log)), local: true };
}

/**
 * → { url, started, local }; also sets process.env.DATABASE_URL and, when the server was found rather
 * than given (no DATABASE_URL), records its URL in .data/database-url.
 */
async function ensureDatabaseServer({ log = () => {}, quiet = false } = {}) {
  const explicit = Boolean(process.env.DATABASE_URL);
  const result = await resolveServer(log, quiet);
  process.env.DATABASE_URL = result.url;
  if (!explicit) {
    fs.mkdirSync(DATA_ROOT, { recursive: true });
    fs.writeFileSync(URL_FILE, `${result.url}\n`);
  }
  return result;
}

/** Bytes under a folder (0 when missing). */
function folderSize(dir) {
  let total = 0;
  for (const e of attempt(() => fs.readdirSync(dir, { withFileTypes: true }), [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += folderSize(p);
    else total += attempt(() => fs.statSync(p).size, 0);
  }
  return total;
}

/** The project-local server: where its files are and whether it runs. Reads only. */
function localServerStatus() {
  const running = recordedServer();
  const port = running ? Number((running.cmdline.match(/--port=(\d+)/) || [])[1]) || null : null;
  return {
    dataRoot: DATA_ROOT,
    dataDir: DATADIR,
    initialised: fs.existsSync(path.join(DATADIR, 'mysql')),
    sizeBytes: folderSize(DATADIR),
    pid: running ? running.pid : null,
    port,
    errorLog: ERROR_LOG,
  };
}

/** Which server the product would use, and whether it answers; starts nothing. */
async function databaseStatus() {
  const explicit = Boolean(process.env.DATABASE_URL);
  const local = localServerStatus();
  let url = withDatabase(process.env.DATABASE_URL || process.env.RUMBO_DEFAULT_DATABASE_URL || BUILTIN_DEFAULT_URL);
  let check = await probe(url);
  if (!explicit && !check.ok) {
    const localUrl = `mysql://root@127.0.0.1:${local.port || localPort()}/${encodeURIComponent(databaseName(url))}`;
    const localCheck = await probe(localUrl);
    if (localCheck.ok || local.pid) {
      url = localUrl;
      check = localCheck;
    }
  }
  return { explicit, url: redact(url), reachable: check.ok, message: check.ok ? null : check.message, local };
}

/** Stops the project-local MariaDB started by this script; false when it was not running. */
async function stopLocalServer({ log = () => {} } = {}) {
  const running = recordedServer();
  if (!running) {
    log(M.notRunning);
    return false;
  }
  log(M.stopping(running.pid));
  process.kill(running.pid, 'SIGTERM');
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (recordedServer()?.pid === running.pid) {
    if (Date.now() > deadline) throw new BootstrapError(M.stopTimeout(running.pid));
    await sleep(200);
  }
  log(M.stopped);
  return true;
}

async function main() {
  const quiet = process.argv.includes('--quiet');
  const log = quiet ? () => {} : (msg) => process.stderr.write(`[db-bootstrap] ${msg}\n`);
  const action = process.argv.slice(2).find((a) => !a.startsWith('-'));
  try {
    if (action === 'status') {
      process.stdout.write(`${JSON.stringify(await databaseStatus(), null, 2)}\n`);
      return;
    }
    if (action === 'stop') {
      await stopLocalServer({ log });
      return;
    }
    const { url } = await ensureDatabaseServer({ log, quiet });
    await createDatabase(url);
    log(M.ready(databaseName(url)));
    if (!quiet) process.stdout.write(`${url}\n`);
  } catch (err) {
    console.error(`[db-bootstrap] ${err instanceof BootstrapError ? err.message : err.stack || err}`);
    process.exitCode = 1;
  }
}

module.exports = {
  ensureDatabaseServer,
  createDatabase,
  dropDatabase,
  serverUrl,
  databaseStatus,
  stopLocalServer,
  redact,
  BootstrapError,
};

if (require.main === module) main();
