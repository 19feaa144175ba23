import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toConnection, PageArgs } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import { MembershipConnection, MembershipType, toMembershipType } from '../memberships/membership.type';
import { toUserType, UserType } from '../users/user.type';
import { UserEntity } from '../users/user.entity';
import { GroupEntity } from './group.entity';
import { GroupRequestType, toRequestType } from '../requests/request.type';
import { CreateGroupInput, GroupFilter, MembersArgs, UpdateGroupInput } from './group.inputs';
import { can } from '../../authz/authorize';
import { groupPolicy } from './group.policy';
import { GroupAbilities, GroupConnection, GroupType, toGroupType } from './group.type';
import { ArgsType, Field } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';

@ArgsType()
class GroupsArgs extends PageArgs {
  @Field(() => GroupFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: GroupFilter | null;
}

const NO_ABILITIES: GroupAbilities = {
  join: false, requestJoin: false, leave: false, requestLeave: false, decideRequests: false, manageMembers: false,
  addMembers: false, removeMembers: false, changeExpiry: false, requestExtension: false, update: false, setPermissions: false, setLeaders: false, readHistory: false, listMembers: false, delete: false,
};

@Resolver(() => GroupType)
export class GroupResolver {
  @Authorized()
  @Query(() => GroupType, { nullable: true, description: 'A group by id (join links reach hidden groups); null when you may not see it.' })
  async group(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<GroupType | null> {
    const group = await ctx.services.groups.byId(requireViewer(ctx), id);
    if (group) ctx.loaders.group.prime(group.id, group);
    return group ? toGroupType(group) : null;
  }

  @Authorized()
  @Query(() => GroupConnection, { description: 'The group directory: your groups, plus the groups you may see and ask to join. Sorted by name.' })
  async groups(@Args() args: GroupsArgs, @Ctx() ctx: Context): Promise<GroupConnection> {
    const page = await ctx.services.groups.list(requireViewer(ctx), args.filter ?? {}, args.first, args.after);
    // Field resolvers (viewerCan, memberCount, viewerMembership, viewerPendingRequest) go through
    // loaders: hand them what the page's statement already read.
    for (const [id, row] of page.rows) {
      ctx.loaders.group.prime(id, row.group);
      ctx.loaders.groupFacts.prime(id, row.facts);
      ctx.loaders.memberCount.prime(id, row.memberCount);
      ctx.loaders.viewerMembership.prime(id, row.membership);
      ctx.loaders.viewerPendingRequest.prime(id, row.pendingRequest);
    }
    return { ...toConnection(page, toGroupType), totalCount: page.totalCount ?? 0 };
  }

  @Authorized()
  @Mutation(() => GroupType, { description: 'Create a group (admins; managers create self-service groups without permissions).' })
  async createGroup(@Arg('input') input: CreateGroupInput, @Ctx() ctx: Context): Promise<GroupType> {
    return toGroupType(await ctx.services.groups.create(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => GroupType, { description: "Change a group's settings (admins; managers for self-service groups) or permissions (admins)." })
  async updateGroup(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateGroupInput, @Ctx() ctx: Context): Promise<GroupType> {
    return toGroupType(await ctx.services.groups.update(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Delete a group (admins; never System or Member). Its memberships end, audited.' })
  async deleteGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.groups.delete(requireViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => GroupType, { description: "Replace a group's leader users and leader groups." })
  async setGroupLeaders(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('userIds', () => [ID]) userIds: string[],
    @Arg('groupIds', () => [ID]) groupIds: string[],
    @Ctx() ctx: Context,
  ): Promise<GroupType> {
    return toGroupType(await ctx.services.leadership.setLeaders(requireViewer(ctx), groupId, userIds, groupIds));
  }

  @FieldResolver(() => [String], { description: 'Permissions every current member holds.' })
  permissions(@Root() group: GroupType, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.loaders.groupPermissions.load(group.id);
  }

  @FieldResolver(() => Int, { description: 'Current members (expired memberships do not count).' })
  memberCount(@Root() group: GroupType, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.memberCount.load(group.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'The group has reached maxMembers: nobody can join or be approved into it until someone leaves.',
  })
  async full(@Root() group: GroupType, @Ctx() ctx: Context): Promise<boolean> {
    if (group.maxMembers === null) return false;
    return (await ctx.loaders.memberCount.load(group.id)) >= group.maxMembers;
  }

  @FieldResolver(() => [UserType], { description: 'Users listed as leaders.' })
  async leaders(@Root() group: GroupType, @Ctx() ctx: Context): Promise<UserType[]> {
    const ids = await ctx.loaders.leaderUserIds.load(group.id);
    const users = (await ctx.loaders.user.loadMany(ids)).filter((u): u is UserEntity => u instanceof UserEntity);
    return users.sort((a, b) => a.nameKey.localeCompare(b.nameKey)).map(toUserType);
  }

  @FieldResolver(() => [GroupType], { description: "Groups whose direct, current members lead this group." })
  async leaderGroups(@Root() group: GroupType, @Ctx() ctx: Context): Promise<GroupType[]> {
    const ids = await ctx.loaders.leaderGroupIds.load(group.id);
    const groups = (await ctx.loaders.group.loadMany(ids)).filter((g): g is GroupEntity => g instanceof GroupEntity);
    return groups.sort((a, b) => a.nameKey.localeCompare(b.nameKey)).map(toGroupType);
  }

  @FieldResolver(() => MembershipConnection, { description: 'Current members by name: for leaders, managers, admins and members.' })
  async members(@Root() group: GroupType, @Args() args: MembersArgs, @Ctx() ctx: Context): Promise<MembershipConnection> {
    const facts = await ctx.loaders.groupFacts.load(group.id);
    if (!facts || !ctx.viewer || !can(groupPolicy, 'listMembers', ctx.viewer, facts)) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    }
    const page = args.after
      ? await ctx.services.members.page(ctx.viewer, facts, group.id, args.first, args.after, args.search)
      : await ctx.loaders.firstMembers.load(JSON.stringify([group.id, args.first, args.search?.trim() || null]));
    return { ...toConnection(page, toMembershipType), totalCount: page.totalCount ?? 0 };
  }

  @FieldResolver(() => Int, { description: 'Pending requests, for those who may decide them; 0 for everyone else.' })
  async pendingRequestCount(@Root() group: GroupType, @Ctx() ctx: Context): Promise<number> {
    const facts = await ctx.loaders.groupFacts.load(group.id);
    if (!facts || !ctx.viewer || !can(groupPolicy, 'decideRequests', ctx.viewer, facts)) return 0;
    return ctx.loaders.pendingRequestCount.load(group.id);
  }

  @FieldResolver(() => GroupRequestType, { nullable: true, description: 'Your own pending request for this group, if any.' })
  async viewerPendingRequest(@Root() group: GroupType, @Ctx() ctx: Context): Promise<GroupRequestType | null> {
    const r = await ctx.loaders.viewerPendingRequest.load(group.id);
    return r ? toRequestType(r) : null;
  }

  @FieldResolver(() => MembershipType, { nullable: true, description: 'Your current membership, if any.' })
  async viewerMembership(@Root() group: GroupType, @Ctx() ctx: Context): Promise<MembershipType | null> {
    const m = await ctx.loaders.viewerMembership.load(group.id);
    return m ? toMembershipType(m) : null;
  }

  @FieldResolver(() => GroupAbilities, { description: 'What you may do with this group.' })
  async viewerCan(@Root() group: GroupType, @Ctx() ctx: Context): Promise<GroupAbilities> {
    const facts = await ctx.loaders.groupFacts.load(group.id);
    const v = ctx.viewer;
    if (!facts || !v) return NO_ABILITIES;
    return {
      join: can(groupPolicy, 'join', v, facts),
      requestJoin: can(groupPolicy, 'requestJoin', v, facts),
      leave: can(groupPolicy, 'leave', v, facts),
      requestLeave: can(groupPolicy, 'requestLeave', v, facts),
      decideRequests: can(groupPolicy, 'decideRequests', v, facts),
      manageMembers: can(groupPolicy, 'addMembers', v, facts) || can(groupPolicy, 'removeMembers', v, facts),
      addMembers: can(groupPolicy, 'addMembers', v, facts),
      removeMembers: can(groupPolicy, 'removeMembers', v, facts),
      changeExpiry: can(groupPolicy, 'changeExpiry', v, facts),
      requestExtension: can(groupPolicy, 'requestExtension', v, facts),
      update: can(groupPolicy, 'update', v, facts),
      setPermissions: can(groupPolicy, 'setPermissions', v),
      setLeaders: can(groupPolicy, 'setLeaders', v, facts),
      readHistory: can(groupPolicy, 'readHistory', v, facts),
      listMembers: can(groupPolicy, 'listMembers', v, facts),
      delete: can(groupPolicy, 'delete', v, facts),
    };
  }
}
