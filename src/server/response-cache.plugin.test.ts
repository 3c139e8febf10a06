import { parse } from 'graphql';
import { buildAppSchema } from '../graphql/schema';
import { Role } from '../services/viewer';
import { answerablePolicies, viewerClass } from './response-cache.plugin';
import { DASHBOARD_QUERY } from '../../test/support/dashboard-query';

describe('response cache allow-list', () => {
  const codes = async (query: string, variables: Record<string, unknown> = {}) =>
    answerablePolicies(await buildAppSchema(), parse(query), variables);

  it('answers the dashboard query and other reads of named policies', async () => {
    expect(await codes(DASHBOARD_QUERY, { code: 'L28', cut: '2025-06-30' })).toEqual(['L28']);
    expect(await codes('{ a: policy(code: "B") { name } b: policy(code: "A") { code __typename } }')).toEqual(['A', 'B']);
    expect(
      await codes(
        `query ($c: String!, $on: Boolean!) { policy(code: $c) { ...F progress @include(if: $on) { cut } } }
        fragment F on Policy { objectives { number text } products(filter: { sector: "Mujer" }) { totalCount edges { node { code status } } } }`,
        {
          c: 'X',
          on: true,
        },
      ),
    ).toEqual(['X']);
  });

  it.each([
    ['a mutation', 'mutation { approveReports(ids: ["1"]) { count } }'],
    ['a root field other than policy(code:)', '{ policies { totalCount } }'],
    ['policy by id', '{ policy(id: "1") { name } }'],
    ['a root field beside policy', '{ policy(code: "A") { name } viewer { role } }'],
    ["entities (names outside the policy's data)", '{ policy(code: "A") { leadEntity { name } } }'],
    ["a product's entity", '{ policy(code: "A") { products { nodes { responsibleEntity { name } } } } }'],
    ['the breakdown by entity', '{ policy(code: "A") { progress { byEntity { entity { name } } } } }'],
    ["a sector's entities", '{ policy(code: "A") { progress { bySector { sector { entities { name } } } } } }'],
    ['published cuts', '{ policy(code: "A") { publishedCuts { title } } }'],
    ['closed periods', '{ policy(code: "A") { closedPeriods { year } } }'],
    ['reports (import batches, reviews)', '{ policy(code: "A") { products { nodes { reports { value } } } } }'],
    ['reviews', '{ policy(code: "A") { products { nodes { reviews { id } } } } }'],
    ['an unknown directive', '{ policy(code: "A") { name @deprecated } }'],
    ['a fragment reading another type', '{ policy(code: "A") { name } } fragment T on Query { apiTokens { name } }'],
    ['introspection', '{ policy(code: "A") { name } __schema { types { name } } }'],
  ])('refuses %s', async (_label, query) => {
    expect(await codes(query)).toBeNull();
  });

  it('refuses a code that is not a string literal or a string variable', async () => {
    expect(await codes('query ($c: String) { policy(code: $c) { name } }', {})).toBeNull();
    expect(await codes('query ($c: String) { policy(code: $c) { name } }', { c: 5 })).toBeNull();
  });

  it('keys viewers by role and entity', () => {
    const v = (role: Role | null, entityId: number | null) => viewerClass({ role, entityId, name: 'x', tokenId: 1 });
    expect(new Set([v(Role.ADMIN, null), v(Role.VIEWER, null), v(Role.ENTITY, 1), v(Role.ENTITY, 2)]).size).toBe(4);
    expect(v(Role.VIEWER, null)).toBe(viewerClass({ role: Role.VIEWER, entityId: null, name: 'anonymous', tokenId: null }));
    expect(v(null, null)).toBeNull();
  });
});
