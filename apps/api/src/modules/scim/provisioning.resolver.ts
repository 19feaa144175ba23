import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../../context';
import { CreateApiTokenPayload } from '../tokens/token.type';
import { toUserType, UserType } from '../users/user.type';
import { SCIM_PATH } from './scim.router';

@ObjectType('ScimProvisioning', { description: 'SCIM 2.0 provisioning (SPEC §19): where identity providers connect, and with which account.' })
export class ScimProvisioningType {
  @Field(() => String, { nullable: true, description: 'The SCIM base URL (PUBLIC_URL + /scim/v2); null when PUBLIC_URL is not set (then: this site\'s origin + scimPath).' })
  baseUrl: string | null;

  @Field({ description: 'The path SCIM is served at on this server.' })
  scimPath: string;

  @Field(() => UserType, { nullable: true, description: 'The service account made for provisioning (its apiTokens are the provisioning tokens); null until the first token.' })
  account: UserType | null;
}

@Resolver()
export class ProvisioningResolver {
  @Authorized()
  @Query(() => ScimProvisioningType, { description: 'The Provisioning page: SCIM base URL and provisioning account. Admins only.' })
  async scimProvisioning(@Ctx() ctx: Context): Promise<ScimProvisioningType> {
    const account = await ctx.services.provisioning.account(requireViewer(ctx));
    const publicUrl = ctx.services.publicUrl;
    return { baseUrl: publicUrl ? `${publicUrl}${SCIM_PATH}` : null, scimPath: SCIM_PATH, account: account ? toUserType(account) : null };
  }

  @Authorized()
  @Mutation(() => CreateApiTokenPayload, {
    description: 'Make a provisioning token (admins): creates the SCIM service account with scim.provision on first use. The secret is shown once; revoke with revokeApiToken.',
  })
  async createScimToken(@Arg('name', () => String, { nullable: true }) name: string | null, @Ctx() ctx: Context): Promise<CreateApiTokenPayload> {
    const { token, entity } = await ctx.services.provisioning.createToken(requireViewer(ctx), name);
    return { token, id: entity.id };
  }
}
