import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { MembershipRecord, OrgEntityRecord, PersonRecord, SectorRecord } from '../../entities';
import { canReadPersonalData } from '../../services/viewer';
import { GraphQLContext } from '../context';
import { FirstArg, firstItems } from '../types/list-args';
import { parseId } from '../ids';
import { Connection, PageArgsInput, SortDirectionEnum, toConnection } from '../types/connection.type';
import { EntityFilterInput, EntitySort, PersonFilterInput } from '../types/filters.input';
import { exactlyOne, optionalId } from './args';

const SectorConnection = Connection(SectorRecord, 'Sector');
const EntityConnection = Connection(OrgEntityRecord, 'Entity');
const PersonConnection = Connection(PersonRecord, 'Person');

@Resolver(() => SectorRecord)
export class SectorResolver {
  @Query(() => SectorRecord, { nullable: true, description: 'A sector by id or by name.' })
  sector(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('name', () => String, { nullable: true, description: 'Natural key: the name.' }) name?: string,
  ): Promise<SectorRecord | null> {
    exactlyOne({ id, name }, [['id'], ['name']]);
    return id ? ctx.loaders.byId(SectorRecord).load(parseId(id)) : ctx.services.catalog.sectorByName(name!);
  }

  @Query(() => SectorConnection, { description: 'Sectors by name.' })
  async sectors(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction: SortDirectionEnum,
  ) {
    return toConnection(await ctx.services.catalog.sectors(page, direction));
  }

  @FieldResolver(() => [OrgEntityRecord], { description: 'Entities of the sector.' })
  async entities(@Root() sector: SectorRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<OrgEntityRecord[]> {
    return firstItems(await ctx.loaders.entitiesBySectorId.load(sector.id), first, ctx.config.maxPageSize);
  }
}

@Resolver(() => OrgEntityRecord)
export class EntityResolver {
  @Query(() => OrgEntityRecord, { nullable: true, description: 'An entity by id or by code.' })
  entity(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Internal identifier.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Natural key: the code.' }) code?: string,
  ): Promise<OrgEntityRecord | null> {
    exactlyOne({ id, code }, [['id'], ['code']]);
    return id ? ctx.loaders.byId(OrgEntityRecord).load(parseId(id)) : ctx.services.catalog.entityByCode(code!);
  }

  @Query(() => EntityConnection, { description: 'Entities, filtered and sorted.' })
  async entities(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => EntityFilterInput, { nullable: true, description: 'Filters; all given must match.' }) filter?: EntityFilterInput,
    @Arg('orderBy', () => EntitySort, { defaultValue: EntitySort.CODE, description: 'Sort field.' }) orderBy?: EntitySort,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    const f = filter ?? {};
    return toConnection(
      await ctx.services.catalog.entities(
        { ...f, sectorId: optionalId(f.sectorId, 'filter.sectorId') },
        page,
        orderBy ?? EntitySort.CODE,
        direction ?? SortDirectionEnum.ASC,
      ),
    );
  }

  @FieldResolver(() => SectorRecord, { nullable: true, description: 'Sector of the entity.' })
  sector(@Root() entity: OrgEntityRecord, @Ctx() ctx: GraphQLContext): Promise<SectorRecord | null> | null {
    return entity.sectorId ? ctx.loaders.byId(SectorRecord).load(entity.sectorId) : null;
  }

  @FieldResolver(() => [PersonRecord], { description: 'People of the entity known to the system.' })
  async people(@Root() entity: OrgEntityRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<PersonRecord[]> {
    return firstItems(await ctx.loaders.peopleByEntityId.load(entity.id), first, ctx.config.maxPageSize);
  }
}

@Resolver(() => PersonRecord)
export class PersonResolver {
  @Query(() => PersonRecord, { nullable: true, description: 'A person by id.' })
  person(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Internal identifier.' }) id: string,
  ): Promise<PersonRecord | null> {
    return ctx.loaders.byId(PersonRecord).load(parseId(id));
  }

  @Query(() => PersonConnection, { description: 'People, by name.' })
  async people(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => PersonFilterInput, { nullable: true, description: 'Filters; all given must match.' }) filter?: PersonFilterInput,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC, description: 'Sort direction.' })
    direction?: SortDirectionEnum,
  ) {
    return toConnection(await ctx.services.catalog.people(filter ?? {}, page, direction ?? SortDirectionEnum.ASC));
  }

  @FieldResolver(() => OrgEntityRecord, { description: 'Entity the person belongs to.' })
  entity(@Root() person: PersonRecord, @Ctx() ctx: GraphQLContext): Promise<OrgEntityRecord | null> {
    return ctx.loaders.byId(OrgEntityRecord).load(person.entityId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'E-mail address. Personal data: readable by ADMIN only; null for everyone else.',
  })
  email(@Root() person: PersonRecord, @Ctx() ctx: GraphQLContext): string | null {
    return canReadPersonalData(ctx.viewer) ? person.email : null;
  }

  @FieldResolver(() => [MembershipRecord], { description: 'Instances the person sits on.' })
  async memberships(@Root() person: PersonRecord, @Ctx() ctx: GraphQLContext, @FirstArg() first: number): Promise<MembershipRecord[]> {
    return firstItems(await ctx.loaders.membershipsByPersonId.load(person.id), first, ctx.config.maxPageSize);
  }
}
