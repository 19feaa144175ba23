import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { errors } from '../../common/errors';
import { toConnection } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import { GroupType, toGroupType } from '../groups/group.type';
import { toUserType, UserType } from '../users/user.type';
import {
  AccessReviewConnection,
  AccessReviewGroupProgress,
  AccessReviewInput,
  AccessReviewItemConnection,
  AccessReviewItemType,
  AccessReviewReviewerProgress,
  AccessReviewsArgs,
  AccessReviewType,
  ReviewDecision,
  ReviewItemsArgs,
  toItemType,
  toReviewType,
} from './review.type';

/** itemCount / decidedCount of a page of reviews in one statement, per request. */
const countLoaders = new WeakMap<object, DataLoader<string, { items: number; decided: number }>>();
function counts(ctx: Context): DataLoader<string, { items: number; decided: number }> {
  let loader = countLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const map = await ctx.services.reviews.counts(ids);
      return ids.map((id) => map.get(id)!);
    });
    countLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

async function userOrNull(ctx: Context, id: string | null): Promise<UserType | null> {
  if (!id) return null;
  const user = await ctx.loaders.user.load(id);
  return user ? toUserType(user) : null;
}

/** Access reviews (SPEC §21). Thin: parse, call the reviews service, map. */
@Resolver(() => AccessReviewType)
export class AccessReviewResolver {
  @Authorized()
  @Query(() => AccessReviewConnection, { description: 'Reviews you started, reviews of groups you review, every review for admins. Newest first.' })
  async accessReviews(@Args() args: AccessReviewsArgs, @Ctx() ctx: Context): Promise<AccessReviewConnection> {
    const page = await ctx.services.reviews.list(requireViewer(ctx), args.status ?? null, args.first, args.after);
    return Object.assign(toConnection(page, toReviewType), { totalCount: page.totalCount ?? 0 });
  }

  @Authorized()
  @Query(() => AccessReviewType, { nullable: true, description: 'Null when there is no such review or you may not see it.' })
  async accessReview(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AccessReviewType | null> {
    const view = await ctx.services.reviews.byId(requireViewer(ctx), id);
    return view ? toReviewType(view) : null;
  }

  @Authorized()
  @Query(() => Int, {
    description:
      'Items waiting for you: undecided items of OPEN access reviews that you may decide now — as viewerCanDecide: groups you review (leaders; managers for self-service groups; administrators), never your own membership. The count beside "Access reviews".',
  })
  reviewItemsWaiting(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.reviews.waitingCount(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => AccessReviewType, { description: 'Start an access review (SPEC §21): admins; managers for the groups they may manage. Reviewers are notified.' })
  async startAccessReview(@Arg('input', () => AccessReviewInput) input: AccessReviewInput, @Ctx() ctx: Context): Promise<AccessReviewType> {
    return toReviewType(await ctx.services.reviews.start(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => [AccessReviewItemType], { description: 'Keep or remove memberships under review, up to 100 at once, all or nothing. Never your own.' })
  async decideReviewItems(
    @Arg('itemIds', () => [ID]) itemIds: string[],
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ): Promise<AccessReviewItemType[]> {
    const viewer = requireViewer(ctx);
    const { items, views } = await ctx.services.reviews.decide(viewer, itemIds, decision, comment);
    return items.map((i) => toItemType(i, ctx.services.reviews.canDecide(viewer, views.get(i.reviewId)!, i)));
  }

  @Authorized()
  @Mutation(() => AccessReviewType, { description: 'Close a review now (admins): undecided items take its default, decisions are carried out.' })
  async closeAccessReview(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AccessReviewType> {
    return toReviewType(await ctx.services.reviews.close(requireViewer(ctx), id));
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who started it (null when that account was deleted).' })
  createdBy(@Root() r: AccessReviewType, @Ctx() ctx: Context): Promise<UserType | null> {
    return userOrNull(ctx, r.createdById);
  }

  @FieldResolver(() => [GroupType], { description: 'The groups under review, by name.' })
  groups(@Root() r: AccessReviewType, @Ctx() ctx: Context): GroupType[] {
    return ctx.services.reviews.visibleGroups(requireViewer(ctx), r.view).map(toGroupType);
  }

  @FieldResolver(() => Boolean, { description: 'You may close it now (an open review; administrators).' })
  viewerCanClose(@Root() r: AccessReviewType, @Ctx() ctx: Context): boolean {
    return ctx.services.reviews.canClose(requireViewer(ctx), r.view);
  }

  @FieldResolver(() => Int, { description: 'Memberships under review, in every group.' })
  async itemCount(@Root() r: AccessReviewType, @Ctx() ctx: Context): Promise<number> {
    return (await counts(ctx).load(r.id)).items;
  }

  @FieldResolver(() => Int, { description: 'Of them, decided (after the close: all).' })
  async decidedCount(@Root() r: AccessReviewType, @Ctx() ctx: Context): Promise<number> {
    return (await counts(ctx).load(r.id)).decided;
  }

  @FieldResolver(() => AccessReviewItemConnection, { description: 'Items you may see (all for admins and the starter, else the groups you review), by group and person.' })
  async items(@Root() r: AccessReviewType, @Args() args: ReviewItemsArgs, @Ctx() ctx: Context): Promise<AccessReviewItemConnection> {
    const viewer = requireViewer(ctx);
    const reviews = ctx.services.reviews;
    const page = await reviews.items(viewer, r.view, args, args.first, args.after);
    // The page read each member's row and the review its groups: `user` and `group` need no statement.
    const groups = new Map(r.view.groups.map((g) => [g.id, toGroupType(g)]));
    return Object.assign(toConnection(page, (i) => Object.assign(toItemType(i, reviews.canDecide(viewer, r.view, i)), { groupRow: groups.get(i.groupId) })), { totalCount: page.totalCount });
  }

  @FieldResolver(() => String, { description: 'Every decision you may see, as CSV (one row per item: group, member, source, member since, decision, decided by and when, comment, applied).' })
  decisionsCsv(@Root() r: AccessReviewType, @Ctx() ctx: Context): Promise<string> {
    return ctx.services.reviews.csv(requireViewer(ctx), r.view);
  }

  @FieldResolver(() => [AccessReviewGroupProgress], { description: 'Decided / total per group, over the groups whose items you see.' })
  groupProgress(@Root() r: AccessReviewType, @Ctx() ctx: Context): Promise<AccessReviewGroupProgress[]> {
    return ctx.services.reviews.groupProgress(requireViewer(ctx), r.view).then((rows) => rows.map((p) => Object.assign(new AccessReviewGroupProgress(), p)));
  }

  @FieldResolver(() => [AccessReviewReviewerProgress], { description: 'Items decided per reviewer, most first, over the items you see.' })
  reviewerProgress(@Root() r: AccessReviewType, @Ctx() ctx: Context): Promise<AccessReviewReviewerProgress[]> {
    return ctx.services.reviews.reviewerProgress(requireViewer(ctx), r.view).then((rows) => rows.map((p) => Object.assign(new AccessReviewReviewerProgress(), p)));
  }
}

@Resolver(() => AccessReviewItemType)
export class AccessReviewItemResolver {
  @FieldResolver(() => GroupType)
  group(@Root() i: AccessReviewItemType, @Ctx() ctx: Context): GroupType | Promise<GroupType> {
    return i.groupRow ?? this.loadGroup(i, ctx);
  }

  private async loadGroup(i: AccessReviewItemType, ctx: Context): Promise<GroupType> {
    const group = await ctx.loaders.group.load(i.groupId);
    if (!group) throw errors.notFound('That group no longer exists.');
    return toGroupType(group);
  }

  @FieldResolver(() => UserType, { description: 'The member under review.' })
  user(@Root() i: AccessReviewItemType, @Ctx() ctx: Context): UserType | Promise<UserType> {
    return i.member ? toUserType(i.member) : this.loadUser(i, ctx);
  }

  private async loadUser(i: AccessReviewItemType, ctx: Context): Promise<UserType> {
    const user = await ctx.loaders.user.load(i.userId);
    if (!user) throw errors.notFound('That user no longer exists.');
    return toUserType(user);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'The member’s last sign-in (null: never signed in). Answered to whoever sees the item: a reviewer judges by it (User.lastSignInAt stays the user’s own and administrators’).',
  })
  lastSignInAt(@Root() i: AccessReviewItemType, @Ctx() ctx: Context): Date | null | Promise<Date | null> {
    // The items page reads it with the items; items from elsewhere (a decision) through the batched user loader.
    if (i.lastSignInAt !== undefined) return i.lastSignInAt;
    return ctx.loaders.user.load(i.userId).then((user) => user?.lastSignInAt ?? null);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who decided (null while undecided, for the review’s default, or when that account was deleted).' })
  decidedBy(@Root() i: AccessReviewItemType, @Ctx() ctx: Context): Promise<UserType | null> {
    return userOrNull(ctx, i.decidedById);
  }
}

@Resolver(() => AccessReviewGroupProgress)
export class AccessReviewGroupProgressResolver {
  @FieldResolver(() => GroupType)
  async group(@Root() p: AccessReviewGroupProgress, @Ctx() ctx: Context): Promise<GroupType> {
    const group = await ctx.loaders.group.load(p.groupId);
    if (!group) throw errors.notFound('That group no longer exists.');
    return toGroupType(group);
  }
}

@Resolver(() => AccessReviewReviewerProgress)
export class AccessReviewReviewerProgressResolver {
  @FieldResolver(() => UserType, { nullable: true, description: 'The reviewer (null when that account was deleted).' })
  reviewer(@Root() p: AccessReviewReviewerProgress, @Ctx() ctx: Context): Promise<UserType | null> {
    return userOrNull(ctx, p.userId);
  }
}
