import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ImportBatchRecord, ImportIssueRecord } from '../../entities';
import { GraphQLContext } from '../context';
import { parseId } from '../ids';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { ImportBatchFilterInput, ImportBatchSort, ImportIssueFilterInput } from '../types/filters.input';

const ImportBatchConnection = Connection(ImportBatchRecord, 'ImportBatch');
const ImportIssueConnection = Connection(ImportIssueRecord, 'ImportIssue');

/** What each role reads of a batch is decided in services/access.ts (batchAccess) and graphql/batch-access.ts. */
@Resolver(() => ImportBatchRecord)
export class ImportBatchResolver {
  @Query(() => ImportBatchRecord, {
    nullable: true,
    description: "An import batch by id; null when it does not exist or is another entity's (ENTITY tokens).",
  })
  async importBatch(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Internal identifier.' }) id: string,
  ): Promise<ImportBatchRecord | null> {
    return ctx.services.importBatches.visible(ctx.viewer, await ctx.loaders.byId(ImportBatchRecord).load(parseId(id)));
  }

  @Query(() => ImportBatchConnection, {
    description:
      "Import batches, newest first by default, filtered by status, kind, uploader and date. An ENTITY token lists its entity's batches only.",
  })
  async importBatches(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => ImportBatchFilterInput, { nullable: true, description: 'Filters; all given must match.' })
    filter?: ImportBatchFilterInput,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.DESC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
    @Arg('orderBy', () => ImportBatchSort, { defaultValue: ImportBatchSort.CREATED_AT, description: 'Sort field.' })
    orderBy?: ImportBatchSort,
  ) {
    return toConnection(
      await ctx.services.importBatches.batches(
        ctx.viewer,
        filter ?? {},
        page,
        direction ?? SortDirectionEnum.DESC,
        orderBy ?? ImportBatchSort.CREATED_AT,
      ),
    );
  }

  @FieldResolver(() => ImportIssueConnection, {
    nullable: true,
    description:
      'Errors and warnings in the order found, a page at a time, optionally filtered. At most IMPORT_MAX_ISSUES_PER_CODE of each code are ' +
      'stored; `issueTotals` counts them all. Null for VIEWER and public read (they carry cell values).',
  })
  async issues(
    @Root() b: ImportBatchRecord,
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => ImportIssueFilterInput, { nullable: true, description: 'Filters; all given must match.' })
    filter?: ImportIssueFilterInput,
  ) {
    const key = JSON.stringify([b.id, filter ?? {}, page.first ?? null, page.after ?? null]);
    let hit = ctx.loaders.issuePages.get(key) as ReturnType<typeof ctx.services.importBatches.issues> | undefined;
    if (!hit) {
      hit = ctx.services.importBatches.issues(b.id, filter ?? {}, page);
      ctx.loaders.issuePages.set(key, hit);
    }
    return toConnection(await hit);
  }
}
