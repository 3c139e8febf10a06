import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  GoalRecord,
  ImportBatchRecord,
  ObjectiveRecord,
  OrgEntityRecord,
  PolicyRecord,
  ProductRecord,
  ProductReviewRecord,
  ProgressReportChangeRecord,
  ProgressReportRecord,
  SectorRecord,
} from '../../entities';
import { paginateArray } from '../../services/pagination';
import { GraphQLContext } from '../context';
import { FirstArg, firstItems, PERIOD_SERIES_SIZE } from '../types/list-args';
import { parseId } from '../ids';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { ProductFilterInput, ProductSort, ProgressReportFilterInput } from '../types/filters.input';
import { exactlyOne, optionalId } from './args';

const ProductConnection = Connection(ProductRecord, 'Product');
const ProgressReportConnection = Connection(ProgressReportRecord, 'ProgressReport');

@Resolver(() => ProductRecord)
export class ProductResolver {
  @Query(() => ProductRecord, { nullable: true, description: 'A product by id, or by policy code and product code.' })
  product(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('policyCode', () => String, { nullable: true, description: 'Policy code.' }) policyCode?: string,
    @Arg('code', () => String, { nullable: true, description: 'Natural key: the code.' }) code?: string,
  ): Promise<ProductRecord | null> {
    exactlyOne({ id, policyCode, code }, [['id'], ['policyCode', 'code']]);
    return id ? ctx.loaders.byId(ProductRecord).load(parseId(id)) : ctx.services.policies.productByKey(policyCode!, code!);
  }

  @Query(() => ProductConnection, { description: 'Products across policies, filtered by policy, objective, sector and entity.' })
  async products(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => ProductFilterInput, { nullable: true, description: 'Filters; all given must match.' }) filter?: ProductFilterInput,
    @Arg('orderBy', () => ProductSort, { defaultValue: ProductSort.CODE, description: 'Sort field.' }) orderBy?: ProductSort,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    return toConnection(
      await ctx.services.policies.products(filter ?? {}, page, orderBy ?? ProductSort.CODE, direction ?? SortDirectionEnum.ASC),
    );
  }

  @Query(() => ProgressReportConnection, { description: 'Progress reports by year, filtered by policy, product, year, period and batch.' })
  async progressReports(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => ProgressReportFilterInput, { nullable: true, description: 'Filters; all given must match.' })
    filter?: ProgressReportFilterInput,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    const f = filter ?? {};
    const importBatchId = optionalId(f.importBatchId, 'filter.importBatchId');
    // A batch the viewer may not see (ENTITY: another entity's) matches nothing, as if it did not exist.
    if (
      importBatchId !== null &&
      !ctx.services.importBatches.visible(ctx.viewer, await ctx.loaders.byId(ImportBatchRecord).load(importBatchId))
    ) {
      return toConnection(paginateArray<ProgressReportRecord>([], { value: (r) => r.id, direction: 'ASC' }, page, ctx.config.maxPageSize));
    }
    return toConnection(await ctx.services.policies.reports({ ...f, importBatchId }, page, direction ?? SortDirectionEnum.ASC));
  }

  @Query(() => ProgressReportRecord, {
    nullable: true,
    description: 'A progress report by id, or by policy code, product code, year and period.',
  })
  progressReport(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('policyCode', () => String, { nullable: true, description: 'Policy code.' }) policyCode?: string,
    @Arg('productCode', () => String, { nullable: true, description: 'Product code.' }) productCode?: string,
    @Arg('year', () => Int, { nullable: true, description: 'Year.' }) year?: number,
    @Arg('period', () => String, { nullable: true, description: 'Period: ANUAL, S1, T2, M07…' }) period?: string,
  ): Promise<ProgressReportRecord | null> {
    exactlyOne({ id, policyCode, productCode, year, period }, [['id'], ['policyCode', 'productCode', 'year', 'period']]);
    return id
      ? ctx.loaders.byId(ProgressReportRecord).load(parseId(id))
      : ctx.services.policies.reportByKey(policyCode!, productCode!, year!, period!);
  }

  @FieldResolver(() => PolicyRecord, { description: 'Policy of the product.' })
  policy(@Root() p: ProductRecord, @Ctx() ctx: GraphQLContext): Promise<PolicyRecord | null> {
    return ctx.loaders.byId(PolicyRecord).load(p.policyId);
  }

  @FieldResolver(() => ObjectiveRecord, { description: 'Objective the product serves.' })
  objective(@Root() p: ProductRecord, @Ctx() ctx: GraphQLContext): Promise<ObjectiveRecord | null> {
    return ctx.loaders.byId(ObjectiveRecord).load(p.objectiveId);
  }

  @FieldResolver(() => OrgEntityRecord, { description: 'Responsible entity.' })
  responsibleEntity(@Root() p: ProductRecord, @Ctx() ctx: GraphQLContext): Promise<OrgEntityRecord | null> {
    return ctx.loaders.byId(OrgEntityRecord).load(p.responsibleEntityId);
  }

  @FieldResolver(() => SectorRecord, { nullable: true, description: "Sector of the product: its responsible entity's sector." })
  async sector(@Root() p: ProductRecord, @Ctx() ctx: GraphQLContext): Promise<SectorRecord | null> {
    const e = await ctx.loaders.byId(OrgEntityRecord).load(p.responsibleEntityId);
    return e?.sectorId ? ctx.loaders.byId(SectorRecord).load(e.sectorId) : null;
  }

  @FieldResolver(() => [OrgEntityRecord], { description: 'Co-responsible entities, in the order of the plan.' })
  async coResponsibleEntities(@Root() p: ProductRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<OrgEntityRecord[]> {
    const links = await ctx.loaders.coResponsiblesByProductId.load(p.id);
    const found = await ctx.loaders.byId(OrgEntityRecord).loadMany(links.map((l) => l.entityId));
    return firstItems(await found.filter((e): e is OrgEntityRecord => e instanceof OrgEntityRecord), first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => [GoalRecord], { description: 'Goals per year (and period when the plan gives them).' })
  async goals(@Root() p: ProductRecord, @Ctx() ctx: GraphQLContext, @FirstArg(PERIOD_SERIES_SIZE) first: number): Promise<GoalRecord[]> {
    return firstItems(await ctx.loaders.goalsByProductId.load(p.id), first, ctx.config.maxPageSize, PERIOD_SERIES_SIZE);
  }

  @FieldResolver(() => [ProgressReportRecord], { description: 'Progress reports, by year and period.' })
  async reports(
    @Root() p: ProductRecord,
    @Ctx() ctx: GraphQLContext,
    @FirstArg(PERIOD_SERIES_SIZE) first: number,
  ): Promise<ProgressReportRecord[]> {
    return firstItems(await ctx.loaders.reportsByProductId.load(p.id), first, ctx.config.maxPageSize, PERIOD_SERIES_SIZE);
  }

  @FieldResolver(() => [ProductReviewRecord], { description: 'Sessions that reviewed this product (retroalimentación).' })
  async reviews(@Root() p: ProductRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<ProductReviewRecord[]> {
    return firstItems(await ctx.loaders.reviewsByProductId.load(p.id), first, ctx.config.maxPageSize);
  }
}

@Resolver(() => GoalRecord)
export class GoalResolver {
  @FieldResolver(() => String, { nullable: true, description: "Period of the goal (S1, T3, M07…); null for the whole year's goal." })
  period(@Root() g: GoalRecord): string | null {
    return g.period === '' ? null : g.period;
  }
}

@Resolver(() => ProgressReportRecord)
export class ProgressReportResolver {
  @FieldResolver(() => ProductRecord, { description: 'Product reported.' })
  product(@Root() r: ProgressReportRecord, @Ctx() ctx: GraphQLContext): Promise<ProductRecord | null> {
    return ctx.loaders.byId(ProductRecord).load(r.productId);
  }

  @FieldResolver(() => [ProgressReportChangeRecord], { description: 'Earlier values this report replaced, oldest first.' })
  async history(
    @Root() r: ProgressReportRecord,
    @Ctx() ctx: GraphQLContext,
    @FirstArg() first: number,
  ): Promise<ProgressReportChangeRecord[]> {
    return firstItems(await ctx.loaders.reportChangesByReportId.load(r.id), first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => ImportBatchRecord, {
    nullable: true,
    description: "Import batch that last wrote the report; null for an ENTITY token when another entity's key uploaded it.",
  })
  async importBatch(@Root() r: ProgressReportRecord, @Ctx() ctx: GraphQLContext): Promise<ImportBatchRecord | null> {
    if (!r.importBatchId) return null;
    return ctx.services.importBatches.visible(ctx.viewer, await ctx.loaders.byId(ImportBatchRecord).load(r.importBatchId));
  }
}
