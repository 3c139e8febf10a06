import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReportBasis } from '../../domain/enums';
import { ObjectiveRecord, OrgEntityRecord, PolicyRecord, ProductRecord, SectorRecord } from '../../entities';
import { PolicyProgressResult } from '../../calculation/types';
import { policyProducts } from '../policy-products';
import { GraphQLContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { FirstArg, firstItems } from '../types/list-args';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { PolicyProductFilterInput, ProductSort } from '../types/filters.input';
import {
  AggregateProgressType,
  EntityProgressType,
  ObjectiveProgressType,
  PolicyProgressType,
  ProductProgressType,
  SectorProgressType,
} from '../types/progress.type';

const PolicyProductConnection = Connection(ProductRecord, 'PolicyProduct');
const CUT = 'Cut date (YYYY-MM-DD); default today in the server time zone (TZ_REPORTS, default America/Bogota).';
const BASIS = 'Which reported values count: APPROVED (default; the last value the office approved) or SUBMITTED (the latest value sent).';

@Resolver(() => PolicyRecord)
export class PolicyProgressResolver {
  @FieldResolver(() => PolicyProgressType, { description: 'Progress of the whole policy at a cut, with breakdowns (docs/calculation.md).' })
  progress(
    @Root() p: PolicyRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('cut', () => DateScalar, { nullable: true, description: CUT }) cut?: string,
    @Arg('basis', () => ReportBasis, { defaultValue: ReportBasis.APPROVED, description: BASIS }) basis?: ReportBasis,
  ) {
    return ctx.progress.policy(p.id, cut, basis);
  }

  @FieldResolver(() => PolicyProductConnection, {
    description: 'Products of the policy, filterable by computed figures at `cut` (traffic light, flags), sector, entity and objective.',
  })
  async products(
    @Root() p: PolicyRecord,
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => PolicyProductFilterInput, { nullable: true, description: 'Filters; all given must match.' })
    filter?: PolicyProductFilterInput,
    @Arg('cut', () => DateScalar, { nullable: true, description: CUT }) cut?: string,
    @Arg('orderBy', () => ProductSort, { defaultValue: ProductSort.CODE, description: 'Sort field.' }) orderBy?: ProductSort,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    return toConnection(
      await policyProducts(ctx, p.id, filter ?? {}, cut ?? null, page, orderBy ?? ProductSort.CODE, direction ?? SortDirectionEnum.ASC),
    );
  }
}

@Resolver(() => ObjectiveRecord)
export class ObjectiveProgressResolver {
  @FieldResolver(() => AggregateProgressType, { description: "The objective's figures at a cut, in policy-weight units." })
  async progress(
    @Root() o: ObjectiveRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('cut', () => DateScalar, { nullable: true, description: CUT }) cut?: string,
    @Arg('basis', () => ReportBasis, { defaultValue: ReportBasis.APPROVED, description: BASIS }) basis?: ReportBasis,
  ) {
    return await ctx.progress.objective(o.policyId, o.id, cut, basis);
  }
}

@Resolver(() => ProductRecord)
export class ProductProgressResolver {
  @FieldResolver(() => ProductProgressType, { description: "The product's figures at a cut (docs/calculation.md §2-5)." })
  async progress(
    @Root() p: ProductRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('cut', () => DateScalar, { nullable: true, description: CUT }) cut?: string,
    @Arg('basis', () => ReportBasis, { defaultValue: ReportBasis.APPROVED, description: BASIS }) basis?: ReportBasis,
  ) {
    return (await ctx.progress.product(p, cut, basis)).progress;
  }
}

/**
 * Breakdowns of a policy's progress have one entry per objective, sector or entity with products: they grow
 * with the plan, so they are bounded and priced like any list. The default (100) keeps the api.md dashboard
 * well under half the cost limit; a plan with more objectives than that asks for `byObjective(first: 1000)`.
 */
export const BREAKDOWN_SIZES = { byObjective: 100, bySector: 100, byEntity: 100 } as const;

@Resolver(() => PolicyProgressType)
export class PolicyProgressBreakdownResolver {
  @FieldResolver(() => [ObjectiveProgressType], { description: 'One entry per objective with products, by objective id.' })
  byObjective(@Root() p: PolicyProgressResult, @Ctx() ctx: GraphQLContext, @FirstArg(BREAKDOWN_SIZES.byObjective) first: number) {
    return firstItems(p.byObjective, first, ctx.config.maxPageSize, BREAKDOWN_SIZES.byObjective);
  }

  @FieldResolver(() => [SectorProgressType], { description: 'One entry per sector with products.' })
  bySector(@Root() p: PolicyProgressResult, @Ctx() ctx: GraphQLContext, @FirstArg(BREAKDOWN_SIZES.bySector) first: number) {
    return firstItems(p.bySector, first, ctx.config.maxPageSize, BREAKDOWN_SIZES.bySector);
  }

  @FieldResolver(() => [EntityProgressType], { description: 'One entry per responsible entity.' })
  byEntity(@Root() p: PolicyProgressResult, @Ctx() ctx: GraphQLContext, @FirstArg(BREAKDOWN_SIZES.byEntity) first: number) {
    return firstItems(p.byEntity, first, ctx.config.maxPageSize, BREAKDOWN_SIZES.byEntity);
  }
}

@Resolver(() => ObjectiveProgressType)
export class ObjectiveProgressTypeResolver {
  @FieldResolver(() => ObjectiveRecord, { description: 'The objective.' })
  objective(@Root() o: ObjectiveProgressType, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(ObjectiveRecord).load(o.objectiveId);
  }
}

@Resolver(() => SectorProgressType)
export class SectorProgressTypeResolver {
  @FieldResolver(() => SectorRecord, { description: 'The sector.' })
  sector(@Root() s: SectorProgressType, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(SectorRecord).load(s.sectorId);
  }
}

@Resolver(() => EntityProgressType)
export class EntityProgressTypeResolver {
  @FieldResolver(() => OrgEntityRecord, { description: 'The responsible entity.' })
  entity(@Root() e: EntityProgressType, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrgEntityRecord).load(e.entityId);
  }
}
