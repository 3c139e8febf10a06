import { MIGRATIONS } from '../../migrations';
import { openDataSource } from './data-source';

/** Applies pending migrations to the database at `url`; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = await openDataSource({ url, migrations: MIGRATIONS, poolSize: 2 });
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
