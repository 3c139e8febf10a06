/** Writes schema.graphql (sorted SDL). With --check, exits 1 when the committed file is stale. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '../src/graphql/schema';

async function main(): Promise<void> {
  const file = path.join(__dirname, '..', 'schema.graphql');
  const sdl = await printAppSchema();
  if (process.argv.includes('--check')) {
    const current = await fs.readFile(file, 'utf8').catch(() => '');
    if (current !== sdl) {
      console.error('schema.graphql is stale: run `npm run schema:emit` and commit it.');
      process.exit(1);
    }
    console.log('schema.graphql is up to date.');
    return;
  }
  await fs.writeFile(file, sdl);
  console.log(`Wrote schema.graphql (${sdl.split('\n').length} lines).`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
