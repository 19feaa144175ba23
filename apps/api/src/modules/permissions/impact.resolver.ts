import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ADMIN } from '../../authz/access';
import { requireViewer, type Context } from '../../context';
import { UserEntity } from '../users/user.entity';
import { toUserType, UserType } from '../users/user.type';
import type { CascadeResult } from '../memberships/permission-cascade';

@ObjectType({ description: 'What a permission change would do, computed by running it and rolling it back (SPEC §8).' })
export class PermissionImpact {
  @Field(() => Int, { description: 'Memberships the permission-loss cascade would end.' })
  membershipsEnded: number;

  @Field(() => Int, { description: 'People who would lose groups.request.' })
  usersLosingRequest: number;

  @Field(() => [UserType], { description: 'Up to 20 of those people.' })
  users: UserType[];
}

@Resolver()
export class ImpactResolver {
  @Authorized(ADMIN)
  @Query(() => PermissionImpact, { description: "Preview of updateGroup(permissions): what saving would end, before you save." })
  async groupPermissionImpact(@Arg('groupId', () => ID) groupId: string, @Arg('permissions', () => [String]) permissions: string[], @Ctx() ctx: Context): Promise<PermissionImpact> {
    return this.toImpact(await ctx.services.groups.previewPermissions(requireViewer(ctx), groupId, permissions), ctx);
  }

  @Authorized(ADMIN)
  @Query(() => PermissionImpact, { description: 'Preview of setUserPermissions.' })
  async userPermissionImpact(@Arg('userId', () => ID) userId: string, @Arg('permissions', () => [String]) permissions: string[], @Ctx() ctx: Context): Promise<PermissionImpact> {
    return this.toImpact(await ctx.services.permissions.previewForUser(requireViewer(ctx), userId, permissions), ctx);
  }

  private async toImpact(result: CascadeResult, ctx: Context): Promise<PermissionImpact> {
    const users = (await ctx.loaders.user.loadMany(result.userIds.slice(0, 20))).filter((u): u is UserEntity => u instanceof UserEntity);
    return { membershipsEnded: result.ended, usersLosingRequest: result.userIds.length, users: users.map(toUserType) };
  }
}
