/**
 * The wording of every generated sentence, read from one text file a non-programmer can edit
 * (textos-informes.txt, format described at its top), checked against WORDING_SCHEMA when loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WORDING_SCHEMA, WordingKey, WordingValues } from './wording.schema';

export const DEFAULT_WORDING_FILE = 'textos-informes.txt';

/** The wording file has problems; `problems` lists each in Spanish with its line. */
export class WordingError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `El archivo de textos ${file} tiene ${problems.length === 1 ? 'un problema' : `${problems.length} problemas`}:\n- ${problems.join('\n- ')}`,
    );
    this.name = 'WordingError';
  }
}

interface Entry {
  paragraphs: string[];
  line: number;
}

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

export class Wording {
  private constructor(
    private readonly entries: ReadonlyMap<WordingKey, Entry>,
    readonly file: string,
  ) {}

  /** Parses and checks the text of a wording file; throws WordingError listing every problem. */
  static parse(text: string, file = DEFAULT_WORDING_FILE): Wording {
    const problems: string[] = [];
    const raw = new Map<string, { lines: string[]; line: number }>();
    let current: { lines: string[]; line: number } | null = null;
    text.split(/\r?\n/).forEach((line, i) => {
      const n = i + 1;
      if (line.trimStart().startsWith('#')) return;
      const key = /^\s*\[([^\]]+)\]\s*$/.exec(line);
      if (key) {
        const name = key[1]!.trim();
        if (raw.has(name))
          problems.push(`línea ${n}: el texto [${name}] aparece dos veces (la primera en la línea ${raw.get(name)!.line}).`);
        current = { lines: [], line: n };
        raw.set(name, current);
        return;
      }
      if (!current) {
        if (line.trim()) problems.push(`línea ${n}: hay texto antes del primer nombre entre corchetes.`);
        return;
      }
      current.lines.push(line);
    });
    const entries = new Map<WordingKey, Entry>();
    for (const [name, { lines, line }] of raw) {
      if (!(name in WORDING_SCHEMA)) {
        problems.push(`línea ${line}: Rumbo no usa ningún texto llamado [${name}] (revise el nombre).`);
        continue;
      }
      const key = name as WordingKey;
      const paragraphs = lines
        .join('\n')
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
        .filter((p) => p.length > 0);
      if (paragraphs.length === 0) problems.push(`línea ${line}: el texto [${name}] está vacío.`);
      const allowed: readonly string[] = WORDING_SCHEMA[key];
      const used = new Set([...paragraphs.join('\n').matchAll(PLACEHOLDER)].map((m) => m[1]!));
      for (const u of used) {
        if (!allowed.includes(u)) {
          problems.push(
            `línea ${line}: el texto [${name}] usa el marcador {${u}}, que no existe aquí` +
              (allowed.length ? ` (puede usar: ${allowed.map((a) => `{${a}}`).join(', ')}).` : ' (este texto no lleva marcadores).'),
          );
        }
      }
      for (const a of allowed) if (!used.has(a)) problems.push(`línea ${line}: al texto [${name}] le falta el marcador {${a}}.`);
      const stray = paragraphs.join('\n').replace(PLACEHOLDER, '');
      if (/[{}]/.test(stray)) problems.push(`línea ${line}: el texto [${name}] tiene una llave { o } sin cerrar.`);
      entries.set(key, { paragraphs, line });
    }
    for (const key of Object.keys(WORDING_SCHEMA) as WordingKey[]) {
      if (!raw.has(key)) problems.push(`falta el texto [${key}].`);
    }
    if (problems.length) throw new WordingError(file, problems);
    return new Wording(entries, file);
  }

  /** Reads and checks a wording file (default: the one shipped in src/reports/wording). */
  static load(file: string = defaultWordingPath()): Wording {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new WordingError(file, [`no se pudo leer el archivo (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`]);
    }
    return Wording.parse(text, file);
  }

  /** The paragraphs of a text with its placeholders filled in. */
  paragraphs<K extends WordingKey>(key: K, values: WordingValues<K>): string[] {
    const entry = this.entries.get(key);
    if (!entry) throw new Error(`wording key ${key} not loaded`);
    const vals = values as Record<string, string | number>;
    return entry.paragraphs.map((p) =>
      p.replace(PLACEHOLDER, (_m, name: string) => {
        const v = vals[name];
        if (v === undefined || v === null) throw new Error(`wording ${key}: no value for {${name}}`);
        return String(v);
      }),
    );
  }

  /** A text that is one paragraph (several are joined with a space). */
  text<K extends WordingKey>(key: K, values: WordingValues<K>): string {
    return this.paragraphs(key, values).join(' ');
  }
}

/** src/reports/wording/textos-informes.txt, found from the package root (works from src/ and from dist/). */
export function defaultWordingPath(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'src', 'reports', 'wording', DEFAULT_WORDING_FILE);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.join(__dirname, DEFAULT_WORDING_FILE);
}

let cached: Wording | null = null;

/** The default wording, loaded and checked once per process. */
export function defaultWording(): Wording {
  cached ??= Wording.load();
  return cached;
}
