import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { can } from '../../authz/authorize';
import type { Context } from '../../context';
import { groupPolicy } from '../groups/group.policy';
import { GroupType } from '../groups/group.type';
import { GrantType, toGrantType } from './resource.type';

/**
 * What a group gives its members besides permissions: the resources granted to it (SPEC §11). A
 * reviewer judges a membership by it (SPEC §21), so it follows the member list's rule — members
 * reach those resources anyway, and approvers answer for who is in the group.
 */
@Resolver(() => GroupType)
export class GroupGrantsResolver {
  @FieldResolver(() => [GrantType], {
    description:
      'Resources this group’s members reach through it: its current grants (expired ones do not count), by resource kind and name. For those who may list its members (listMembers), else empty.',
  })
  async grants(@Root() group: GroupType, @Ctx() ctx: Context): Promise<GrantType[]> {
    const facts = await ctx.loaders.groupFacts.load(group.id);
    if (!facts || !ctx.viewer || !can(groupPolicy, 'listMembers', ctx.viewer, facts)) return [];
    return (await ctx.loaders.currentGrantsOfGroup.load(group.id)).map(toGrantType);
  }
}
