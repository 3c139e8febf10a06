import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ObjectiveRecord, OrgEntityRecord, PolicyRecord, ProductRecord } from '../../entities';
import { GraphQLContext } from '../context';
import { FirstArg, firstItems } from '../types/list-args';
import { parseId } from '../ids';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { PolicyFilterInput } from '../types/filters.input';
import { exactlyOne } from './args';

const PolicyConnection = Connection(PolicyRecord, 'Policy');

@Resolver(() => PolicyRecord)
export class PolicyResolver {
  @Query(() => PolicyRecord, { nullable: true, description: 'A policy by id or by code.' })
  async policy(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Natural key: the code.' }) code?: string,
  ): Promise<PolicyRecord | null> {
    exactlyOne({ id, code }, [['id'], ['code']]);
    if (id) return ctx.loaders.byId(PolicyRecord).load(parseId(id));
    const policy = await ctx.services.policies.policyByCode(code!);
    // Nested fields (progress) read the policy by id: give them this row instead of a second SELECT.
    if (policy) ctx.loaders.byId(PolicyRecord).prime(policy.id, policy);
    return policy;
  }

  @Query(() => PolicyConnection, { description: 'Policies by code, filtered by lead entity or text.' })
  async policies(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => PolicyFilterInput, { nullable: true, description: 'Filters; all given must match.' }) filter?: PolicyFilterInput,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    return toConnection(await ctx.services.policies.policies(filter ?? {}, page, direction ?? SortDirectionEnum.ASC));
  }

  @FieldResolver(() => OrgEntityRecord, { nullable: true, description: 'Lead entity of the policy.' })
  leadEntity(@Root() p: PolicyRecord, @Ctx() ctx: GraphQLContext): Promise<OrgEntityRecord | null> | null {
    return p.leadEntityId ? ctx.loaders.byId(OrgEntityRecord).load(p.leadEntityId) : null;
  }

  @FieldResolver(() => Int, { description: 'Last year of the plan: startYear + vigencias − 1.' })
  endYear(@Root() p: PolicyRecord): number {
    return p.startYear + p.vigencias - 1;
  }

  @FieldResolver(() => [ObjectiveRecord], { description: 'Specific objectives, by number.' })
  async objectives(@Root() p: PolicyRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<ObjectiveRecord[]> {
    return firstItems(await ctx.loaders.objectivesByPolicyId.load(p.id), first, ctx.config.maxPageSize);
  }
}

@Resolver(() => ObjectiveRecord)
export class ObjectiveResolver {
  @Query(() => ObjectiveRecord, { nullable: true, description: 'An objective by id, or by policy code and number.' })
  objective(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('policyCode', () => String, { nullable: true, description: 'Policy code.' }) policyCode?: string,
    @Arg('number', () => Int, { nullable: true, description: 'Number within its parent (objective number, session number).' })
    number?: number,
  ): Promise<ObjectiveRecord | null> {
    exactlyOne({ id, policyCode, number }, [['id'], ['policyCode', 'number']]);
    return id ? ctx.loaders.byId(ObjectiveRecord).load(parseId(id)) : ctx.services.policies.objectiveByKey(policyCode!, number!);
  }

  @FieldResolver(() => PolicyRecord, { description: 'Policy of the objective.' })
  policy(@Root() o: ObjectiveRecord, @Ctx() ctx: GraphQLContext): Promise<PolicyRecord | null> {
    return ctx.loaders.byId(PolicyRecord).load(o.policyId);
  }

  @FieldResolver(() => [ProductRecord], { description: 'Products of the objective.' })
  async products(@Root() o: ObjectiveRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<ProductRecord[]> {
    return firstItems(await ctx.loaders.productsByObjectiveId.load(o.id), first, ctx.config.maxPageSize);
  }
}
