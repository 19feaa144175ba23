import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccessLevel } from '../../common/enums';
import { errors } from '../../common/errors';
import { toConnection } from '../../common/pagination';
import { columnsFor, selectsField } from '../../common/selection';
import { requireViewer, type Context } from '../../context';
import { GroupType, toGroupType } from '../groups/group.type';
import { toUserType, UserType } from '../users/user.type';
import type { ResourceEntity } from './resource.entity';
import { can } from '../../authz/authorize';
import { resourcePolicy } from './resource.policy';
import {
  AccessControlInput,
  AccessorConnection,
  AccessorsArgs,
  AccessorType,
  ResourceAbilities,
  CreateResourceInput,
  GrantType,
  ResourceConnection,
  ResourcesArgs,
  ResourceType,
  LISTED_FIELDS,
  toGrantType,
  toListedResourceType,
  toResourceType,
  UpdateResourceInput,
} from './resource.type';

@Resolver(() => ResourceType)
export class ResourceResolver {
  @Authorized()
  @Query(() => ResourceType, { nullable: true, description: 'A resource by id, or by (kind, externalId); null when unknown or not readable by you.' })
  async resource(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
    @Arg('externalId', () => String, { nullable: true }) externalId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ResourceType | null> {
    const viewer = requireViewer(ctx);
    if (!id && !(kind && externalId)) throw errors.validation([{ field: 'id', message: 'Give an id, or a kind and an externalId.' }]);
    const found = id ? await ctx.services.resources.visible(viewer, id) : await ctx.services.resources.byExternalId(viewer, kind!, externalId!);
    return found ? toResourceType(found.resource, found.level as AccessLevel) : null;
  }

  @Authorized()
  @Query(() => ResourceConnection, { description: 'Everything a user reaches at a level (default: you, READ), by kind and name — complete and cursor-paged.' })
  async resources(@Args() args: ResourcesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ResourceConnection> {
    // Counting everything reachable costs more than a page: only when the client asks.
    const withTotal = selectsField(info, 'totalCount');
    // A listing of ids, kinds and names (an integration's sync) is read from the page indexes alone.
    const columns = columnsFor(info, ['edges', 'node'], LISTED_FIELDS);
    const page = await ctx.services.access.reachable(requireViewer(ctx), args.userId, args.filter ?? {}, args.first, args.after, { withTotal, columns });
    // 'full' columns are whole resources (ReachedResource is then a ResourceEntity).
    return Object.assign(toConnection(page, (r) => (columns === 'listed' ? toListedResourceType(r) : toResourceType(r as ResourceEntity))), { totalCount: page.totalCount });
  }

  @Authorized()
  @Query(() => [String], { description: 'The kinds of the resources you reach (as `resources` answers), sorted: the choices of a kind filter.' })
  resourceKinds(@Ctx() ctx: Context): Promise<string[]> {
    return ctx.services.resources.kinds(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => ResourceType, { description: 'Register a resource (resources.create); you own it.' })
  async createResource(@Arg('input') input: CreateResourceInput, @Ctx() ctx: Context): Promise<ResourceType> {
    return toResourceType(await ctx.services.resources.create(requireViewer(ctx), Object.assign({}, input, { kind: input.kind.trim() })));
  }

  @Authorized()
  @Mutation(() => ResourceType, { description: 'Rename or describe a resource (owner, admins, WRITE holders).' })
  async updateResource(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateResourceInput, @Ctx() ctx: Context): Promise<ResourceType> {
    return toResourceType(await ctx.services.resources.update(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Delete a resource and its grants (owner, admins).' })
  deleteResource(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.resources.delete(requireViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => ResourceType, { description: 'Replace visibility and the whole access list in one call (owner, admins, WRITE holders).' })
  async setResourceAccess(@Arg('resourceId', () => ID) resourceId: string, @Arg('input') input: AccessControlInput, @Ctx() ctx: Context): Promise<ResourceType> {
    return toResourceType(await ctx.services.resources.setAccess(requireViewer(ctx), resourceId, input));
  }

  @Authorized()
  @Mutation(() => GrantType, { description: 'Grant one user or group READ or WRITE, optionally until a date (owner, admins, WRITE holders).' })
  async grantAccess(
    @Arg('resourceId', () => ID) resourceId: string,
    @Arg('level', () => AccessLevel) level: AccessLevel,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('groupId', () => ID, { nullable: true }) groupId: string | null,
    @Arg('expiresAt', () => Date, { nullable: true }) expiresAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<GrantType> {
    if (level === AccessLevel.NONE) throw errors.validation([{ field: 'level', message: 'Grant READ or WRITE; to take access away, revoke the grant.' }]);
    return toGrantType(await ctx.services.resources.grant(requireViewer(ctx), resourceId, { userId, groupId }, level, expiresAt));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Remove one grant (owner, admins, WRITE holders). Effective on the next request.' })
  revokeAccess(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.resources.revoke(requireViewer(ctx), grantId);
  }

  @Authorized()
  @Mutation(() => ResourceType, { description: 'Give the resource to another active user (owner, admins).' })
  async transferResourceOwnership(@Arg('resourceId', () => ID) resourceId: string, @Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<ResourceType> {
    return toResourceType(await ctx.services.resources.transfer(requireViewer(ctx), resourceId, userId));
  }

  @FieldResolver(() => AccessLevel, { description: 'Your level on it.' })
  async viewerLevel(@Root() r: ResourceType, @Ctx() ctx: Context): Promise<AccessLevel> {
    if (r.viewerLevel) return r.viewerLevel;
    return (await ctx.services.access.level(ctx.viewer, r.id)) as AccessLevel;
  }

  @FieldResolver(() => AccessorConnection, { description: 'Who can reach it — owner, user grants, members of granted groups, admins — for its editors and access.check holders (else empty).' })
  async accessors(@Root() r: ResourceType, @Args() args: AccessorsArgs, @Ctx() ctx: Context): Promise<AccessorConnection> {
    const v = ctx.viewer;
    const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    if (!v) return empty;
    const level = (await this.viewerLevel(r, ctx)) as 'NONE' | 'READ' | 'WRITE';
    if (!can(resourcePolicy, 'listAccessors', v, level)) return empty;
    const page = await ctx.services.access.accessors(v, r.entity, (args.minLevel ?? 'READ') as 'READ' | 'WRITE', args.first, args.after);
    return Object.assign(toConnection(page, (i) => Object.assign(new AccessorType(), { userId: i.user.id, level: i.level as AccessLevel })), { totalCount: page.totalCount });
  }

  @FieldResolver(() => ResourceAbilities, { description: 'What you may do with it.' })
  async viewerCan(@Root() r: ResourceType, @Ctx() ctx: Context): Promise<ResourceAbilities> {
    if (!ctx.viewer) return { edit: false, own: false };
    const level = (await this.viewerLevel(r, ctx)) as 'NONE' | 'READ' | 'WRITE';
    return { edit: can(resourcePolicy, 'edit', ctx.viewer, level), own: can(resourcePolicy, 'own', ctx.viewer, r.entity) };
  }

  @FieldResolver(() => UserType, { nullable: true })
  async owner(@Root() r: ResourceType, @Ctx() ctx: Context): Promise<UserType | null> {
    if (!r.ownerId) return null;
    const user = await ctx.loaders.user.load(r.ownerId);
    return user ? toUserType(user) : null;
  }

  @FieldResolver(() => [GrantType], { description: 'The access list, for those who may edit it (else empty).' })
  async grants(@Root() r: ResourceType, @Ctx() ctx: Context): Promise<GrantType[]> {
    if (!ctx.viewer) return [];
    const level = (await this.viewerLevel(r, ctx)) as 'NONE' | 'READ' | 'WRITE';
    if (!can(resourcePolicy, 'edit', ctx.viewer, level)) return [];
    return (await ctx.loaders.grantsOfResource.load(r.id)).map(toGrantType);
  }
}

@Resolver(() => GrantType)
export class GrantResolver {
  @FieldResolver(() => ResourceType)
  async resource(@Root() g: GrantType, @Ctx() ctx: Context): Promise<ResourceType> {
    const found = ctx.viewer ? await ctx.services.resources.visible(ctx.viewer, g.resourceId) : null;
    if (!found) throw errors.notFound('That resource is gone or not visible to you.');
    return toResourceType(found.resource, found.level as AccessLevel);
  }

  @FieldResolver(() => UserType, { nullable: true })
  async user(@Root() g: GrantType, @Ctx() ctx: Context): Promise<UserType | null> {
    const u = g.userId ? await ctx.loaders.user.load(g.userId) : null;
    return u ? toUserType(u) : null;
  }

  @FieldResolver(() => GroupType, { nullable: true })
  async group(@Root() g: GrantType, @Ctx() ctx: Context): Promise<GroupType | null> {
    const group = g.groupId ? await ctx.loaders.group.load(g.groupId) : null;
    return group ? toGroupType(group) : null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  async grantedBy(@Root() g: GrantType, @Ctx() ctx: Context): Promise<UserType | null> {
    const u = g.grantedById ? await ctx.loaders.user.load(g.grantedById) : null;
    return u ? toUserType(u) : null;
  }
}

@Resolver(() => AccessorType)
export class AccessorResolver {
  @FieldResolver(() => UserType)
  async user(@Root() a: AccessorType, @Ctx() ctx: Context): Promise<UserType> {
    const u = await ctx.loaders.user.load(a.userId);
    if (!u) throw errors.notFound('That user no longer exists.');
    return toUserType(u);
  }
}
