import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { OrgEntityRecord } from '../../entities';
import { Role } from '../../services/viewer';
import { GraphQLContext } from '../context';

@ObjectType('Viewer', { description: 'Who is asking: the role and entity of the Bearer token, or an anonymous reader (PUBLIC_READ).' })
export class ViewerInfo {
  @Field(() => Role, { nullable: true, description: 'Role of the token; null for an anonymous reader (PUBLIC_READ=true).' })
  role!: Role | null;

  @Field(() => String, { description: 'Name of the token as recorded on uploads ("anonymous" without a token).' })
  name!: string;

  @Field(() => OrgEntityRecord, { nullable: true, description: 'Entity an ENTITY token acts for; null otherwise.' })
  entity!: OrgEntityRecord | null;
}

/** What the web app asks first, to show only what the caller's role may see. */
@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Query(() => ViewerInfo, { description: 'The caller: role, name and entity of the token (anonymous with PUBLIC_READ=true).' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<ViewerInfo> {
    const { role, name, entityId } = ctx.viewer;
    const entity = entityId === null ? null : await ctx.loaders.byId(OrgEntityRecord).load(entityId);
    return { role, name, entity: entity ?? null };
  }
}
