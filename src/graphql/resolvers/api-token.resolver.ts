import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ApiTokenRecord, OrgEntityRecord } from '../../entities';
import { assertRole } from '../../services/access';
import { isTokenActive } from '../../services/token.service';
import { Role } from '../../services/viewer';
import { GraphQLContext } from '../context';
import { FirstArg, firstItems } from '../types/list-args';

/** Tokens are created one by one with the CLI: the whole list fits in the largest page. */
const TOKEN_LIST_SIZE = 1000;

/** Read-only view of the API tokens for the planning office; tokens are created and revoked with `rumbo token`. */
@Resolver(() => ApiTokenRecord)
export class ApiTokenResolver {
  @Query(() => [ApiTokenRecord], {
    description: 'API tokens, oldest first (ADMIN only; FORBIDDEN otherwise). Secrets and their hashes are never exposed.',
  })
  async apiTokens(
    @Ctx() ctx: GraphQLContext,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: 'Also list revoked tokens.' }) includeRevoked: boolean,
    @FirstArg(TOKEN_LIST_SIZE) first: number,
  ): Promise<ApiTokenRecord[]> {
    assertRole(ctx.viewer, Role.ADMIN);
    return firstItems(await ctx.services.tokens.list({ includeRevoked }), first, ctx.config.maxPageSize, TOKEN_LIST_SIZE);
  }

  @FieldResolver(() => OrgEntityRecord, { nullable: true, description: 'Entity an ENTITY token acts for; null for ADMIN and VIEWER.' })
  entity(@Root() token: ApiTokenRecord, @Ctx() ctx: GraphQLContext): Promise<OrgEntityRecord | null> | null {
    return token.entityId === null ? null : ctx.loaders.byId(OrgEntityRecord).load(token.entityId);
  }

  @FieldResolver(() => Boolean, { description: 'True while the token is neither revoked nor expired.' })
  active(@Root() token: ApiTokenRecord): boolean {
    return isTokenActive(token);
  }
}
