import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { columnsFor, selectsField } from '../../common/selection';
import { toConnection, PageArgs } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import { MembershipConnection, MembershipType, toMembershipType } from '../memberships/membership.type';
import { toUserType, UserType } from '../users/user.type';
import { UserEntity } from '../users/user.entity';
import { GroupEntity } from './group.entity';
import { GroupRequestType, LISTED_REQUEST_FIELDS, toPageRequestType, toRequestType } from '../requests/request.type';
import type { MembershipEntity } from '../memberships/membership.entity';
import { CreateGroupInput, GroupFilter, MembersArgs, UpdateGroupInput } from './group.inputs';
import { can } from '../../authz/authorize';
import { groupAbilities } from './group-abilities';
import { groupPolicy, type GroupFacts } from './group.policy';
import { GroupAbilities, GroupConnection, GroupType, LISTED_GROUP_FIELDS, toGroupType, toPageGroupType } from './group.type';
import type { ListedGroup } from './group.repository';
import type { DirectoryEntry } from './groups.service';
import type { RelationColumns } from './directory.repository';
import { ArgsType, Field } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';

/** No field of the viewer's membership is answered from its listed read: any selected reads it whole. */
const NO_FIELDS: ReadonlySet<string> = new Set();

@ArgsType()
class GroupsArgs extends PageArgs {
  @Field(() => GroupFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: GroupFilter | null;
}

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
  async groups(@Args() args: GroupsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<GroupConnection> {
    const withTotal = selectsField(info, 'totalCount');
    // A page of names, flags and the viewer's relation (what the directory shows) reads no more of each group.
    const columns = columnsFor(info, ['edges', 'node'], LISTED_GROUP_FIELDS);
    // The viewer's membership as listed unless one of its fields is selected; the pending request
    // as listed unless a field beyond LISTED_REQUEST_FIELDS is.
    const relations: RelationColumns = {
      membership: columnsFor(info, ['edges', 'node', 'viewerMembership'], NO_FIELDS),
      request: columnsFor(info, ['edges', 'node', 'viewerPendingRequest'], LISTED_REQUEST_FIELDS),
    };
    const page = await ctx.services.groups.list(requireViewer(ctx), args.filter ?? {}, args.first, args.after, withTotal, columns, relations);
    // The field resolvers (viewerCan, memberCount, viewerMembership, viewerPendingRequest…) answer
    // from what the page's statement already read (GroupPrefetched).
    const prime = (group: GroupEntity) => ctx.loaders.group.prime(group.id, group);
    const node = (entry: DirectoryEntry<ListedGroup>): GroupType => {
      const type = toPageGroupType(entry.group, columns, prime);
      type.prefetched = { facts: entry.facts, memberCount: entry.memberCount, relations, membership: entry.membership, pendingRequest: entry.pendingRequest };
      return type;
    };
    return Object.assign(toConnection(page, node), { totalCount: page.totalCount ?? 0 });
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
  memberCount(@Root() group: GroupType, @Ctx() ctx: Context): number | Promise<number> {
    return group.prefetched ? group.prefetched.memberCount : ctx.loaders.memberCount.load(group.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'The group has reached maxMembers: nobody can join or be approved into it until someone leaves.',
  })
  full(@Root() group: GroupType, @Ctx() ctx: Context): boolean | Promise<boolean> {
    const max = group.maxMembers;
    if (max === null) return false;
    return group.prefetched ? group.prefetched.memberCount >= max : ctx.loaders.memberCount.load(group.id).then((n) => n >= max);
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
    const facts = await factsOf(group, ctx);
    if (!facts || !ctx.viewer || !can(groupPolicy, 'listMembers', ctx.viewer, facts)) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    }
    const page = args.after
      ? await ctx.services.members.page(ctx.viewer, facts, group.id, args.first, args.after, args.search)
      : await ctx.loaders.firstMembers.load(JSON.stringify([group.id, args.first, args.search?.trim() || null]));
    return Object.assign(toConnection(page, toMembershipType), { totalCount: page.totalCount ?? 0 });
  }

  @FieldResolver(() => Int, { description: 'Pending requests, for those who may decide them; 0 for everyone else.' })
  async pendingRequestCount(@Root() group: GroupType, @Ctx() ctx: Context): Promise<number> {
    const facts = await factsOf(group, ctx);
    if (!facts || !ctx.viewer || !can(groupPolicy, 'decideRequests', ctx.viewer, facts)) return 0;
    return ctx.loaders.pendingRequestCount.load(group.id);
  }

  @FieldResolver(() => GroupRequestType, { nullable: true, description: 'Your own pending request for this group, if any.' })
  viewerPendingRequest(@Root() group: GroupType, @Ctx() ctx: Context): GroupRequestType | null | Promise<GroupRequestType | null> {
    const known = group.prefetched;
    if (known) return known.pendingRequest ? toPageRequestType(known.pendingRequest, known.relations.request) : null;
    return ctx.loaders.viewerPendingRequest.load(group.id).then((r) => (r ? toRequestType(r) : null));
  }

  @FieldResolver(() => MembershipType, { nullable: true, description: 'Your current membership, if any.' })
  viewerMembership(@Root() group: GroupType, @Ctx() ctx: Context): MembershipType | null | Promise<MembershipType | null> {
    const known = group.prefetched;
    // Read whole whenever this field is selected (relations.membership); as listed it says only that there is one.
    if (known && (!known.membership || known.relations.membership === 'full')) return known.membership ? toMembershipType(known.membership as MembershipEntity) : null;
    return ctx.loaders.viewerMembership.load(group.id).then((m) => (m ? toMembershipType(m) : null));
  }

  @FieldResolver(() => GroupAbilities, { description: 'What you may do with this group.' })
  viewerCan(@Root() group: GroupType, @Ctx() ctx: Context): GroupAbilities | Promise<GroupAbilities> {
    const known = group.prefetched;
    return known ? groupAbilities(ctx.viewer, known.facts) : ctx.loaders.groupFacts.load(group.id).then((facts) => groupAbilities(ctx.viewer, facts));
  }
}

/** The group's facts: from the directory's statement when it read them, else the loader. */
function factsOf(group: GroupType, ctx: Context): GroupFacts | null | Promise<GroupFacts | null> {
  return group.prefetched ? group.prefetched.facts : ctx.loaders.groupFacts.load(group.id);
}
