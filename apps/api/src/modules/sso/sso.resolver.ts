import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { ADMIN } from '../../authz/access';
import { requireViewer, type Context } from '../../context';

@ObjectType({ description: 'What a sign-on with a given groups claim would change (SPEC §12). Nothing is written.' })
export class SsoSyncPreview {
  @Field(() => [String], { nullable: true, description: 'The names read from the claim; null when it is missing or empty (then nothing changes).' }) claimed: string[] | null;
  @Field(() => [String], { description: 'Groups that would be joined (source SSO).' }) join: string[];
  @Field(() => [String], { description: 'SSO memberships that would end (SYNC only; manual ones never).' }) leave: string[];
  @Field(() => [String], { description: 'Groups that would be created (createGroups).' }) create: string[];
  @Field(() => [String], { description: 'Names ignored because they match a blocked pattern.' }) blocked: string[];
}

@Resolver()
export class SsoResolver {
  @Authorized(ADMIN)
  @Query(() => SsoSyncPreview, { description: 'Dry run of group sync for a user: paste a claim value (JSON array or a delimited string).' })
  async ssoSyncPreview(@Arg('userId', () => ID) userId: string, @Arg('claimValue') claimValue: string, @Ctx() ctx: Context): Promise<SsoSyncPreview> {
    const plan = await ctx.services.sso.preview(requireViewer(ctx), userId, claimValue);
    return { claimed: plan.claimed, join: plan.join.map((g) => g.name), leave: plan.leave.map((g) => g.name), create: plan.create, blocked: plan.blocked };
  }
}
