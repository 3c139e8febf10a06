import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportKind } from '../../src/domain/enums';
import { DOCS_BEGIN, DOCS_END } from './template-docs';
import { TEMPLATES } from './template.registry';

/** The generated reference is current as a whole by `npm run docs:check` (CI); here: nothing is missing. */
describe('docs/plantillas.md', () => {
  const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'plantillas.md'), 'utf8');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('lists every sheet and column of every template (npm run docs:emit)', () => {
    const section = doc.slice(doc.indexOf(DOCS_BEGIN), doc.indexOf(DOCS_END));
    for (const kind of Object.values(ImportKind)) {
      expect(section).toContain(`### ${kind} — ${TEMPLATES[kind].title}`);
      for (const sheet of TEMPLATES[kind].sheets) {
        const at = section.indexOf(`#### Hoja «${sheet.name}»`);
        expect({ sheet: sheet.name, at: at >= 0 }).toEqual({ sheet: sheet.name, at: true });
        for (const c of sheet.columns) {
          expect({
            column: c.header,
            listed: new RegExp(`^\\| ${escape(c.header)} +\\| ${c.required ? 'sí' : 'no'} `, 'm').test(section.slice(at)),
          }).toEqual({
            column: c.header,
            listed: true,
          });
        }
      }
    }
  });
});
