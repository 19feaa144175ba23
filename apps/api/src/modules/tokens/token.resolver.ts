import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../context';
import { UserType } from '../users/user.type';
import { ApiTokenType, CreateApiTokenPayload, toApiTokenType } from './token.type';

@Resolver(() => UserType)
export class TokenResolver {
  @Authorized()
  @Mutation(() => CreateApiTokenPayload, { description: 'Make an API token for yourself, or (admins) for a service account. The secret is shown once.' })
  async createApiToken(
    @Arg('name') name: string,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('expiresAt', () => Date, { nullable: true }) expiresAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<CreateApiTokenPayload> {
    const { token, entity } = await ctx.services.tokens.create(requireViewer(ctx), name, userId, expiresAt);
    return { token, id: entity.id };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revoke an API token (its owner or an admin). It stops working on the next request.' })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.tokens.revoke(requireViewer(ctx), id);
  }

  @FieldResolver(() => [ApiTokenType], { description: 'API tokens of this user (for themselves and admins), newest first.' })
  async apiTokens(@Root() user: UserType, @Ctx() ctx: Context): Promise<ApiTokenType[]> {
    if (!ctx.viewer || !ctx.services.tokens.mayList(ctx.viewer, user.id)) return [];
    return (await ctx.loaders.apiTokensOfUser.load(user.id)).map((t) => toApiTokenType(t));
  }
}
