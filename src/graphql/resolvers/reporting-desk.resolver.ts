import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { todayIn } from '../../services/clock';
import { DeskPeriodState, ReportingDesk } from '../../services/reporting-desk.service';
import { GraphQLContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { FirstArg, firstItems } from '../types/list-args';
import { DESK_ITEMS_SIZE, DESK_PERIODS_SIZE, DeskItemType, DeskPeriodType, ReportingDeskType } from '../types/reporting-desk.type';

function toType(desk: ReportingDesk): ReportingDeskType {
  const counts = { missing: 0, submitted: 0, approved: 0, returned: 0, closed: 0 };
  const key: Record<DeskPeriodState, keyof typeof counts> = {
    MISSING: 'missing',
    SUBMITTED: 'submitted',
    APPROVED: 'approved',
    RETURNED: 'returned',
    CLOSED: 'closed',
  };
  const allItems = desk.items.map(({ periods, ...item }) => {
    for (const p of periods) counts[key[p.state]]++;
    const pendingCount = periods.filter((p) => p.state === DeskPeriodState.MISSING || p.state === DeskPeriodState.RETURNED).length;
    return Object.assign(new DeskItemType(), item, { allPeriods: periods, periodCount: periods.length, pendingCount });
  });
  return Object.assign(new ReportingDeskType(), { entity: desk.entity, date: desk.date, allItems, itemCount: allItems.length, counts });
}

@Resolver(() => ReportingDeskType)
export class ReportingDeskResolver {
  @Query(() => ReportingDeskType, {
    description:
      "An entity's reporting desk: its products and results with the periods due at the date (docs/reportar.md). ENTITY: its own entity (another entityCode is FORBIDDEN); ADMIN: entityCode required; VIEWER and public read: FORBIDDEN.",
  })
  async reportingDesk(
    @Ctx() ctx: GraphQLContext,
    @Arg('entityCode', () => String, { nullable: true, description: 'Entity code (ADMIN: required; ENTITY: its own, or omitted).' })
    entityCode?: string | null,
    @Arg('date', () => DateScalar, {
      nullable: true,
      description: 'Date the periods are due at (YYYY-MM-DD); default today in TZ_REPORTS.',
    })
    date?: string | null,
  ): Promise<ReportingDeskType> {
    const entity = await ctx.services.reportingDesk.entityFor(ctx.viewer, entityCode);
    return toType(await ctx.services.reportingDesk.desk(entity, date ?? todayIn(ctx.config.timeZone)));
  }

  @FieldResolver(() => [DeskItemType], { description: 'Products then results, by policy and code (natural order).' })
  items(@Root() desk: ReportingDeskType, @Ctx() ctx: GraphQLContext, @FirstArg(DESK_ITEMS_SIZE) first: number): DeskItemType[] {
    return firstItems(desk.allItems, first, ctx.config.maxPageSize, DESK_ITEMS_SIZE);
  }
}

@Resolver(() => DeskItemType)
export class DeskItemResolver {
  @FieldResolver(() => [DeskPeriodType], { description: 'Due periods, newest first.' })
  periods(@Root() item: DeskItemType, @Ctx() ctx: GraphQLContext, @FirstArg(DESK_PERIODS_SIZE) first: number): DeskPeriodType[] {
    return firstItems(item.allPeriods, first, ctx.config.maxPageSize, DESK_PERIODS_SIZE) as DeskPeriodType[];
  }
}
