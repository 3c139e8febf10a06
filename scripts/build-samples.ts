/**
 * Writes the demo sample workbooks (ingestion/samples/*.xlsx) from the seed transcriptions of
 * ingestion/samples/sample-data.ts, with the product's own templates. Deterministic: the same data
 * gives the same bytes. Run: node -r @swc-node/register scripts/build-samples.ts [output folder]
 */
import path from 'node:path';
import { writeSamples } from '../ingestion/samples/sample-workbooks';

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'ingestion', 'samples'));
  const written = await writeSamples(dir);
  for (const file of written) console.log(path.relative(process.cwd(), file));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
