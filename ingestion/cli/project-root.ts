import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The project folder (where package.json and scripts/ are), from the source tree or from dist/. */
export function projectRoot(): string {
  const here = __dirname.split(path.sep);
  const distAt = here.lastIndexOf('dist');
  const root = distAt >= 0 ? here.slice(0, distAt).join(path.sep) : path.join(__dirname, '..', '..');
  return root || path.sep;
}

/** The version in package.json. */
export function productVersion(): string {
  return (JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
