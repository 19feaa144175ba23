import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AccessLevel } from '../../common/enums';
import { requireViewer, type Context } from '../../context';
import { GroupType, toGroupType } from '../groups/group.type';
import { GrantType, toGrantType } from '../resources/resource.type';
import { AccessCheckInput, AccessExplanationType, AccessReasonType, toAccessExplanationType } from './access.type';

/**
 * The access questions other applications ask (SPEC §11). `resources` (everything a user reaches)
 * is asked through the resources slice's resolver, and answered by the same AccessService.
 */
@Resolver()
export class AccessResolver {
  @Authorized()
  @Query(() => Boolean, { description: 'May the user (default: you) reach the resource at this level? Others need access.check.' })
  checkAccess(@Arg('resourceId', () => ID) resourceId: string, @Arg('level', () => AccessLevel) level: AccessLevel, @Arg('userId', () => ID, { nullable: true }) userId: string | null, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.access.check(requireViewer(ctx), resourceId, level, userId);
  }

  @Authorized()
  @Query(() => [Boolean], { description: 'Many checks in one call (integrations), answered in order. Others need access.check.' })
  // The questions carry no validation decorators (the service checks count and ids): skipping
  // class-validator spares up to 500 empty validations per call.
  checkAccessMany(@Arg('checks', () => [AccessCheckInput], { validate: false }) checks: AccessCheckInput[], @Ctx() ctx: Context): Promise<boolean[]> {
    return ctx.services.access.checkMany(requireViewer(ctx), checks);
  }

  @Authorized()
  @Query(() => AccessLevel, { description: 'The effective level of the user (default: you) on the resource.' })
  async accessLevel(@Arg('resourceId', () => ID) resourceId: string, @Arg('userId', () => ID, { nullable: true }) userId: string | null, @Ctx() ctx: Context): Promise<AccessLevel> {
    return (await ctx.services.access.level(requireViewer(ctx), resourceId, userId)) as AccessLevel;
  }

  @Authorized()
  @Query(() => AccessExplanationType, { description: 'The effective level and every path to it: admin, owner, public, user grant, group grant.' })
  async explainAccess(@Arg('resourceId', () => ID) resourceId: string, @Arg('userId', () => ID, { nullable: true }) userId: string | null, @Ctx() ctx: Context): Promise<AccessExplanationType> {
    return toAccessExplanationType(await ctx.services.access.explain(requireViewer(ctx), resourceId, userId));
  }
}

@Resolver(() => AccessReasonType)
export class AccessReasonResolver {
  @FieldResolver(() => GroupType, { nullable: true, description: 'The group, for GROUP_GRANT.' })
  async group(@Root() r: AccessReasonType, @Ctx() ctx: Context): Promise<GroupType | null> {
    const g = r.groupId ? await ctx.loaders.group.load(r.groupId) : null;
    return g ? toGroupType(g) : null;
  }

  @FieldResolver(() => GrantType, { nullable: true, description: 'The grant, for USER_GRANT and GROUP_GRANT.' })
  async grant(@Root() r: AccessReasonType, @Ctx() ctx: Context): Promise<GrantType | null> {
    // Through the request's loader: an explanation's reasons cost one statement, not one each.
    const g = r.grantId ? await ctx.loaders.grant.load(r.grantId) : null;
    return g ? toGrantType(g) : null;
  }
}
