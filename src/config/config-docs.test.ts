import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configVariableNames } from './config';

/** Configuration as documented: every variable the product reads is in docs/operacion.md and .env.example. */
describe('configuration documentation', () => {
  const root = path.join(__dirname, '..', '..');
  const operacion = readFileSync(path.join(root, 'docs', 'operacion.md'), 'utf8');
  const example = readFileSync(path.join(root, '.env.example'), 'utf8');
  const names = [...configVariableNames(), 'RUMBO_ENV_FILE', 'RUMBO_LOCAL_DB_DIR'];

  it('reads the variables it is known to read', () => {
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'PORT', 'STORAGE_RETENTION_DAYS', 'RUMBO_LANG']));
  });

  it.each(names.map((n) => [n]))('%s is in the table of docs/operacion.md and in .env.example', (name) => {
    expect(operacion).toMatch(new RegExp(`^\\|[^\\n]*\`${name}\`[^\\n]*\\|`, 'm'));
    expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});
