import { EntityManager } from 'typeorm';
import { EntityLevel } from '../../src/domain/enums';
import { EntityRow } from '../model/common.types';
import { ImportCounts, addCounts } from './import.types';
import { upsertRows } from './row-upsert.writer';

/**
 * Upserts the `Entidades` sheet (sectors by name, entities by code). An entity's own upload
 * (`onlyNew`) may add entities but never changes existing ones: those rows count as unchanged.
 */
export async function importEntities(m: EntityManager, all: readonly EntityRow[], counts: ImportCounts, onlyNew = false): Promise<void> {
  let rows = all;
  if (onlyNew && rows.length) {
    const existing = await entityIdsByCode(
      m,
      rows.map((r) => r.code),
    );
    rows = rows.filter((r) => !existing.has(r.code));
    counts.unchanged += all.length - rows.length;
  }
  if (rows.length === 0) return;
  const sectors = await upsertRows(
    m,
    { table: 'sectors', key: ['name'], columns: { name: 'text' } },
    rows.map((r) => ({ name: r.sector })),
  );
  const res = await upsertRows(
    m,
    { table: 'entities', key: ['code'], columns: { code: 'text', name: 'text', acronym: 'text', sector_id: 'int', level: 'text' } },
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      acronym: r.acronym,
      sector_id: sectors.ids.get(r.sector),
      level: r.level ?? EntityLevel.OTRO,
    })),
  );
  addCounts(counts, res);
}

/** Ids of entities by code (validation has checked they exist). */
export async function entityIdsByCode(m: EntityManager, codes: Iterable<string>): Promise<Map<string, number>> {
  const list = [...new Set(codes)];
  if (list.length === 0) return new Map();
  const rows = (await m.query(`SELECT id, code FROM entities WHERE code IN (${list.map(() => '?').join(', ')})`, list)) as {
    id: number;
    code: string;
  }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}

export function requireId(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`${what} "${key}" was not found after validation`);
  return id;
}
