import { EntityManager } from 'typeorm';
import { EntityLevel } from '../../src/domain/enums';
import { EntityRow } from '../model/common.types';
import { policiesOfEntities } from '../../src/services/data-version.service';
import { ImportContext, ImportCounts, addCounts } from './import.types';
import { upsertRows } from './row-upsert.writer';

/**
 * Upserts the `Entidades` sheet (sectors by name, entities by code). An entity's own upload
 * (`onlyNew`) may add entities but never changes existing ones: those rows count as unchanged.
 * Returns the ids of the stored entities it changed (not the new ones).
 */
export async function importEntities(
  m: EntityManager,
  all: readonly EntityRow[],
  counts: ImportCounts,
  onlyNew = false,
): Promise<number[]> {
  let rows = all;
  if (onlyNew && rows.length) {
    const existing = await entityIdsByCode(
      m,
      rows.map((r) => r.code),
    );
    rows = rows.filter((r) => !existing.has(r.code));
    counts.unchanged += all.length - rows.length;
  }
  if (rows.length === 0) return [];
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
  return [...res.previous.keys()].flatMap((k) => {
    const id = res.ids.get(k);
    return id === undefined ? [] : [id];
  });
}

/** Imports the `Entidades` sheet and notes the policies whose figures the changed entities affect. */
export async function importEntitiesOf(ctx: ImportContext, all: readonly EntityRow[], counts: ImportCounts): Promise<void> {
  const changed = await importEntities(ctx.m, all, counts, !ctx.planningOffice);
  for (const id of await policiesOfEntities(ctx.m, changed)) ctx.changedPolicies.add(id);
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
