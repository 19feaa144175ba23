import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { columnsFor, selectsField } from '../../common/selection';
import type { RequestRow } from './requests.repository';
import { errors } from '../../common/errors';
import { JoinOutcome, LeaveOutcome } from '../../common/enums';
import { toConnection } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import type { GroupEntity } from '../groups/group.entity';
import type { ListedGroup } from '../groups/group.repository';
import { GroupType, LISTED_GROUP_FIELDS, toGroupType, toPageGroupType } from '../groups/group.type';
import { toMembershipType } from '../memberships/membership.type';
import { LISTED_USER_FIELDS, NAMED_USER_FIELDS, toPageUserType, toUserType, UserType } from '../users/user.type';
import {
  DecisionResult,
  GroupRequestConnection,
  GroupRequestType,
  JoinGroupPayload,
  LeaveGroupPayload,
  RequestsArgs,
  toRequestType,
} from './request.type';

@Resolver(() => GroupRequestType)
export class RequestResolver {
  @Authorized()
  @Query(() => GroupRequestConnection, { description: 'Your requests (mine: true), or the queue of groups you may decide. Pending: oldest first.' })
  async groupRequests(@Args() args: RequestsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<GroupRequestConnection> {
    const filter = args.filter ?? { status: 'PENDING' as const };
    // Who asked and the group as listed, unless a field beyond those is selected of them.
    const columns = { user: columnsFor(info, ['edges', 'node', 'user'], LISTED_USER_FIELDS, NAMED_USER_FIELDS), group: columnsFor(info, ['edges', 'node', 'group'], LISTED_GROUP_FIELDS) };
    const page = await ctx.services.requests.list(requireViewer(ctx), filter, args.first, args.after, selectsField(info, 'totalCount'), columns);
    // One Group object per group of the page (a queue is mostly one group).
    const groups = new Map<ListedGroup, GroupType>();
    const prime = (group: GroupEntity) => ctx.loaders.group.prime(group.id, group);
    const node = ({ request, user, group }: RequestRow): GroupRequestType => {
      let known = groups.get(group);
      if (!known) groups.set(group, (known = toPageGroupType(group, columns.group, prime)));
      const type = toRequestType(request);
      type.prefetched = { user: toPageUserType(user, columns.user), group: known };
      return type;
    };
    return Object.assign(toConnection(page, node), { totalCount: page.totalCount ?? 0 });
  }

  @Authorized()
  @Mutation(() => JoinGroupPayload, { description: 'Join an open group at once, or ask to join (SPEC §4). The outcome says which.' })
  async joinGroup(@Arg('groupId', () => ID) groupId: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: Context): Promise<JoinGroupPayload> {
    const r = await ctx.services.requests.join(requireViewer(ctx), groupId, reason);
    return {
      outcome: r.outcome as JoinOutcome,
      group: toGroupType(r.group),
      request: r.request ? toRequestType(r.request) : null,
      membership: r.membership ? toMembershipType(r.membership) : null,
    };
  }

  @Authorized()
  @Mutation(() => LeaveGroupPayload, { description: 'Leave a group at once, or ask to leave (SPEC §5). The outcome says which.' })
  async leaveGroup(@Arg('groupId', () => ID) groupId: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: Context): Promise<LeaveGroupPayload> {
    const r = await ctx.services.requests.leave(requireViewer(ctx), groupId, reason);
    return { outcome: r.outcome as LeaveOutcome, group: toGroupType(r.group), request: r.request ? toRequestType(r.request) : null };
  }

  @Authorized()
  @Mutation(() => GroupRequestType, { description: 'Withdraw your own pending request.' })
  async withdrawRequest(@Arg('requestId', () => ID) requestId: string, @Ctx() ctx: Context): Promise<GroupRequestType> {
    return toRequestType(await ctx.services.requests.withdraw(requireViewer(ctx), requestId));
  }

  @Authorized()
  @Mutation(() => GroupRequestType, { description: 'Approve a pending request (SPEC §6). A join is re-checked now.' })
  async approveRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('expiresAt', () => Date, { nullable: true, description: 'A join only: when the new membership ends (SPEC §20).' }) expiresAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<GroupRequestType> {
    return toRequestType(await ctx.services.requests.decide(requireViewer(ctx), requestId, true, comment, expiresAt));
  }

  @Authorized()
  @Mutation(() => GroupRequestType, { description: 'Ask to extend your membership until a later instant (SPEC §20): a pending EXTEND request for the group’s approvers.' })
  async requestExtension(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('until', () => Date) until: Date,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<GroupRequestType> {
    return toRequestType(await ctx.services.requests.requestExtension(requireViewer(ctx), groupId, until, reason));
  }

  @Authorized()
  @Mutation(() => GroupRequestType, { description: 'Reject a pending request, with an optional comment for the requester.' })
  async rejectRequest(@Arg('requestId', () => ID) requestId: string, @Arg('comment', () => String, { nullable: true }) comment: string | null, @Ctx() ctx: Context): Promise<GroupRequestType> {
    return toRequestType(await ctx.services.requests.decide(requireViewer(ctx), requestId, false, comment));
  }

  @Authorized()
  @Mutation(() => [DecisionResult], { description: 'Approve or reject many requests with one comment; each follows the usual rules and the answer says which succeeded.' })
  async decideRequests(
    @Arg('requestIds', () => [ID]) requestIds: string[],
    @Arg('approve') approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ): Promise<DecisionResult[]> {
    const results = await ctx.services.requests.decideMany(requireViewer(ctx), requestIds, approve, comment);
    return results.map((r) => ({ requestId: r.requestId, ok: r.error === null, request: r.request ? toRequestType(r.request) : null, error: r.error }));
  }

  @FieldResolver(() => UserType, { description: 'Who asked.' })
  user(@Root() r: GroupRequestType, @Ctx() ctx: Context): UserType | Promise<UserType> {
    if (r.prefetched) return r.prefetched.user;
    return ctx.loaders.user.load(r.userId).then((user) => {
      if (!user) throw errors.notFound('That user no longer exists.');
      return toUserType(user);
    });
  }

  @FieldResolver(() => GroupType)
  group(@Root() r: GroupRequestType, @Ctx() ctx: Context): GroupType | Promise<GroupType> {
    if (r.prefetched) return r.prefetched.group;
    return ctx.loaders.group.load(r.groupId).then((group) => {
      if (!group) throw errors.notFound('That group no longer exists.');
      return toGroupType(group);
    });
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who decided (null while pending, or when that account was deleted).' })
  async decidedBy(@Root() r: GroupRequestType, @Ctx() ctx: Context): Promise<UserType | null> {
    if (!r.decidedById) return null;
    const user = await ctx.loaders.user.load(r.decidedById);
    return user ? toUserType(user) : null;
  }
}
