/**
 * Limits every GraphQL operation must respect (docs/security.md), built on graphql-armor:
 *   - depth, aliases and directives: validation rules (checked once per distinct document);
 *   - tokens: graphql-js' own parser limit (`parseOptions.maxTokens`), checked before anything else;
 *   - cost: graphql-armor's cost model, evaluated per request once the variables are known, so a page size
 *     passed as `first: $n` counts like a literal and an omitted `first` counts as the default page size.
 * Refusals are GraphQL errors with HTTP 400, `extensions.code` GRAPHQL_VALIDATION_FAILED (tokens:
 * GRAPHQL_PARSE_FAILED) and `extensions.limit` naming the limit.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  ArgumentNode,
  DocumentNode,
  FieldNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  Kind,
  ParseOptions,
  TypeInfo,
  ValidationContext,
  ValidationRule,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { QueryLimits } from '../config/config';
import { DEFAULT_PAGE_SIZE } from '../services/pagination';

/** Value of `extensions.limit` on a refusal. */
export const QueryLimitName = {
  MAX_DEPTH: 'MAX_DEPTH',
  MAX_ALIASES: 'MAX_ALIASES',
  MAX_DIRECTIVES: 'MAX_DIRECTIVES',
  MAX_TOKENS: 'MAX_TOKENS',
  MAX_COST: 'MAX_COST',
} as const;
type QueryLimitName = (typeof QueryLimitName)[keyof typeof QueryLimitName];

type GraphQLArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/** Arguments that size a page; armor multiplies the cost of the sub-selection by them. */
const PAGE_ARGS = ['first', 'last'];

const OFF = { enabled: false } as const;
const ALL_OFF: GraphQLArmorConfig = {
  blockFieldSuggestion: OFF,
  costLimit: OFF,
  maxAliases: OFF,
  maxDepth: OFF,
  maxDirectives: OFF,
  maxTokens: OFF,
};

/** Armor's messages start with "Syntax Error: " whatever the limit; clients get the sentence alone. */
function refusal(limit: QueryLimitName, message: string): GraphQLError {
  return new GraphQLError(message.replace(/^Syntax Error:\s*/, ''), {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, http: { status: 400 } },
  });
}

/** Reports through the validation context (never throws out of `validate`, which Apollo would turn into a 500). */
function reporter(limit: QueryLimitName) {
  return {
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(refusal(limit, error.message))],
  };
}

/** Depth, alias and directive limits as graphql-js validation rules. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return new ApolloArmor({
    ...ALL_OFF,
    maxDepth: {
      enabled: true,
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: false,
      ...reporter(QueryLimitName.MAX_DEPTH),
    },
    // allowList empty: `a1: __typename … a9999: __typename` counts too.
    maxAliases: { enabled: true, n: limits.maxAliases, allowList: [], ...reporter(QueryLimitName.MAX_ALIASES) },
    maxDirectives: { enabled: true, n: limits.maxDirectives, ...reporter(QueryLimitName.MAX_DIRECTIVES) },
  }).protect().validationRules;
}

/** Parser options for Apollo: the token limit (graphql-js aborts parsing past it). */
export function queryParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** graphql-js' token-limit parse error, reworded like the other limits and marked with `extensions.limit`. */
export function describeTokenLimit(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT_MESSAGE.exec(formatted.message) : null;
  if (!match) return formatted;
  return {
    ...formatted,
    message: `Token limit of ${match[1]} exceeded.`,
    extensions: { ...formatted.extensions, limit: QueryLimitName.MAX_TOKENS },
  };
}

/** graphql-armor's cost rule, reporting through the validation context. */
export function costLimitRule(limits: QueryLimits): ValidationRule {
  const [rule] = new ApolloArmor({
    ...ALL_OFF,
    costLimit: {
      enabled: true,
      maxCost: limits.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ignoreIntrospection: true,
      ...reporter(QueryLimitName.MAX_COST),
    },
  }).protect().validationRules;
  if (!rule) throw new Error('graphql-armor returned no cost rule');
  return rule;
}

function intArgument(name: string, value: number): ArgumentNode {
  return { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value: { kind: Kind.INT, value: String(value) } };
}

/**
 * The document with every page size written as a literal: variables replaced by their values and an omitted
 * `first` by the default page size, so the cost model sees the real sizes.
 */
export function withLiteralPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  defaultPageSize = DEFAULT_PAGE_SIZE,
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode): FieldNode | undefined {
        const def = typeInfo.getFieldDef();
        const pageArg = def?.args.find((a) => PAGE_ARGS.includes(a.name));
        if (!pageArg) return undefined;
        const given = node.arguments?.find((a) => PAGE_ARGS.includes(a.name.value));
        // A list's own default (`first: Int! = 100`) when the schema gives one, else the connections' page.
        let size = typeof pageArg.defaultValue === 'number' ? pageArg.defaultValue : defaultPageSize;
        if (given?.value.kind === Kind.INT) return undefined;
        if (given?.value.kind === Kind.VARIABLE) {
          const v = variables[given.value.name.value];
          if (typeof v === 'number' && Number.isInteger(v)) size = v;
        }
        const others = (node.arguments ?? []).filter((a) => a !== given);
        return { ...node, arguments: [...others, intArgument(given?.name.value ?? pageArg.name, size)] };
      },
    }),
  );
}

/** Apollo plugin refusing operations whose estimated cost, with the request's variables, exceeds the limit. */
export function queryCostPlugin<TContext extends object>(
  limits: QueryLimits,
  defaultPageSize = DEFAULT_PAGE_SIZE,
): ApolloServerPlugin<TContext> {
  const rule = costLimitRule(limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request }) {
          const priced = withLiteralPageSizes(schema, document, request.variables ?? {}, defaultPageSize);
          const [error] = validate(schema, priced, [rule]);
          if (error) throw error;
        },
      };
    },
  };
}
