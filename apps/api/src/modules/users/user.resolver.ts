import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ADMIN, Public } from '../../authz/access';
import { toConnection } from '../../common/pagination';
import { errors } from '../../common/errors';
import { requireViewer, type Context } from '../../context';
import { GroupEntity } from '../groups/group.entity';
import { GroupType, toGroupType } from '../groups/group.type';
import { MembershipType, toMembershipType } from '../memberships/membership.type';
import { PermissionOrigin } from '../permissions/permission-origin.type';
import { CreateUserInput, UpdateUserInput } from './user.inputs';
import { toUserType, UserConnection, UserType } from './user.type';
import { UserSearchArgs } from './user.args';
import { UserAbilities, ViewerAbilities } from './abilities.type';
import { can } from '../../authz/authorize';
import { userPolicy } from './user.policy';
import { groupPolicy } from '../groups/group.policy';
import { resourcePolicy } from '../resources/resource.policy';
import { reviewPolicy } from '../reviews/review.policy';
import { settingsPolicy } from '../settings/settings.policy';
import { tokenPolicy } from '../tokens/token.policy';

@Resolver(() => UserType)
export class UserResolver {
  @Public()
  @Query(() => UserType, { nullable: true, description: 'The signed-in user; null when not signed in.' })
  async me(@Ctx() ctx: Context): Promise<UserType | null> {
    // A refused API token is an error, not "signed out": an integration must learn its token is bad.
    // (A browser whose session ended just gets null and shows the sign-in page.)
    if (!ctx.viewer && ctx.authProblem && ctx.req.headers.authorization !== undefined) throw errors.unauthenticated(ctx.authProblem);
    if (!ctx.viewer) return null;
    const user = await ctx.loaders.user.load(ctx.viewer.userId);
    return user ? toUserType(user) : null;
  }

  @Authorized()
  @Query(() => UserType, { nullable: true, description: 'A user by id; null when unknown or not visible to you.' })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = await ctx.services.users.byId(requireViewer(ctx), id);
    return user ? toUserType(user) : null;
  }

  @Authorized()
  @Query(() => UserConnection, { description: 'Search active users by name, or by email where you may read it (to share, to add members); admins see all. The filter narrows by status, kind and admin role.' })
  async users(@Args() args: UserSearchArgs, @Ctx() ctx: Context): Promise<UserConnection> {
    const page = await ctx.services.users.search(requireViewer(ctx), args.search, args.first, args.after, args.filter ?? {});
    return Object.assign(toConnection(page, toUserType), { totalCount: page.totalCount ?? 0 });
  }

  @Authorized(ADMIN)
  @Mutation(() => UserType, { description: 'Create an account (admins). Humans join the default groups; service accounts join System.' })
  async createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context): Promise<UserType> {
    return toUserType(await ctx.services.users.createByAdmin(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => UserType, { description: 'Change an account. Admins change anything; people change their own display name.' })
  async updateUser(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateUserInput, @Ctx() ctx: Context): Promise<UserType> {
    return toUserType(await ctx.services.users.update(requireViewer(ctx), id, input));
  }

  @Authorized(ADMIN)
  @Mutation(() => Boolean, { description: 'Delete an account for good (admins). Audit rows keep its name.' })
  async deleteUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.users.delete(requireViewer(ctx), id);
  }

  @Authorized(ADMIN)
  @Mutation(() => UserType, { description: "Replace a user's direct permissions (admins)." })
  async setUserPermissions(
    @Arg('userId', () => ID) userId: string,
    @Arg('permissions', () => [String]) permissions: string[],
    @Ctx() ctx: Context,
  ): Promise<UserType> {
    return toUserType(await ctx.services.permissions.setForUser(requireViewer(ctx), userId, permissions));
  }

  @Authorized()
  @Query(() => ViewerAbilities, { description: 'What you may do across Gatehouse (for showing or hiding controls).' })
  viewerAbilities(@Ctx() ctx: Context): ViewerAbilities {
    const v = requireViewer(ctx);
    return {
      createUser: can(userPolicy, 'create', v),
      createGroup: can(groupPolicy, 'create', v),
      definePermission: can(settingsPolicy, 'definePermission', v),
      createResource: can(resourcePolicy, 'create', v),
      readAudit: can(settingsPolicy, 'readAudit', v),
      manageSettings: can(settingsPolicy, 'update', v),
      checkOthersAccess: can(userPolicy, 'checkAccessOf', v),
      // review.policy.ts keeps its own shape for now (its slice is being reworked): the same rule.
      startAccessReview: reviewPolicy.start(v),
    };
  }

  @FieldResolver(() => UserAbilities, { description: 'What you may do with this account.' })
  viewerCan(@Root() user: UserType, @Ctx() ctx: Context): UserAbilities {
    const v = ctx.viewer;
    const row = { id: user.id, isActive: user.isActive, kind: user.kind };
    if (!v) return { update: false, setEmail: false, setActive: false, setAdmin: false, setPermissions: false, resetPassword: false, createToken: false, delete: false };
    return {
      update: can(userPolicy, 'update', v, row),
      setEmail: can(userPolicy, 'setEmail', v, row),
      setActive: can(userPolicy, 'setActive', v, row),
      setAdmin: can(userPolicy, 'setAdmin', v, row),
      setPermissions: can(userPolicy, 'setPermissions', v),
      resetPassword: can(userPolicy, 'resetPassword', v, row),
      createToken: can(tokenPolicy, 'mint', v, row),
      delete: can(userPolicy, 'delete', v) && can(userPolicy, 'deleteAccount', v, row),
    };
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null unless you are this user, an admin, or lead a group of theirs.' })
  async email(@Root() user: UserType, @Ctx() ctx: Context): Promise<string | null> {
    const viewer = ctx.viewer;
    if (!viewer) return null;
    // Self and admins need no leadership lookup: the rule already holds without it.
    if (can(userPolicy, 'readEmail', viewer, user, { leadsTheirGroup: false })) return user.rawEmail;
    return can(userPolicy, 'readEmail', viewer, user, { leadsTheirGroup: await ctx.loaders.viewerLeadsMemberOf.load(user.id) }) ? user.rawEmail : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When they last signed in; only for themselves and admins.' })
  lastSignInAt(@Root() user: UserType, @Ctx() ctx: Context): Date | null {
    return ctx.viewer && can(userPolicy, 'readLastSignIn', ctx.viewer, user) ? user.lastSignInAt : null;
  }

  @FieldResolver(() => [String], { description: 'Permissions given to the user directly.' })
  async permissions(@Root() user: UserType, @Ctx() ctx: Context): Promise<string[]> {
    return this.mayInspect(user, ctx) ? ctx.loaders.directPermissions.load(user.id) : [];
  }

  @FieldResolver(() => [String], { description: "Direct ∪ current groups' permissions; every permission for admins; none when inactive." })
  async effectivePermissions(@Root() user: UserType, @Ctx() ctx: Context): Promise<string[]> {
    return this.mayInspect(user, ctx) ? ctx.loaders.effectivePermissions.load(user.id) : [];
  }

  @FieldResolver(() => [PermissionOrigin], { description: 'Each effective permission with where it comes from (direct, admin, which groups).' })
  async permissionOrigins(@Root() user: UserType, @Ctx() ctx: Context): Promise<PermissionOrigin[]> {
    if (!this.mayInspect(user, ctx)) return [];
    const [effective, direct, memberships] = await Promise.all([
      ctx.loaders.effectivePermissions.load(user.id),
      ctx.loaders.directPermissions.load(user.id),
      ctx.loaders.membershipsOfUser.load(user.id),
    ]);
    const carried = await ctx.loaders.groupPermissions.loadMany(memberships.map((m) => m.groupId));
    return effective.map((key) => ({
      key,
      direct: direct.includes(key),
      admin: user.isAdmin && user.isActive,
      groups: memberships.filter((_m, i) => {
        const keys = carried[i];
        return Array.isArray(keys) && keys.includes(key);
      }).map((m) => toGroupType(m.group!)),
    }));
  }

  @FieldResolver(() => [MembershipType], { description: 'Current memberships (for themselves, admins and managers).' })
  async memberships(@Root() user: UserType, @Ctx() ctx: Context): Promise<MembershipType[]> {
    if (!this.mayInspect(user, ctx)) return [];
    return (await ctx.loaders.membershipsOfUser.load(user.id)).map(toMembershipType);
  }

  @FieldResolver(() => [GroupType], { description: 'Groups this user leads (listed, or through a leader group).' })
  async ledGroups(@Root() user: UserType, @Ctx() ctx: Context): Promise<GroupType[]> {
    if (!this.mayInspect(user, ctx)) return [];
    const ids = await ctx.loaders.ledGroupIds.load(user.id);
    const groups = (await ctx.loaders.group.loadMany(ids)).filter((g): g is GroupEntity => g instanceof GroupEntity);
    return groups.sort((a, b) => a.nameKey.localeCompare(b.nameKey)).map(toGroupType);
  }

  /** Permissions and memberships of others are for admins and group managers; everyone sees their own. */
  private mayInspect(user: UserType, ctx: Context): boolean {
    return ctx.viewer !== null && can(userPolicy, 'inspect', ctx.viewer, user);
  }
}
