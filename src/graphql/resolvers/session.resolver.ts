import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  AgendaItemRecord,
  AttendanceRecord,
  CommitmentRecord,
  InstanceFunctionRecord,
  InstanceRecord,
  OrgEntityRecord,
  PersonRecord,
  ProductRecord,
  ProductReviewRecord,
  SessionRecord,
} from '../../entities';
import { GraphQLContext } from '../context';
import { FirstArg, firstItems } from '../types/list-args';
import { parseId } from '../ids';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { CommitmentFilterInput, SessionFilterInput } from '../types/filters.input';
import { exactlyOne } from './args';

const SessionConnection = Connection(SessionRecord, 'Session');
const CommitmentConnection = Connection(CommitmentRecord, 'Commitment');

@Resolver(() => SessionRecord)
export class SessionResolver {
  @Query(() => SessionRecord, {
    nullable: true,
    description: 'A session by id, or by instance code, year and number (acta No. 4 de 2020).',
  })
  session(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('instanceCode', () => String, { nullable: true, description: 'Instance code.' }) instanceCode?: string,
    @Arg('year', () => Int, { nullable: true, description: 'Year.' }) year?: number,
    @Arg('number', () => Int, { nullable: true, description: 'Number within its parent (objective number, session number).' })
    number?: number,
  ): Promise<SessionRecord | null> {
    exactlyOne({ id, instanceCode, year, number }, [['id'], ['instanceCode', 'year', 'number']]);
    return id ? ctx.loaders.byId(SessionRecord).load(parseId(id)) : ctx.services.instances.sessionByKey(instanceCode!, year!, number!);
  }

  @Query(() => SessionConnection, { description: 'Sessions by date, filtered by instance, dates, type and status.' })
  async sessions(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => SessionFilterInput, { nullable: true, description: 'Filters; all given must match.' }) filter?: SessionFilterInput,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    return toConnection(await ctx.services.instances.sessions(filter ?? {}, page, direction ?? SortDirectionEnum.ASC));
  }

  @FieldResolver(() => InstanceRecord, { description: 'Instance that held the session.' })
  instance(@Root() s: SessionRecord, @Ctx() ctx: GraphQLContext): Promise<InstanceRecord | null> {
    return ctx.loaders.byId(InstanceRecord).load(s.instanceId);
  }

  @FieldResolver(() => [AgendaItemRecord], { description: 'Agenda (orden del día), in order.' })
  async agenda(@Root() s: SessionRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<AgendaItemRecord[]> {
    return firstItems(await ctx.loaders.agendaBySessionId.load(s.id), first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => [AttendanceRecord], { description: 'Attendance list.' })
  async attendance(@Root() s: SessionRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<AttendanceRecord[]> {
    return firstItems(await ctx.loaders.attendanceBySessionId.load(s.id), first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => [CommitmentRecord], { description: 'Commitments taken in the session.' })
  async commitments(@Root() s: SessionRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<CommitmentRecord[]> {
    return firstItems(await ctx.loaders.commitmentsBySessionId.load(s.id), first, ctx.config.maxPageSize);
  }

  @FieldResolver(() => [InstanceFunctionRecord], { description: 'Functions of the instance the session addressed.' })
  async functionsAddressed(
    @Root() s: SessionRecord,
    @Ctx() ctx: GraphQLContext,
    @FirstArg() first: number,
  ): Promise<InstanceFunctionRecord[]> {
    const links = await ctx.loaders.sessionFunctionsBySessionId.load(s.id);
    const fns = await ctx.loaders.byId(InstanceFunctionRecord).loadMany(links.map((l) => l.functionId));
    return firstItems(
      await fns.filter((f): f is InstanceFunctionRecord => f instanceof InstanceFunctionRecord),
      first,
      ctx.config.maxPageSize,
    );
  }

  @FieldResolver(() => [ProductReviewRecord], { description: 'Product reports the session reviewed (retroalimentación).' })
  async reviews(@Root() s: SessionRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<ProductReviewRecord[]> {
    return firstItems(await ctx.loaders.reviewsBySessionId.load(s.id), first, ctx.config.maxPageSize);
  }
}

@Resolver(() => AttendanceRecord)
export class AttendanceResolver {
  @FieldResolver(() => PersonRecord, { description: 'The attendee.' })
  person(@Root() a: AttendanceRecord, @Ctx() ctx: GraphQLContext): Promise<PersonRecord | null> {
    return ctx.loaders.byId(PersonRecord).load(a.personId);
  }

  @FieldResolver(() => SessionRecord, { description: 'The session.' })
  session(@Root() a: AttendanceRecord, @Ctx() ctx: GraphQLContext): Promise<SessionRecord | null> {
    return ctx.loaders.byId(SessionRecord).load(a.sessionId);
  }
}

@Resolver(() => CommitmentRecord)
export class CommitmentResolver {
  @Query(() => CommitmentRecord, { nullable: true, description: 'A commitment by id.' })
  commitment(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Internal identifier.' }) id: string,
  ): Promise<CommitmentRecord | null> {
    return ctx.loaders.byId(CommitmentRecord).load(parseId(id));
  }

  @Query(() => CommitmentConnection, {
    description: 'Commitments by due date, filtered by instance, status, responsible entity and due date.',
  })
  async commitments(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => CommitmentFilterInput, { nullable: true, description: 'Filters; all given must match.' })
    filter?: CommitmentFilterInput,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    return toConnection(await ctx.services.instances.commitments(filter ?? {}, page, direction ?? SortDirectionEnum.ASC));
  }

  @FieldResolver(() => SessionRecord, { description: 'Session where the commitment was taken.' })
  session(@Root() c: CommitmentRecord, @Ctx() ctx: GraphQLContext): Promise<SessionRecord | null> {
    return ctx.loaders.byId(SessionRecord).load(c.sessionId);
  }

  @FieldResolver(() => OrgEntityRecord, { nullable: true, description: 'Responsible entity.' })
  responsibleEntity(@Root() c: CommitmentRecord, @Ctx() ctx: GraphQLContext): Promise<OrgEntityRecord | null> | null {
    return c.responsibleEntityId ? ctx.loaders.byId(OrgEntityRecord).load(c.responsibleEntityId) : null;
  }
}

@Resolver(() => ProductReviewRecord)
export class ProductReviewResolver {
  @FieldResolver(() => SessionRecord, { description: 'Session that reviewed the product.' })
  session(@Root() r: ProductReviewRecord, @Ctx() ctx: GraphQLContext): Promise<SessionRecord | null> {
    return ctx.loaders.byId(SessionRecord).load(r.sessionId);
  }

  @FieldResolver(() => ProductRecord, { description: 'Product reviewed.' })
  product(@Root() r: ProductReviewRecord, @Ctx() ctx: GraphQLContext): Promise<ProductRecord | null> {
    return ctx.loaders.byId(ProductRecord).load(r.productId);
  }
}
