import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ImportIssueSeverity } from '../../domain/enums';
import { ImportBatchRecord, ImportIssueRecord } from '../../entities';
import { GraphQLContext } from '../context';
import { parseId } from '../ids';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { ImportBatchFilterInput, ImportBatchSort } from '../types/filters.input';

const ImportBatchConnection = Connection(ImportBatchRecord, 'ImportBatch');

@Resolver(() => ImportBatchRecord)
export class ImportBatchResolver {
  @Query(() => ImportBatchRecord, { nullable: true, description: 'An import batch by id.' })
  importBatch(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Internal identifier.' }) id: string,
  ): Promise<ImportBatchRecord | null> {
    return ctx.loaders.byId(ImportBatchRecord).load(parseId(id));
  }

  @Query(() => ImportBatchConnection, {
    description: 'Import batches, newest first by default, filtered by status, kind, uploader and date.',
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
        filter ?? {},
        page,
        direction ?? SortDirectionEnum.DESC,
        orderBy ?? ImportBatchSort.CREATED_AT,
      ),
    );
  }

  @FieldResolver(() => [ImportIssueRecord], { description: 'Errors and warnings, in the order found; optionally one severity.' })
  async issues(
    @Root() b: ImportBatchRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('severity', () => ImportIssueSeverity, { nullable: true, description: 'Only this severity.' }) severity?: ImportIssueSeverity,
  ): Promise<ImportIssueRecord[]> {
    const all = await ctx.loaders.issuesByBatchId.load(b.id);
    return severity ? all.filter((i) => i.severity === severity) : all;
  }
}
