import { existsSync, mkdtempSync, promises as fs, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CliIo } from '../../ingestion/cli/cli.io';
import { COMMANDS } from '../../ingestion/cli/commands.registry';
import { main, run } from '../../ingestion/cli/rumbo.cli';
import { loadConfig } from '../../src/config/config';

const bootstrap = require('../../scripts/db-bootstrap.js') as { serverUrl(url: string): string };
const mysql = require('mysql2/promise');

/** The operator's first hour: every command explains itself without doing anything, and `.env` is honoured. */
describe('rumbo help, usage errors and .env', () => {
  const saved = { ...process.env };
  const cwd = process.cwd();
  let out: string[] = [];
  let err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), progress: () => undefined };
  const call = async (argv: string[], options = {}) => {
    out = [];
    err = [];
    const code = await main(argv, io, options);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  /** A bootstrap that records that it was asked (it must not be, for help and usage errors). */
  let bootstrapped = 0;
  const recordingBootstrap = async () => {
    bootstrapped++;
    throw new Error('the database must not be touched');
  };

  beforeEach(() => {
    delete process.env.RUMBO_ENV_FILE; // CI turns the file off (RUMBO_ENV_FILE=); these tests use ./.env
  });
  afterEach(() => {
    process.chdir(cwd);
    process.env = { ...saved };
  });

  it('answers --help, help COMMAND and COMMAND --help for every command in Spanish, with no side effect', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-help-'));
    const server = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/rumbo';
    const dbName = `rumbo_t_help_${process.pid}`;
    const port = 20000 + (process.pid % 20000);
    const urlFile = path.join(cwd, '.data', 'database-url');
    const urlFileBefore = existsSync(urlFile) ? statSync(urlFile).mtimeMs : null;
    Object.assign(process.env, {
      DATABASE_URL: `${bootstrap.serverUrl(server).replace(/\/$/, '')}/${dbName}`,
      PORT: String(port),
      RUMBO_LOCAL_DB_DIR: path.join(dir, '.data'),
    });
    delete process.env.RUMBO_LANG;
    process.chdir(dir);
    const listen = jest.spyOn(net.Server.prototype, 'listen');
    try {
      const main = await call(['--help']);
      expect(main.code).toBe(0);
      expect(main.out).toMatch(/^Uso: rumbo <comando>/m);
      for (const c of COMMANDS) expect(main.out).toMatch(new RegExp(`^  ${c.name} `, 'm'));
      expect(await call(['help'])).toMatchObject({ code: 0, out: main.out });
      expect(await call(['-h'])).toMatchObject({ code: 0, out: main.out });
      expect((await call(['--version'])).out).toMatch(/^\d+\.\d+\.\d+/);

      for (const c of COMMANDS) {
        for (const argv of [
          [c.name, '--help'],
          [c.name, '-h'],
          ['help', c.name],
          [c.name, 'x', '--help'],
        ]) {
          const r = await call(argv, { bootstrap: recordingBootstrap });
          expect({ argv, code: r.code }).toEqual({ argv, code: 0 });
          expect(r.out).toMatch(new RegExp(`^Uso:\\n  rumbo ${c.name}\\b`));
          expect(r.out).toMatch(/^Opciones:$/m);
          expect(r.err).toBe('');
        }
      }
      // Usage errors: nothing runs either.
      const unknown = await call(['frobnicate']);
      expect(unknown).toMatchObject({ code: 2, err: expect.stringMatching(/Comando desconocido: «frobnicate»/) });
      expect(await call(['help', 'frobnicate'])).toMatchObject({ code: 2, err: expect.stringMatching(/«frobnicate»/) });
      expect(await call(['--frobnicate'])).toMatchObject({ code: 2, err: expect.stringMatching(/--frobnicate/) });
      expect(await call(['import', '--bogus', 'a.xlsx'], { bootstrap: recordingBootstrap })).toMatchObject({
        code: 2,
        err: expect.stringMatching(/Opción desconocida para «rumbo import»: --bogus[\s\S]*rumbo import --help/),
      });
      expect(await call(['template', 'reporte', '-o'])).toMatchObject({
        code: 2,
        err: expect.stringMatching(/La opción .*-o.* necesita un valor/),
      });
      expect(await call(['template', 'foo', '-o', 'x.xlsx'])).toMatchObject({ code: 2, err: expect.stringMatching(/«foo»/) });
      expect(await call(['import'], { bootstrap: recordingBootstrap })).toMatchObject({
        code: 2,
        err: expect.stringMatching(/Faltan argumentos/),
      });
      expect(await call(['db', 'frob'])).toMatchObject({ code: 2, err: expect.stringMatching(/«frob»/) });
      expect(await call([])).toMatchObject({ code: 2, err: expect.stringMatching(/^Rumbo /) });

      expect(bootstrapped).toBe(0);
      expect(listen).not.toHaveBeenCalled();
      expect(await fs.readdir(dir)).toEqual([]);
      expect(existsSync(urlFile) ? statSync(urlFile).mtimeMs : null).toBe(urlFileBefore);
      const conn = await mysql.createConnection({ uri: bootstrap.serverUrl(process.env.DATABASE_URL!) });
      try {
        const [rows] = await conn.query('SHOW DATABASES LIKE ?', [dbName]);
        expect(rows).toEqual([]);
      } finally {
        await conn.end();
      }
    } finally {
      listen.mockRestore();
    }
  });

  it('speaks English with RUMBO_LANG=en', async () => {
    process.env.RUMBO_LANG = 'en';
    expect((await call(['import', '--help'])).out).toMatch(/^Usage:\n {2}rumbo import FILE… \[--conservar\][\s\S]*^Options:$/m);
    expect(await call(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown command: "frobnicate"/) });
    process.env.PORT = 'lots';
    expect(await call(['config'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Invalid configuration:\n- PORT must be an integer/),
    });
  });

  it('applies a value set only in .env; the environment wins over it; rumbo config says where each came from', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-env-'));
    await fs.writeFile(
      path.join(dir, '.env'),
      '# operator settings\nSTORAGE_RETENTION_DAYS=7\nLOG_LEVEL=warn\nDATABASE_URL=mysql://rumbo:s3cr3t@db.example:3306/rumbo\n',
    );
    for (const k of ['STORAGE_RETENTION_DAYS', 'LOG_LEVEL', 'RUMBO_LANG', 'RUMBO_ENV_FILE']) delete process.env[k];
    process.env.DATABASE_URL = 'mysql://root@127.0.0.1:3306/rumbo';
    process.chdir(dir);
    const r = await call(['config']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^STORAGE_RETENTION_DAYS +7 +\.env /m);
    expect(r.out).toMatch(/^LOG_LEVEL +warn +\.env /m);
    expect(r.out).toMatch(/^DATABASE_URL +mysql:\/\/root@127\.0\.0\.1:3306\/rumbo +entorno /m);
    expect(r.out).toMatch(/En \.env pero definidas en el entorno \(manda el entorno\): DATABASE_URL/);
    expect(r.out).not.toMatch(/s3cr3t/);
    expect(loadConfig()).toMatchObject({ storageRetentionDays: 7, logLevel: 'warn', databaseUrl: 'mysql://root@127.0.0.1:3306/rumbo' });

    // A password set in .env only is masked.
    delete process.env.DATABASE_URL;
    const masked = await call(['config']);
    expect(masked.out).toMatch(/^DATABASE_URL +mysql:\/\/rumbo:\*\*\*@db\.example:3306\/rumbo +\.env /m);
    expect(masked.out).not.toMatch(/s3cr3t/);
  });

  it('stops on an invalid value in .env, naming the variable and the file, before touching the database', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-env-'));
    await fs.writeFile(path.join(dir, '.env'), 'IMPORT_MAX_ROWS=muchas\n');
    delete process.env.IMPORT_MAX_ROWS;
    delete process.env.RUMBO_LANG;
    process.chdir(dir);
    const file = path.join(await fs.realpath(dir), '.env');
    for (const argv of [['config'], ['import', 'plan.xlsx'], ['serve']]) {
      const r = await call(argv, { bootstrap: recordingBootstrap });
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toContain(
        `Configuración no válida:\n- IMPORT_MAX_ROWS (en ${file}) debe ser un número entero entre 1 y 1048576; vale "muchas"`,
      );
    }
    expect(bootstrapped).toBe(0);
    // The same value in the environment stops it the same way.
    await fs.rm(path.join(dir, '.env'));
    process.env.IMPORT_MAX_ROWS = 'montones';
    expect(await call(['config'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Configuración no válida:\n- IMPORT_MAX_ROWS debe ser un número entero/),
    });
  });

  it('run() is the same dispatcher without the .env file', async () => {
    out = [];
    expect(await run(['template', '--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/rumbo template plan\|reporte\|instancia -o ARCHIVO\.xlsx/);
  });
});
