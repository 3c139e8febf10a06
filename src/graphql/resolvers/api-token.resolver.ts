import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApiTokenRecord, OrgEntityRecord } from '../../entities';
import { assertRole } from '../../services/access';
import { NotFoundError, UserInputError } from '../../services/errors';
import { tokenErrorInSpanish } from '../../services/token.messages';
import { isTokenActive, TokenError } from '../../services/token.service';
import { Role } from '../../services/viewer';
import { GraphQLContext } from '../context';
import { FirstArg, firstItems } from '../types/list-args';

/** Tokens are created one by one with the CLI: the whole list fits in the largest page. */
const TOKEN_LIST_SIZE = 1000;

@InputType('CreateApiTokenInput', { description: 'A new access key, as `rumbo token create` makes it.' })
export class CreateApiTokenInput {
  @Field(() => Role, { description: 'ADMIN, ENTITY or VIEWER.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Entity code; required for ENTITY, refused for the other roles.' })
  entityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Who the key is for ("Ana Pérez, IDRD"); at most 100 characters.' })
  name?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working (future, at most 3650 days ahead); null: never.' })
  expiresAt?: Date | null;
}

@ObjectType('CreatedApiToken', { description: 'A key just created: the secret is shown this once and never again.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'The `rumbo_…` secret; only its sha256 is stored.' })
  secret!: string;

  @Field(() => ApiTokenRecord, { description: 'The stored record.' })
  token!: ApiTokenRecord;
}

/** The service's refusals as BAD_USER_INPUT / NOT_FOUND with the office's Spanish wording. */
async function asApiError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    const message = tokenErrorInSpanish(e.message);
    throw /^No token/.test(e.message) ? new NotFoundError(message) : new UserInputError(message);
  }
}

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

  @Mutation(() => CreatedApiToken, {
    description: 'Creates an access key (audited TOKEN_CREATED, as `rumbo token create`). ADMIN only (FORBIDDEN otherwise).',
  })
  createApiToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateApiTokenInput, { description: 'Who the key is for: role, entity (ENTITY keys), name of the person, expiry.' })
    input: CreateApiTokenInput,
  ): Promise<CreatedApiToken> {
    assertRole(ctx.viewer, Role.ADMIN);
    const viewer = ctx.viewer;
    if (input.role === Role.ENTITY && !input.entityCode?.trim())
      throw new UserInputError('Una clave ENTITY necesita la entidad por la que actúa (entityCode).', 'entityCode');
    if (input.role !== Role.ENTITY && input.entityCode?.trim())
      throw new UserInputError(`Una clave ${input.role} no se ata a una entidad: deje entityCode vacío.`, 'entityCode');
    return asApiError(() =>
      ctx.services.tokens.create(
        { role: input.role, entityCode: input.entityCode, name: input.name, expiresAt: input.expiresAt ?? null, createdBy: viewer.name },
        viewer,
      ),
    );
  }

  @Mutation(() => ApiTokenRecord, {
    description:
      'Revokes an access key at once (audited TOKEN_REVOKED, as `rumbo token revoke`); revoking twice changes nothing. ADMIN only (FORBIDDEN otherwise).',
  })
  async revokeApiToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'ApiToken.id.' }) id: string,
  ): Promise<ApiTokenRecord> {
    assertRole(ctx.viewer, Role.ADMIN);
    if (!/^\d+$/.test(String(id))) throw new UserInputError(`«${String(id)}» no es un id de clave.`, 'id');
    const viewer = ctx.viewer;
    return (await asApiError(() => ctx.services.tokens.revoke(String(id), viewer))).token;
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
