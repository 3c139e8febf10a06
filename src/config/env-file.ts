/**
 * The `.env` file: `KEY=value` lines (Node's own parser, `util.parseEnv`) merged into the environment
 * before the configuration is read. A variable set in the real environment always wins over the file;
 * the file only fills what the environment leaves unset. Values from the file are validated exactly like
 * the environment's (config.ts), and a problem names the file.
 *
 * Which file: `RUMBO_ENV_FILE` when set (a path; `RUMBO_ENV_FILE=` empty turns the file off), else `.env`
 * in the current directory (the project folder for `npm start`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

type Env = Record<string, string | undefined>;

export interface EnvFileResult {
  /** Absolute path looked at; null when the file is turned off. */
  readonly file: string | null;
  readonly found: boolean;
  /** Keys the file set (the environment did not have them). */
  readonly applied: readonly string[];
  /** Keys the file has but the environment already set (the environment wins). */
  readonly shadowed: readonly string[];
  /** Why the file could not be read, when it exists but is unreadable. */
  readonly error: string | null;
}

const NONE: EnvFileResult = Object.freeze({ file: null, found: false, applied: [], shadowed: [], error: null });
let loaded: EnvFileResult = NONE;

/** The file `loadEnvFile` would read for this environment. */
export function envFilePath(env: Env = process.env, cwd = process.cwd()): string | null {
  const chosen = env.RUMBO_ENV_FILE;
  if (chosen !== undefined) return chosen.trim() ? path.resolve(cwd, chosen.trim()) : null;
  return path.resolve(cwd, '.env');
}

/**
 * Reads the `.env` file into `env` (default `process.env`) without overriding what is set; remembers the
 * result for `envFileSources()`. Call it once, first thing, in a process entry point (bin/rumbo.js).
 */
export function loadEnvFile(env: Env = process.env, cwd = process.cwd()): EnvFileResult {
  if (env === process.env) forgetLoaded(env);
  const file = envFilePath(env, cwd);
  if (!file) return (loaded = NONE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const result = code === 'ENOENT' ? { ...NONE, file } : { ...NONE, file, found: true, error: (err as Error).message };
    if (env === process.env) loaded = result;
    return result;
  }
  const parsed = parseEnv(text);
  const applied: string[] = [];
  const shadowed: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (value === undefined) continue;
    if (env[key] === undefined) {
      env[key] = value;
      applied.push(key);
    } else {
      shadowed.push(key);
    }
  }
  const result: EnvFileResult = Object.freeze({ file, found: true, applied, shadowed, error: null });
  if (env === process.env) {
    loaded = result;
    values = Object.fromEntries(applied.map((k) => [k, env[k]]));
  }
  return result;
}

/** Values the last load put into process.env. */
let values: Env = {};

/** A second load starts afresh: what the previous one set (and nobody changed since) is removed first. */
function forgetLoaded(env: Env): void {
  for (const [key, value] of Object.entries(values)) if (env[key] === value) delete env[key];
  values = {};
  loaded = NONE;
}

/** What the last `loadEnvFile()` on `process.env` did (nothing, when it was not called). */
export function envFileSources(): EnvFileResult {
  return loaded;
}

/** Where a variable's value comes from. */
export type ValueSource = 'env' | 'file' | 'default';

export function sourceOf(name: string, env: Env = process.env, sources: EnvFileResult = loaded): ValueSource {
  if (env[name] === undefined || env[name]!.trim() === '') return 'default';
  return sources.applied.includes(name) ? 'file' : 'env';
}
