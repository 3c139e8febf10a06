import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
} from 'graphql';
import { loadConfig } from '../../src/config/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { firstItems } from '../../src/graphql/types/list-args';
import { costLimitRule, withLiteralPageSizes } from '../../src/server/graphql-limits';

/**
 * Lists whose size the schema itself bounds, so they need no `first`. Each entry says why; anything that
 * can grow with the data is a connection or takes a priced `first` instead.
 */
const BOUNDED_BY_SCHEMA: Record<string, string> = {
  'InstanceStats.sessions': 'one entry per SessionType: the enum bounds it',
  'Product.qualityFlags': 'a set of QualityFlag values, each at most once: the enum bounds it',
  'Result.qualityFlags': 'a set of QualityFlag values, each at most once: the enum bounds it',
  'ProductChange.fields': 'the names of the figures that differ: a fixed set of ProductProgress fields',
  'ReviewDecision.reports': 'a mutation result: the reports named in that mutation, bounded by the request size limits',
  'ReviewDecision.resultReportIds': 'a mutation result: the ids named in that mutation, bounded by the request size limits',
  'PublishedCutComparison.changes':
    'one entry per product of one policy that changed since publication: bounded by the policy, priced with the comparison (follow-up: page it)',
  'ImportBatch.issueTotals':
    'counts per issue code and column: bounded by the codes (a fixed list) × the columns of a sheet (IMPORT_MAX_COLUMNS)',
};

const MAX_PAGE_SIZE = loadConfig({}).maxPageSize;

function isConnectionType(type: GraphQLNamedType): type is GraphQLObjectType {
  return isObjectType(type) && /Connection$/.test(type.name) && 'pageInfo' in type.getFields() && 'nodes' in type.getFields();
}

function firstArg(field: GraphQLField<unknown, unknown>): GraphQLArgument | undefined {
  return field.args.find((a) => a.name === 'first' && getNamedType(a.type).name === 'Int');
}

/** Object types of the application (introspection types aside). */
function objectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
}

/** A literal for a required argument, so a path can be written down (the query is only priced, never run). */
function literalFor(arg: GraphQLArgument): string | null {
  const type = getNamedType(arg.type);
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.name;
  if (type instanceof GraphQLInputObjectType) return null;
  if (type instanceof GraphQLScalarType) {
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'true';
    if (type.name === 'Date') return '"2024-01-01"';
    return '"1"';
  }
  return null;
}

/** The shortest selection path from Query to each object type, as `field(args) {` openings. */
function pathsToTypes(schema: GraphQLSchema): Map<string, string[]> {
  const paths = new Map<string, string[]>([['Query', []]]);
  const queue: GraphQLObjectType[] = [schema.getQueryType()!];
  while (queue.length) {
    const type = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || paths.has(target.name)) continue;
      const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => [a.name, literalFor(a)]);
      if (args.some(([, v]) => v === null)) continue;
      const call = args.length ? `${field.name}(${args.map(([k, v]) => `${k}: ${v}`).join(', ')})` : field.name;
      paths.set(target.name, [...paths.get(type.name)!, call]);
      queue.push(target);
    }
  }
  return paths;
}

function leafOf(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return '';
  const scalar = Object.values(type.getFields()).find(
    (f) => !isObjectType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)),
  );
  return scalar ? `{ ${scalar.name} }` : '{ __typename }';
}

describe('every list that can grow with data is bounded and priced', () => {
  let schema: GraphQLSchema;
  let paths: Map<string, string[]>;
  beforeAll(async () => {
    schema = await buildAppSchema();
    paths = pathsToTypes(schema);
  });

  /** The cost graphql-armor computes for a document, with `first` inlined like the server does. */
  function cost(query: string): number {
    const doc = withLiteralPageSizes(schema, parse(query), {});
    const [error] = validate(schema, doc, [costLimitRule({ ...loadConfig({}).queryLimits, maxCost: 0 })]);
    const found = /found (\d+(?:\.\d+)?)/.exec(error?.message ?? '');
    if (!found) throw new Error(`no cost for ${query}: ${error?.message}`);
    return Number(found[1]);
  }

  function queryFor(parent: string, field: GraphQLField<unknown, unknown>, first: number | null): string {
    const path = paths.get(parent);
    if (!path) throw new Error(`no path from Query to ${parent}`);
    const target = getNamedType(field.type);
    const selection = isConnectionType(target) ? `{ nodes ${leafOf(getNamedType(target.getFields().nodes!.type))} }` : leafOf(target);
    const args = [
      ...field.args
        .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined && a.name !== 'first')
        .map((a) => `${a.name}: ${literalFor(a)}`),
      ...(first === null ? [] : [`first: ${first}`]),
    ];
    const call = args.length ? `${field.name}(${args.join(', ')})` : field.name;
    const open = [...path, call];
    return `{ ${open.join(' { ')} ${selection} ${' }'.repeat(path.length)} }`;
  }

  it('finds no list field of an object type that is not a connection page, not bounded by first, and not allow-listed', () => {
    const offenders: string[] = [];
    const connectionsReached = new Set<string>();
    for (const type of objectTypes(schema)) {
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isConnectionType(named)) {
          connectionsReached.add(named.name);
          if (!firstArg(field)) offenders.push(`${type.name}.${field.name}: a connection without "first"`);
          continue;
        }
        if (!isListType(getNullableType(field.type))) continue;
        const key = `${type.name}.${field.name}`;
        if (isConnectionType(type) && (field.name === 'nodes' || field.name === 'edges')) continue; // bounded by the connection's first
        if (BOUNDED_BY_SCHEMA[key]) continue;
        const first = firstArg(field);
        if (!first) {
          offenders.push(`${key}: a list without "first"`);
          continue;
        }
        if (typeof first.defaultValue !== 'number' || first.defaultValue < 1 || first.defaultValue > MAX_PAGE_SIZE) {
          offenders.push(`${key}: "first" needs a default between 1 and ${MAX_PAGE_SIZE}, has ${String(first.defaultValue)}`);
        }
      }
    }
    expect(offenders).toEqual([]);
    // Every connection type is reached only through fields that take "first" (checked above).
    const allConnections = objectTypes(schema)
      .filter(isConnectionType)
      .map((t) => t.name);
    expect([...connectionsReached].sort()).toEqual(allConnections.sort());
  });

  it('prices each bounded list by its first: the default when omitted, the value when given', () => {
    const unpriced: string[] = [];
    let checked = 0;
    for (const type of objectTypes(schema)) {
      if (!paths.has(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        const list = isListType(getNullableType(field.type)) && !isConnectionType(type);
        if (!(list || isConnectionType(getNamedType(field.type))) || !firstArg(field)) continue;
        const def = firstArg(field)!.defaultValue;
        const at10 = cost(queryFor(type.name, field, 10));
        const at1000 = cost(queryFor(type.name, field, 1000));
        const omitted = cost(queryFor(type.name, field, null));
        const expectedDefault = cost(queryFor(type.name, field, typeof def === 'number' ? def : 50));
        checked++;
        if (!(at1000 >= 50 * at10 && omitted === expectedDefault)) {
          unpriced.push(
            `${type.name}.${field.name}: cost at 10 = ${at10}, at 1000 = ${at1000}, omitted = ${omitted} (default ${expectedDefault})`,
          );
        }
      }
    }
    expect(unpriced).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  });

  it('keeps MAX_PAGE_SIZE the largest first of a plain list', () => {
    const big = MAX_PAGE_SIZE + 1;
    // The helper every plain list uses refuses beyond the maximum (connections: services/pagination.ts).
    expect(() => firstItems([1, 2, 3], big, MAX_PAGE_SIZE)).toThrow(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${big}`);
    expect(firstItems([1, 2, 3], 2, MAX_PAGE_SIZE)).toEqual([1, 2]);
  });
});
