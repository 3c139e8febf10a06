/**
 * Field-level rule for import batches (docs/security.md#import-batches), applied to the built schema so
 * that it holds for every field of `ImportBatch`, including fields added later: unless a field is listed
 * here as a count, state or timing, it reads null for viewers with SUMMARY access (VIEWER, public read).
 * A new field that must stay visible to them has to be added to the list, with a reason; a new non-null
 * field is refused (FORBIDDEN) rather than leaked. test/security/access-matrix.test.ts checks every field.
 */
import { GraphQLFieldResolver, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, defaultFieldResolver } from 'graphql';
import { ImportBatchRecord } from '../entities';
import { batchAccess } from '../services/access';
import { ForbiddenError } from '../services/errors';
import { GraphQLContext } from './context';

/** Fields of ImportBatch readable with SUMMARY access: counts, states and timings, no content or identity. */
// Counts, states and timings; issueTotals holds counts per code, sheet and column, never a cell value.
export const BATCH_SUMMARY_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'status',
  'attempts',
  'createdAt',
  'startedAt',
  'finishedAt',
  'sizeBytes',
  'rowsRead',
  'rowsInserted',
  'rowsUpdated',
  'rowsUnchanged',
  'rowsRejected',
  'errorCount',
  'warningCount',
  'parseMs',
  'validateMs',
  'importMs',
  'issueTotals',
]);

export function guardImportBatchFields(schema: GraphQLSchema): void {
  const type = schema.getType('ImportBatch');
  if (!(type instanceof GraphQLObjectType)) throw new Error('the schema has no ImportBatch type');
  for (const field of Object.values(type.getFields())) {
    if (BATCH_SUMMARY_FIELDS.has(field.name)) continue;
    const resolve: GraphQLFieldResolver<ImportBatchRecord, GraphQLContext> = field.resolve ?? defaultFieldResolver;
    const nonNull = field.type instanceof GraphQLNonNull;
    field.resolve = (batch: ImportBatchRecord, args, ctx: GraphQLContext, info) => {
      if (batchAccess(ctx.viewer, batch) === 'FULL') return resolve(batch, args, ctx, info);
      if (nonNull) throw new ForbiddenError(`ImportBatch.${field.name} is readable by ADMIN and the uploading entity only.`);
      return null;
    };
  }
}
