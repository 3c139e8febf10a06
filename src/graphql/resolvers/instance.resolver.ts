import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { SessionStatus, SessionType } from '../../domain/enums';
import {
  InstanceFunctionRecord,
  InstanceRecord,
  MembershipRecord,
  OrgEntityRecord,
  PersonRecord,
  SessionRecord,
  SessionScheduleRecord,
} from '../../entities';
import { GraphQLContext } from '../context';
import { DEFAULT_LIST_SIZE, FirstArg, firstItems } from '../types/list-args';
import { parseId } from '../ids';
import { DateScalar } from '../scalars/date.scalar';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { InstanceFilterInput } from '../types/filters.input';
import { exactlyOne } from './args';

const InstanceConnection = Connection(InstanceRecord, 'Instance');

@Resolver(() => InstanceRecord)
export class InstanceResolver {
  @Query(() => InstanceRecord, { nullable: true, description: 'An instance by id or by code.' })
  instance(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Natural key: the code.' }) code?: string,
  ): Promise<InstanceRecord | null> {
    exactlyOne({ id, code }, [['id'], ['code']]);
    return id ? ctx.loaders.byId(InstanceRecord).load(parseId(id)) : ctx.services.instances.instanceByCode(code!);
  }

  @Query(() => InstanceConnection, { description: 'Instances by code, filtered by kind and technical secretariat.' })
  async instances(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => InstanceFilterInput, { nullable: true, description: 'Filters; all given must match.' })
    filter?: InstanceFilterInput,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    return toConnection(await ctx.services.instances.instances(filter ?? {}, page, direction ?? SortDirectionEnum.ASC));
  }

  @FieldResolver(() => OrgEntityRecord, { nullable: true, description: 'Entity that holds the technical secretariat.' })
  technicalSecretariat(@Root() i: InstanceRecord, @Ctx() ctx: GraphQLContext): Promise<OrgEntityRecord | null> | null {
    return i.technicalSecretariatId ? ctx.loaders.byId(OrgEntityRecord).load(i.technicalSecretariatId) : null;
  }

  @FieldResolver(() => [MembershipRecord], { description: 'Members with their roles and dates.' })
  async memberships(@Root() i: InstanceRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<MembershipRecord[]> {
    return firstItems(await ctx.loaders.membershipsByInstanceId.load(i.id), first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => [SessionRecord], { description: 'Sessions by date, optionally within dates, of a type or status.' })
  async sessions(
    @Root() i: InstanceRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => DateScalar, { nullable: true, description: 'From this date (inclusive).' }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Up to this date (inclusive).' }) to?: string,
    @Arg('type', () => SessionType, { nullable: true, description: 'Session type.' }) type?: SessionType,
    @Arg('status', () => SessionStatus, { nullable: true, description: 'Session status.' }) status?: SessionStatus,
    @FirstArg() first = DEFAULT_LIST_SIZE,
  ): Promise<SessionRecord[]> {
    const all = await ctx.loaders.sessionsByInstanceId.load(i.id);
    const matching = all.filter(
      (s) => (!from || s.date >= from) && (!to || s.date <= to) && (!type || s.type === type) && (!status || s.status === status),
    );
    return firstItems(matching, first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => [InstanceFunctionRecord], { description: 'Functions the founding norm gives the instance.' })
  async functions(@Root() i: InstanceRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<InstanceFunctionRecord[]> {
    return firstItems(await ctx.loaders.functionsByInstanceId.load(i.id), first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => [SessionScheduleRecord], { description: 'Programmed session counts.' })
  async schedules(@Root() i: InstanceRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<SessionScheduleRecord[]> {
    return firstItems(await ctx.loaders.schedulesByInstanceId.load(i.id), first, ctx.config.maxPageSize);
  }
}

@Resolver(() => MembershipRecord)
export class MembershipResolver {
  @Query(() => MembershipRecord, { nullable: true, description: 'A membership by id.' })
  membership(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Internal identifier.' }) id: string,
  ): Promise<MembershipRecord | null> {
    return ctx.loaders.byId(MembershipRecord).load(parseId(id));
  }

  @FieldResolver(() => PersonRecord, { description: 'The member.' })
  person(@Root() m: MembershipRecord, @Ctx() ctx: GraphQLContext): Promise<PersonRecord | null> {
    return ctx.loaders.byId(PersonRecord).load(m.personId);
  }

  @FieldResolver(() => InstanceRecord, { description: 'The instance.' })
  instance(@Root() m: MembershipRecord, @Ctx() ctx: GraphQLContext): Promise<InstanceRecord | null> {
    return ctx.loaders.byId(InstanceRecord).load(m.instanceId);
  }
}

@Resolver(() => SessionScheduleRecord)
export class SessionScheduleResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Half-year (1 or 2); null when the count is for the whole year.' })
  half(@Root() s: SessionScheduleRecord): number | null {
    return s.half === 0 ? null : s.half;
  }
}
