import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ADMIN } from '../../authz/access';
import { requireViewer, type Context } from '../../context';
import { GroupEntity } from '../groups/group.entity';
import { GroupType, toGroupType } from '../groups/group.type';
import type { SettingsModel } from './settings.model';
import { Settings, SettingsInput } from './settings.type';

const toSettings = (model: SettingsModel, defaultGroupIds: string[]): Settings =>
  Object.assign(new Settings(), model, { defaultGroupIds }) as Settings;

@Resolver(() => Settings)
export class SettingsResolver {
  @Authorized(ADMIN)
  @Query(() => Settings, { description: 'Service-wide settings (admins).' })
  async settings(@Ctx() ctx: Context): Promise<Settings> {
    const model = await ctx.services.settings.get(requireViewer(ctx));
    return toSettings(model, await ctx.services.settings.defaultGroupIds(model));
  }

  @Authorized(ADMIN)
  @Mutation(() => Settings, { description: 'Change settings (admins); every change is audited.' })
  async updateSettings(@Arg('input') input: SettingsInput, @Ctx() ctx: Context): Promise<Settings> {
    const model = await ctx.services.settings.update(requireViewer(ctx), input);
    return toSettings(model, await ctx.services.settings.defaultGroupIds(model));
  }

  @FieldResolver(() => [GroupType], { description: 'Groups every new person joins.' })
  async defaultGroups(@Root() settings: Settings, @Ctx() ctx: Context): Promise<GroupType[]> {
    const groups = await ctx.loaders.group.loadMany(settings.defaultGroupIds);
    return groups.filter((g): g is GroupEntity => g instanceof GroupEntity).map(toGroupType);
  }
}
