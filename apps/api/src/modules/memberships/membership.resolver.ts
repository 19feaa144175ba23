import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { errors } from '../../common/errors';
import { requireViewer, type Context } from '../../context';
import { GroupType, toGroupType } from '../groups/group.type';
import { toUserType, UserType } from '../users/user.type';
import { MembershipType, toMembershipType } from './membership.type';

@Resolver(() => MembershipType)
export class MembershipResolver {
  @Authorized()
  @Mutation(() => [MembershipType], { description: 'Add members directly (admins; managers and leaders of self-service groups). Current members are skipped.' })
  async addGroupMembers(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('userIds', () => [ID]) userIds: string[],
    @Arg('expiresAt', () => Date, { nullable: true }) expiresAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<MembershipType[]> {
    return (await ctx.services.members.add(requireViewer(ctx), groupId, userIds, expiresAt)).map(toMembershipType);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Remove members (admins; managers and leaders of non-internal groups). Returns how many were removed.' })
  async removeGroupMembers(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('userIds', () => [ID]) userIds: string[],
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return ctx.services.members.remove(requireViewer(ctx), groupId, userIds, reason);
  }

  @Authorized()
  @Mutation(() => MembershipType, { description: "Set, change or clear (null) a current member's expiry (SPEC §20): leaders, managers, admins; internal and restricted groups: admins." })
  async updateMembership(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('expiresAt', () => Date, { nullable: true }) expiresAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<MembershipType> {
    return toMembershipType(await ctx.services.membershipExpiry.update(requireViewer(ctx), groupId, userId, expiresAt));
  }

  @FieldResolver(() => UserType)
  async user(@Root() m: MembershipType, @Ctx() ctx: Context): Promise<UserType> {
    const user = await ctx.loaders.user.load(m.userId);
    if (!user) throw errors.notFound('That user no longer exists.');
    return toUserType(user);
  }

  @FieldResolver(() => GroupType)
  async group(@Root() m: MembershipType, @Ctx() ctx: Context): Promise<GroupType> {
    const group = await ctx.loaders.group.load(m.groupId);
    if (!group) throw errors.notFound('That group no longer exists.');
    return toGroupType(group);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who added them (null: themselves, the system, or a deleted account).' })
  async addedBy(@Root() m: MembershipType, @Ctx() ctx: Context): Promise<UserType | null> {
    if (!m.addedById) return null;
    const user = await ctx.loaders.user.load(m.addedById);
    return user ? toUserType(user) : null;
  }
}

