import { ReportBasis } from '../../domain/enums';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  ImportBatchRecord,
  ObjectiveRecord,
  OrgEntityRecord,
  PolicyRecord,
  ProductRecord,
  ResultGoalRecord,
  ResultRecord,
  ResultReportRecord,
} from '../../entities';
import { GraphQLContext } from '../context';
import { parseId } from '../ids';
import { policyResults } from '../policy-products';
import { DateScalar } from '../scalars/date.scalar';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { PolicyResultFilterInput } from '../types/filters.input';
import { FirstArg, firstItems, PERIOD_SERIES_SIZE } from '../types/list-args';
import { ProductProgressType } from '../types/progress.type';
import { exactlyOne } from './args';

const PolicyResultConnection = Connection(ResultRecord, 'PolicyResult');
const CUT = 'Cut date (YYYY-MM-DD); default today in the server time zone (TZ_REPORTS, default America/Bogota).';

@Resolver(() => ResultRecord)
export class ResultResolver {
  @Query(() => ResultRecord, { nullable: true, description: 'A result (resultado) by id, or by policy code and result code.' })
  result(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('policyCode', () => String, { nullable: true, description: 'Policy code.' }) policyCode?: string,
    @Arg('code', () => String, { nullable: true, description: 'Natural key: the result code.' }) code?: string,
  ): Promise<ResultRecord | null> {
    exactlyOne({ id, policyCode, code }, [['id'], ['policyCode', 'code']]);
    return id ? ctx.loaders.byId(ResultRecord).load(parseId(id)) : ctx.services.policies.resultByKey(policyCode!, code!);
  }

  @FieldResolver(() => PolicyRecord, { description: 'Policy of the result.' })
  policy(@Root() r: ResultRecord, @Ctx() ctx: GraphQLContext): Promise<PolicyRecord | null> {
    return ctx.loaders.byId(PolicyRecord).load(r.policyId);
  }

  @FieldResolver(() => ObjectiveRecord, { description: 'Objective the result serves.' })
  objective(@Root() r: ResultRecord, @Ctx() ctx: GraphQLContext): Promise<ObjectiveRecord | null> {
    return ctx.loaders.byId(ObjectiveRecord).load(r.objectiveId);
  }

  @FieldResolver(() => OrgEntityRecord, { nullable: true, description: 'Responsible entity, when the plan names one.' })
  responsibleEntity(@Root() r: ResultRecord, @Ctx() ctx: GraphQLContext): Promise<OrgEntityRecord | null> | null {
    return r.responsibleEntityId ? ctx.loaders.byId(OrgEntityRecord).load(r.responsibleEntityId) : null;
  }

  @FieldResolver(() => [ProductRecord], { description: 'Products that belong to the result (vigentes and withdrawn), by id.' })
  async products(@Root() r: ResultRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<ProductRecord[]> {
    return firstItems(await ctx.loaders.productsByResultId.load(r.id), first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => [ResultGoalRecord], { description: 'Goals per year (and period when the plan gives them).' })
  async goals(
    @Root() r: ResultRecord,
    @Ctx() ctx: GraphQLContext,
    @FirstArg(PERIOD_SERIES_SIZE) first: number,
  ): Promise<ResultGoalRecord[]> {
    return firstItems(await ctx.loaders.resultGoalsByResultId.load(r.id), first, ctx.config.maxPageSize, PERIOD_SERIES_SIZE);
  }

  @FieldResolver(() => [ResultReportRecord], { description: 'Progress reports of the result indicator, by year and period.' })
  async reports(
    @Root() r: ResultRecord,
    @Ctx() ctx: GraphQLContext,
    @FirstArg(PERIOD_SERIES_SIZE) first: number,
  ): Promise<ResultReportRecord[]> {
    return firstItems(await ctx.loaders.resultReportsByResultId.load(r.id), first, ctx.config.maxPageSize, PERIOD_SERIES_SIZE);
  }

  @FieldResolver(() => ProductProgressType, {
    description: "The result indicator's figures at a cut, computed with the same functions as a product's (docs/calculation.md §2-5).",
  })
  async progress(
    @Root() r: ResultRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('cut', () => DateScalar, { nullable: true, description: CUT }) cut?: string,
    @Arg('basis', () => ReportBasis, {
      defaultValue: ReportBasis.APPROVED,
      description:
        'Which reported values count: APPROVED (default; the last value the office approved) or SUBMITTED (the latest value sent).',
    })
    basis?: ReportBasis,
  ) {
    return (await ctx.progress.result(r, cut, basis)).progress;
  }
}

@Resolver(() => ResultGoalRecord)
export class ResultGoalResolver {
  @FieldResolver(() => String, { nullable: true, description: "Period of the goal (S1, T3, BIENIO…); null for the whole year's goal." })
  period(@Root() g: ResultGoalRecord): string | null {
    return g.period === '' ? null : g.period;
  }
}

@Resolver(() => ResultReportRecord)
export class ResultReportResolver {
  @FieldResolver(() => ResultRecord, { description: 'Result reported.' })
  result(@Root() r: ResultReportRecord, @Ctx() ctx: GraphQLContext): Promise<ResultRecord | null> {
    return ctx.loaders.byId(ResultRecord).load(r.resultId);
  }

  @FieldResolver(() => ImportBatchRecord, { nullable: true, description: 'Import batch that last wrote the report.' })
  async importBatch(@Root() r: ResultReportRecord, @Ctx() ctx: GraphQLContext): Promise<ImportBatchRecord | null> {
    if (!r.importBatchId) return null;
    return ctx.services.importBatches.visible(ctx.viewer, await ctx.loaders.byId(ImportBatchRecord).load(r.importBatchId));
  }
}

@Resolver(() => PolicyRecord)
export class PolicyResultsResolver {
  @FieldResolver(() => PolicyResultConnection, {
    description: 'Result indicators (resultados) of the policy, by code, filterable by objective and by computed figures at `cut`.',
  })
  async results(
    @Root() p: PolicyRecord,
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => PolicyResultFilterInput, { nullable: true, description: 'Filters; all given must match.' })
    filter?: PolicyResultFilterInput,
    @Arg('cut', () => DateScalar, { nullable: true, description: CUT }) cut?: string,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    return toConnection(await policyResults(ctx, p.id, filter ?? {}, cut ?? null, page, direction ?? SortDirectionEnum.ASC));
  }
}

@Resolver(() => ObjectiveRecord)
export class ObjectiveResultsResolver {
  @FieldResolver(() => [ResultRecord], { description: 'Results (resultados) of the objective, by code; empty for a plan without results.' })
  async results(@Root() o: ObjectiveRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<ResultRecord[]> {
    return firstItems(await ctx.loaders.resultsByObjectiveId.load(o.id), first, ctx.config.maxPageSize);
  }
}

@Resolver(() => ProductRecord)
export class ProductResultResolver {
  @FieldResolver(() => ResultRecord, {
    nullable: true,
    description: 'Result the product belongs to; null when it sits straight under its objective.',
  })
  result(@Root() p: ProductRecord, @Ctx() ctx: GraphQLContext): Promise<ResultRecord | null> | null {
    return p.resultId ? ctx.loaders.byId(ResultRecord).load(p.resultId) : null;
  }
}
