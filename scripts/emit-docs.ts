/**
 * `npm run docs:emit`: rewrites the generated column reference of docs/plantillas.md from the template
 * definitions; `--check` only says whether it is current (exit 1 when not).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { templateDocsSection, withTemplateDocs } from '../ingestion/templates/template-docs';

export async function renderTemplateDocs(file: string): Promise<{ current: string; next: string }> {
  const current = await fs.readFile(file, 'utf8');
  const options = (await prettier.resolveConfig(file)) ?? {};
  const next = await prettier.format(withTemplateDocs(current, templateDocsSection()), { ...options, filepath: file });
  return { current, next };
}

async function main(): Promise<void> {
  const file = path.join(__dirname, '..', 'docs', 'plantillas.md');
  const { current, next } = await renderTemplateDocs(file);
  if (process.argv.includes('--check')) {
    if (current !== next) {
      console.error('docs/plantillas.md is out of date: run `npm run docs:emit`.');
      process.exitCode = 1;
    } else console.log('docs/plantillas.md is up to date.');
    return;
  }
  await fs.writeFile(file, next);
  console.log(current === next ? 'docs/plantillas.md was already current.' : 'Wrote docs/plantillas.md.');
}

if (require.main === module) void main();
