import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';

/**
 * Batch reads used by the per-request DataLoaders: one statement for many keys.
 * Results come back grouped in the order of the keys asked for.
 */
export class RecordLoadingService {
  constructor(private readonly ds: DataSource) {}

  async byIds<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>, ids: readonly number[]): Promise<(T | null)[]> {
    const rows = await this.ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async byColumn<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    keys: readonly (number | string)[],
    orderBy: Partial<Record<keyof T & string, 'ASC' | 'DESC'>> = {},
  ): Promise<T[][]> {
    const rows = await this.ds.getRepository(entity).find({
      where: { [column]: In([...keys]) } as never,
      order: orderBy as never,
    });
    const groups = new Map<unknown, T[]>();
    for (const r of rows) {
      const k = r[column];
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(r);
    }
    return keys.map((k) => groups.get(k) ?? []);
  }
}
