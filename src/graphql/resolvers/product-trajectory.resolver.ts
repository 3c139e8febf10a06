import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { closedPeriods } from '../../calculation/period-calendar';
import { PolicyRecord, ProductRecord } from '../../entities';
import { NotFoundError } from '../../services/errors';
import { GraphQLContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { FirstArg, firstItems, PERIOD_SERIES_SIZE } from '../types/list-args';
import { ProductProgressType } from '../types/progress.type';

@ObjectType('ProductTrajectoryPoint', {
  description: "A product's figures at the end of one of its reporting periods (its light history).",
})
export class ProductTrajectoryPoint {
  @Field(() => Int, { description: 'Year (vigencia) of the period.' })
  year!: number;

  @Field(() => String, { description: 'Period code (ANUAL, S1, T2, M03…).' })
  period!: string;

  @Field(() => DateScalar, { description: 'Last day of the period: the cut the figures are computed at.' })
  periodEnd!: string;

  @Field(() => ProductProgressType, { description: 'The product’s figures with the period end as cut.' })
  progress!: ProductProgressType;
}

/** The product's progress at each period end up to a cut: the web product page's trajectory chart and light history. */
@Resolver(() => ProductRecord)
export class ProductTrajectoryResolver {
  @FieldResolver(() => [ProductTrajectoryPoint], {
    description:
      'Figures at the end of every reporting period of the horizon closed at the cut (oldest first): achieved vs goal over time and the light at each period end.',
  })
  async trajectory(
    @Root() product: ProductRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('cut', () => DateScalar, {
      nullable: true,
      description: 'Cut date (YYYY-MM-DD); default today in the server time zone (TZ_REPORTS).',
    })
    cut: string | undefined,
    @FirstArg(PERIOD_SERIES_SIZE) first: number,
  ): Promise<ProductTrajectoryPoint[]> {
    const policy = await ctx.loaders.byId(PolicyRecord).load(product.policyId);
    if (!policy) throw new NotFoundError(`Policy ${product.policyId} does not exist`);
    const periods = closedPeriods(
      product.periodicity,
      { startYear: policy.startYear, vigencias: policy.vigencias },
      ctx.progress.cutOf(cut),
    );
    const points: ProductTrajectoryPoint[] = [];
    for (const period of periods) {
      const { progress } = await ctx.progress.product(product, period.end);
      points.push({ year: period.year, period: period.code, periodEnd: period.end, progress: progress as ProductProgressType });
    }
    return firstItems(points, first, ctx.config.maxPageSize, PERIOD_SERIES_SIZE);
  }
}
