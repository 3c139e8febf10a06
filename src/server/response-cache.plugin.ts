/**
 * Whole-response cache (docs/scaling.md, «Caché de respuestas»): a query whose answer is determined by the
 * data of the policies it names is answered from the process's ResponseCache when the same request (document,
 * operation, variables, viewer class, day) was answered at the same data versions of those policies.
 *
 * Which operations (`answerablePolicies`): an allow-list. Only queries; every root field `policy(code:)`;
 * below it only fields whose value comes from the policy's own rows (the policy, its objectives, results,
 * products, goals and reports, closed periods) and from the sectors of its products' entities, all of them
 * written only by writes that bump the policy's data version (data-version.service.ts: PLAN and REPORTE
 * imports, an entity's changes for the policies whose products it is responsible for, review decisions,
 * closing and reopening periods, publishing cuts). Left out: entities and people (names, contacts, other
 * policies' data), published cuts, import batches, reviews and sessions, tokens, the viewer, and any
 * directive but @include/@skip. The default cut is today: the day (TZ_REPORTS) is part of the key. Viewers
 * are keyed by role and entity (nothing under the allow-list reads more of them).
 *
 * Versions first: the policies' ids and versions are read in one statement on the request's server before
 * the operation runs, so whatever it reads is at least as new as the versions it is stored under (as the
 * figures cache does, graphql/progress-cache.ts). Answers with errors or a null policy are never stored.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import {
  DocumentNode,
  getNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  print,
  TypeInfo,
  ValueNode,
  visit,
  visitWithTypeInfo,
  BREAK,
} from 'graphql';
import { todayIn } from '../services/clock';
import { RecordLoadingService } from '../services/record-loading.service';
import { ResponseCache } from '../services/response-cache.service';
import { Viewer } from '../services/viewer';

/** Every field of these types may be read (scalars and the small measure types below them). */
const ANY_FIELD = new Set(['AggregateProgress', 'Measure', 'TrafficLightCounts', 'TrafficLightShares', 'PageInfo', 'ProductProgress']);

/** Fields that may be read per type; a type not here (and not in ANY_FIELD) may not be read at all. */
const ALLOWED: Record<string, ReadonlySet<string>> = {
  Query: new Set(['policy']),
  Policy: new Set([
    'id',
    'code',
    'name',
    'startYear',
    'endYear',
    'vigencias',
    'adoptionDate',
    'legalAct',
    'highThreshold',
    'mediumThreshold',
    'reviewRequired',
    'progress',
    'objectives',
    'products',
    'results',
  ]),
  Objective: new Set(['id', 'number', 'text', 'progress']),
  PolicyProgress: new Set(['cut', 'total', 'results', 'byObjective', 'bySector']),
  ObjectiveProgress: new Set(['objective', 'progress']),
  SectorProgress: new Set(['sector', 'progress']),
  Sector: new Set(['id', 'name']),
  PolicyProductConnection: new Set(['nodes', 'edges', 'pageInfo', 'totalCount']),
  PolicyProductEdge: new Set(['cursor', 'node']),
  PolicyResultConnection: new Set(['nodes', 'edges', 'pageInfo', 'totalCount']),
  PolicyResultEdge: new Set(['cursor', 'node']),
  Product: new Set([
    'id',
    'code',
    'name',
    'indicator',
    'unit',
    'periodicity',
    'annualizationType',
    'weight',
    'finalGoal',
    'baselineValue',
    'baselineDate',
    'status',
    'withdrawnFrom',
    'qualityFlags',
    'progress',
  ]),
  Result: new Set([
    'id',
    'code',
    'name',
    'indicator',
    'unit',
    'periodicity',
    'annualizationType',
    'weight',
    'finalGoal',
    'baselineValue',
    'qualityFlags',
    'progress',
  ]),
};

const ALLOWED_DIRECTIVES = new Set(['include', 'skip']);

function fieldAllowed(typeName: string, field: string): boolean {
  if (field === '__typename') return true;
  return ANY_FIELD.has(typeName) || (ALLOWED[typeName]?.has(field) ?? false);
}

/** Where a `policy(code:)` root field takes its code from: a literal or a variable. */
type CodeSource = { literal: string } | { variable: string };

/** The code source of a `policy(...)` root field, or null when it is not `code:` alone (a string or a variable). */
function codeSourceOf(args: readonly { name: { value: string }; value: ValueNode }[]): CodeSource | null {
  if (args.length !== 1 || args[0]!.name.value !== 'code') return null;
  const value = args[0]!.value;
  if (value.kind === Kind.STRING) return { literal: value.value };
  if (value.kind === Kind.VARIABLE) return { variable: value.name.value };
  return null;
}

/**
 * Whether every definition of the document (queries and fragments only, whichever operation runs) stays
 * within the allow-list above, and where its `policy(code:)` root fields take their codes from; null
 * when it may not be answered from the cache.
 */
function analyse(schema: GraphQLSchema, document: DocumentNode): CodeSource[] | null {
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) continue;
    if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== 'query') return null;
  }
  const sources: CodeSource[] = [];
  let ok = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive(node) {
        if (ALLOWED_DIRECTIVES.has(node.name.value)) return undefined;
        ok = false;
        return BREAK;
      },
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || !typeInfo.getFieldDef() || !fieldAllowed(getNamedType(parent).name, node.name.value)) {
          ok = false;
          return BREAK;
        }
        if (parent === schema.getQueryType() && node.name.value === 'policy') {
          const source = codeSourceOf(node.arguments ?? []);
          if (!source) {
            ok = false;
            return BREAK;
          }
          sources.push(source);
        }
        return undefined;
      },
    }),
  );
  return ok && sources.length > 0 ? sources : null;
}

/** Per parsed document (Apollo keeps one per distinct query text, so this is computed once per text). */
const analysed = new WeakMap<DocumentNode, { schema: GraphQLSchema; sources: CodeSource[] | null }>();

/**
 * The policy codes the operation reads, sorted, when its whole answer is determined by those policies'
 * data (the allow-list above); null when it may not be answered from the cache.
 */
export function answerablePolicies(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): string[] | null {
  let found = analysed.get(document);
  if (!found || found.schema !== schema) analysed.set(document, (found = { schema, sources: analyse(schema, document) }));
  if (!found.sources) return null;
  const codes = new Set<string>();
  for (const source of found.sources) {
    const code = 'literal' in source ? source.literal : variables[source.variable];
    if (typeof code !== 'string') return null;
    codes.add(code);
  }
  return [...codes].sort();
}

/** Viewers whose answers may differ are never given each other's: role and entity are part of the key. */
export function viewerClass(viewer: Viewer): string | null {
  if (viewer.role === null) return null;
  return `${viewer.role}:${viewer.entityId ?? ''}`;
}

/** JSON with object keys sorted, so the same variables always give the same key. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface PluginDeps {
  cache: ResponseCache;
  records: Pick<RecordLoadingService, 'policyVersionsByCode'>;
  timeZone: string;
}

/** Per parsed document (Apollo keeps one per distinct query text): its printed form. */
const printed = new WeakMap<DocumentNode, string>();

/** Did every `policy(code:)` root field of the answer find its policy? */
function policiesFound(data: Record<string, unknown>, operation: OperationDefinitionNode): boolean {
  for (const sel of operation.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) return false; // fragments at the root: not worth following
    if (sel.name.value === '__typename') continue;
    if (data[sel.alias?.value ?? sel.name.value] == null) return false;
  }
  return true;
}

export function responseCachePlugin<TContext extends { viewer: Viewer }>(deps: PluginDeps): ApolloServerPlugin<TContext> {
  const { cache } = deps;
  return {
    async requestDidStart() {
      if (!cache.enabled) return;
      let pending: { shape: string; versions: string } | null = null;
      return {
        async responseForOperation(rc: GraphQLRequestContext<TContext>) {
          const operation = rc.operation;
          const document = rc.document;
          if (!operation || !document || operation.operation !== 'query') return null;
          const viewer = viewerClass(rc.contextValue.viewer);
          if (viewer === null) return null;
          const variables = rc.request.variables ?? {};
          const codes = answerablePolicies(rc.schema, document, variables);
          if (!codes) return null;
          // Versions first, on the request's server (see the header).
          // A database outage here is answered like one met by a resolver (503 DATABASE_UNAVAILABLE).
          const found = await deps.records.policyVersionsByCode(codes);
          const byCode = new Map(found.map((p) => [p.code, p]));
          if (codes.some((c) => !byCode.has(c))) return null; // a policy that does not exist: executed, never stored
          let text = printed.get(document);
          if (text === undefined) printed.set(document, (text = print(document)));
          const shape = stableJson([text, rc.operationName ?? null, variables, viewer, todayIn(deps.timeZone)]);
          const versions = codes.map((c) => `${byCode.get(c)!.id}@${byCode.get(c)!.version}`).join(',');
          const data = cache.get(shape, versions);
          if (data) return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
          pending = { shape, versions };
          return null;
        },
        async willSendResponse({ response, operation }) {
          if (!pending || !operation || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || !result.data || !policiesFound(result.data, operation)) return;
          cache.set(pending.shape, pending.versions, result.data);
        },
      };
    },
  };
}
