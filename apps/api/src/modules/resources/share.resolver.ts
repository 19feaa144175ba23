import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { GroupType } from '../groups/group.type';
import { can } from '../../authz/authorize';
import { resourcePolicy, shareRefusal } from './resource.policy';

/**
 * What the share picker needs of a group: whether you may grant it access to a resource, and if
 * not, why — by the very rule `grantAccess` and `setResourceAccess` apply (SPEC §11, `shareable`).
 */
@Resolver(() => GroupType)
export class GroupShareResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why you may not share resources with this group ("accepts shares only from administrators"), following its name; null when you may.',
  })
  async viewerShareRefusal(@Root() group: GroupType, @Ctx() ctx: Context): Promise<string | null> {
    if (!ctx.viewer) return 'accepts shares only from signed-in people';
    return shareRefusal(ctx.viewer, group, await this.viewerIsMember(group, ctx));
  }

  @FieldResolver(() => Boolean, { description: 'May you share resources with this group (grant it READ or WRITE)?' })
  async viewerCanShare(@Root() group: GroupType, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.viewer !== null && can(resourcePolicy, 'share', ctx.viewer, group, await this.viewerIsMember(group, ctx));
  }

  /** Membership matters only to a MEMBERS group and a non-admin: nobody else's answer waits on a lookup. */
  private async viewerIsMember(group: GroupType, ctx: Context): Promise<boolean> {
    if (!ctx.viewer || ctx.viewer.isAdmin || String(group.shareable) !== 'MEMBERS') return false;
    return (await ctx.loaders.viewerMembership.load(group.id)) !== null;
  }
}
