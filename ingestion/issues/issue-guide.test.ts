import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ISSUE_CODES } from './issue.types';

/** docs/guia-entidades.md explains every import issue code, with its severity as issue.types.ts declares it. */
describe('the error table of the entities guide', () => {
  const root = path.join(__dirname, '..', '..');
  const guide = readFileSync(path.join(root, 'docs', 'guia-entidades.md'), 'utf8');
  const source = readFileSync(path.join(__dirname, 'issue.types.ts'), 'utf8');
  const rows = new Map(
    [...guide.matchAll(/^\| `([A-Z_]+)` +\| (error|aviso) +\| (.+?) +\| (.+?) +\|$/gm)].map((m) => [
      m[1],
      { severity: m[2], meaning: m[3], fix: m[4] },
    ]),
  );

  it.each(ISSUE_CODES.map((c) => [c]))('%s is in the guide with its severity, meaning and fix', (code) => {
    const declared = new RegExp(`'${code}', // ([EW])\\b`).exec(source)?.[1];
    expect(declared).toBeDefined();
    expect(rows.get(code)).toEqual({
      severity: declared === 'E' ? 'error' : 'aviso',
      meaning: expect.any(String),
      fix: expect.any(String),
    });
  });

  it('lists no code that does not exist', () => {
    expect([...rows.keys()].filter((c) => !(ISSUE_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
