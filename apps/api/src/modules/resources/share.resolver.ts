import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { GroupType } from '../groups/group.type';
import { shareRefusal } from './resources.service';

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
    const membership = ctx.viewer.isAdmin || String(group.shareable) !== 'MEMBERS' ? null : await ctx.loaders.viewerMembership.load(group.id);
    return shareRefusal(ctx.viewer, group, membership !== null);
  }

  @FieldResolver(() => Boolean, { description: 'May you share resources with this group (grant it READ or WRITE)?' })
  async viewerCanShare(@Root() group: GroupType, @Ctx() ctx: Context): Promise<boolean> {
    return (await this.viewerShareRefusal(group, ctx)) === null;
  }
}
