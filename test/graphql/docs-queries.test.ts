import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

/** The queries the guides show are valid against schema.graphql (a guide that lies is worse than none). */
describe('GraphQL examples in the docs', () => {
  const root = path.join(__dirname, '..', '..');
  const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
  const examples = ['docs/guia-oficina.md', 'README.md'].flatMap((file) =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map(
      (m, i) => [`${file} #${i + 1}`, m[1]!] as const,
    ),
  );

  it('has examples', () => expect(examples.length).toBeGreaterThanOrEqual(4));

  it.each(examples)('%s is valid', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});
