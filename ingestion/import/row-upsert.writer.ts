import { EntityManager } from 'typeorm';

/**
 * How a column compares: decimals within half a unit of their 6th decimal, doubles exactly (the same
 * IEEE double), times as HH:MM:SS, booleans as 0/1.
 */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'double' | 'date' | 'time' | 'bool' | 'json';

export interface TableSpec {
  table: string;
  /** Columns of the natural key (a unique index). */
  key: readonly string[];
  /** Every column written, key included, with its kind. */
  columns: Readonly<Record<string, ColumnKind>>;
  /** Columns written with a changed or new row but not compared (e.g. the batch that wrote it). */
  untracked?: readonly string[];
  /** The table has a composite primary key and no `id` column. */
  noId?: boolean;
  /**
   * SQL of `col = …` for a row already stored, instead of `VALUES(col)` (e.g. keep the stored value
   * when the incoming one is null). Evaluated by the server; may name `VALUES(other)`.
   */
  onDuplicate?: Readonly<Record<string, string>>;
}

export type Row = Record<string, unknown>;

export interface UpsertOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /**
   * Primary key of every row given, by its natural key (see keyOf). With `insertedIds: false`, only
   * the rows that were already stored (changed or unchanged) are in it.
   */
  ids: Map<string, number>;
  /** The stored values before the change, for rows that changed (key → previous row). */
  previous: Map<string, Row>;
}

export interface UpsertOptions {
  /**
   * Read back the ids of newly inserted rows (one more SELECT per 1 000 rows). Default true; callers
   * that only need the ids of rows already stored (e.g. report history) pass false.
   */
  insertedIds?: boolean;
  /**
   * Completes each incoming row from the stored one (undefined for a new row) before it is compared
   * and written; only untracked columns should be set here (e.g. a report's review state).
   */
  prepare?: (incoming: Row, stored: Row | undefined) => Row;
  /**
   * false for a row the caller knows is not stored, so it is not looked up (treated as new). Must
   * agree with what a SELECT in the caller's transaction would find, e.g. the stored reports its
   * validation read in the same REPEATABLE READ transaction (ingestion/import/reporte-parts.import.ts).
   */
  mayExist?: (row: Row) => boolean;
}

/** Rows per multi-row statement; keeps placeholders far below the protocol's 65 535. */
const CHUNK = 1000;

export function keyOf(spec: Pick<TableSpec, 'key'>, row: Row): string {
  return spec.key.map((k) => String(normalise('text', row[k]))).join('\u0001');
}

function q(id: string): string {
  return `\`${id.replace(/`/g, '``')}\``;
}

function normalise(kind: ColumnKind, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  switch (kind) {
    case 'bool':
      return v === true || v === 1 || v === '1' ? 1 : 0;
    case 'decimal':
      return Math.round(Number(v) * 1e6) / 1e6;
    case 'int':
    case 'double':
      return Number(v);
    case 'time': {
      const s = String(v);
      return /^\d{1,2}:\d{2}$/.test(s) ? `${s.padStart(5, '0')}:00` : s.padStart(8, '0');
    }
    case 'json':
      return typeof v === 'string' ? v : JSON.stringify(v);
    default:
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  }
}

function sameRow(spec: TableSpec, stored: Row, incoming: Row): boolean {
  for (const [col, kind] of Object.entries(spec.columns)) {
    if (spec.untracked?.includes(col)) continue;
    const a = normalise(kind, stored[col]);
    const b = normalise(kind, incoming[col]);
    if (kind === 'decimal' && a !== null && b !== null) {
      if (Math.abs((a as number) - (b as number)) > 5e-7) return false;
    } else if (a !== b) return false;
  }
  return true;
}

async function selectByKeys(m: EntityManager, spec: TableSpec, keys: Row[], extra: readonly string[]): Promise<Row[]> {
  const out: Row[] = [];
  const cols = [...(spec.noId ? [] : ['id']), ...new Set([...spec.key, ...extra])].map(q).join(', ');
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    const tuple = `(${spec.key.map(() => '?').join(', ')})`;
    const sql = `SELECT ${cols} FROM ${q(spec.table)} WHERE (${spec.key.map(q).join(', ')}) IN (${part.map(() => tuple).join(', ')})`;
    out.push(
      ...((await m.query(
        sql,
        part.flatMap((r) => spec.key.map((k) => normalise(spec.columns[k] ?? 'text', r[k]))),
      )) as Row[]),
    );
  }
  return out;
}

/**
 * Inserts new rows and updates changed ones by natural key with multi-row
 * `INSERT … ON DUPLICATE KEY UPDATE` (valid on MySQL 8 and MariaDB 10.11); rows equal to what is
 * stored are not written at all, so re-importing the same content changes nothing.
 * Runs inside the caller's transaction. Later rows with the same key win.
 */
export async function upsertRows(
  m: EntityManager,
  spec: TableSpec,
  rows: readonly Row[],
  options: UpsertOptions = {},
): Promise<UpsertOutcome> {
  const byKey = new Map<string, Row>();
  for (const r of rows) byKey.set(keyOf(spec, r), r);
  const unique = [...byKey.values()];
  const outcome: UpsertOutcome = { inserted: 0, updated: 0, unchanged: 0, ids: new Map(), previous: new Map() };
  if (unique.length === 0) return outcome;

  const lookedUp = options.mayExist ? unique.filter(options.mayExist) : unique;
  const stored = lookedUp.length ? await selectByKeys(m, spec, lookedUp, Object.keys(spec.columns)) : [];
  const storedByKey = new Map(stored.map((r) => [keyOf(spec, r), r]));
  const toWrite: Row[] = [];
  for (const [k, given] of byKey) {
    const s = storedByKey.get(k);
    const r = options.prepare ? options.prepare(given, s) : given;
    if (!s) {
      outcome.inserted++;
      toWrite.push(r);
    } else {
      if (!spec.noId) outcome.ids.set(k, Number(s.id));
      if (sameRow(spec, s, r)) outcome.unchanged++;
      else {
        outcome.updated++;
        outcome.previous.set(k, s);
        toWrite.push(r);
      }
    }
  }

  const cols = Object.keys(spec.columns);
  const kinds = cols.map((c) => spec.columns[c]!);
  const updates = cols.filter((c) => !spec.key.includes(c));
  const assign = (c: string): string => `${q(c)} = ${spec.onDuplicate?.[c] ?? `VALUES(${q(c)})`}`;
  const setClause = updates.length ? updates.map(assign).join(', ') : `${q(spec.key[0]!)} = ${q(spec.key[0]!)}`;
  for (let i = 0; i < toWrite.length; i += CHUNK) {
    const part = toWrite.slice(i, i + CHUNK);
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    const sql = `INSERT INTO ${q(spec.table)} (${cols.map(q).join(', ')}) VALUES ${part.map(() => tuple).join(', ')} ON DUPLICATE KEY UPDATE ${setClause}`;
    const params: unknown[] = [];
    for (const r of part) for (let c = 0; c < cols.length; c++) params.push(normalise(kinds[c]!, r[cols[c]!]));
    await m.query(sql, params);
  }

  if (spec.noId || options.insertedIds === false) return outcome;
  const missing = unique.filter((r) => !outcome.ids.has(keyOf(spec, r)));
  if (missing.length) {
    for (const r of await selectByKeys(m, spec, missing, [])) outcome.ids.set(keyOf(spec, r), Number(r.id));
  }
  return outcome;
}

/** Deletes rows of `table` whose `parentColumn` is in `parents` and whose id is not kept (replace-children semantics). */
export async function deleteOthers(
  m: EntityManager,
  table: string,
  parentColumn: string,
  parents: readonly number[],
  keepIds: readonly number[],
): Promise<number> {
  if (parents.length === 0) return 0;
  const params: unknown[] = [...parents];
  let sql = `DELETE FROM ${q(table)} WHERE ${q(parentColumn)} IN (${parents.map(() => '?').join(', ')})`;
  if (keepIds.length) {
    sql += ` AND id NOT IN (${keepIds.map(() => '?').join(', ')})`;
    for (const id of keepIds) params.push(id); // not push(...ids): a large plan would overflow the stack
  }
  const res = (await m.query(sql, params)) as { affectedRows?: number };
  return res.affectedRows ?? 0;
}
