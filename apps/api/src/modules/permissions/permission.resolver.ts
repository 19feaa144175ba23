import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ADMIN } from '../../authz/access';
import { requireViewer, type Context } from '../../context';
import type { PermissionEntity } from './permission.entity';

@ObjectType({ description: 'A permission in the catalog.' })
export class PermissionInfo {
  @Field({ description: 'area.verb, e.g. groups.request or wiki.edit' })
  key: string;

  @Field()
  description: string;

  @Field({ description: 'Part of Gatehouse itself (not defined by an admin).' })
  builtIn: boolean;
}

const toInfo = (p: PermissionEntity): PermissionInfo => ({ key: p.key, description: p.description, builtIn: p.builtIn });

@Resolver()
export class PermissionResolver {
  @Authorized()
  @Query(() => [PermissionInfo], { description: 'The permission catalog: built-in keys, then your own.' })
  async permissions(@Ctx() ctx: Context): Promise<PermissionInfo[]> {
    return (await ctx.services.permissions.catalog()).map(toInfo);
  }

  @Authorized(ADMIN)
  @Mutation(() => PermissionInfo, { description: 'Define a permission key for your own integrations (admins).' })
  async definePermission(
    @Arg('key') key: string,
    @Arg('description') description: string,
    @Ctx() ctx: Context,
  ): Promise<PermissionInfo> {
    return toInfo(await ctx.services.permissions.define(requireViewer(ctx), key, description));
  }
}
