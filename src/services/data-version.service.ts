/**
 * Data versions of policies (docs/scaling.md, «Caché de cifras»). Every write that changes what a
 * policy's figures show calls `bumpDataVersions` inside its own transaction, so the new version becomes
 * visible to every API process at the same instant as the new data; computed figures are cached per
 * version, and a request only reads the versions (RecordLoadingService.dataVersions: one primary-key lookup for all
 * its policies).
 */
import { EntityManager } from 'typeorm';

/** Rows per bump statement (far below the placeholder limit). */
const CHUNK = 1000;

/**
 * Adds one to the data version of each policy (creating it at 1), in the caller's transaction. Ids are
 * bumped in ascending order in one multi-row statement per 1 000, so two writers always lock the rows
 * in the same order.
 */
export async function bumpDataVersions(m: EntityManager, policyIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(policyIds)].filter((id) => Number.isSafeInteger(id) && id > 0).sort((a, b) => a - b);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    await m.query(
      `INSERT INTO policy_data_versions (policy_id, version, updated_at) VALUES ${part.map(() => '(?, 1, CURRENT_TIMESTAMP(3))').join(', ')}
       ON DUPLICATE KEY UPDATE version = version + 1, updated_at = CURRENT_TIMESTAMP(3)`,
      part,
    );
  }
}

/**
 * The policies with a product whose responsible entity is one of these: an entity's sector decides the
 * policy's breakdown by sector (nothing else of an entity is part of the figures).
 */
export async function policiesOfEntities(m: EntityManager, entityIds: Iterable<number>): Promise<number[]> {
  const ids = [...new Set(entityIds)];
  const policyIds = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = (await m.query(
      `SELECT DISTINCT policy_id FROM products WHERE responsible_entity_id IN (${part.map(() => '?').join(', ')})`,
      part,
    )) as { policy_id: number }[];
    for (const r of rows) policyIds.add(Number(r.policy_id));
  }
  return [...policyIds];
}
