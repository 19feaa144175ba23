import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Public } from '../../authz/access';
import { Registration } from '../../common/enums';
import { actAs, requireViewer, type Context } from '../../context';
import type { UserEntity } from '../users/user.entity';
import { readSettings } from '../settings/settings.repository';
import { SetupInput } from '../users/user.inputs';
import { toUserType, UserType } from '../users/user.type';

@ObjectType({ description: 'A successful sign-in: the session cookie is set on the response.' })
export class SignInPayload {
  @Field(() => UserType)
  user: UserType;
}

@ObjectType({ description: 'What the sign-in page needs to know before anyone signs in.' })
export class AuthConfig {
  @Field({ description: 'True until the first admin exists: the SPA shows the one-time setup screen.' })
  needsSetup: boolean;

  @Field(() => Registration, { description: 'OPEN: anyone may sign up; CLOSED: admins create accounts.' })
  registration: Registration;

  @Field({ description: 'Single sign-on is configured: show "Sign in with …" linking to /auth/oidc/start.' })
  ssoEnabled: boolean;

  @Field(() => String, { nullable: true, description: 'The provider’s name for the button (OIDC_DISPLAY_NAME).' })
  ssoDisplayName: string | null;
}

@Resolver()
export class AuthResolver {
  @Public()
  @Query(() => AuthConfig, { description: 'Public facts for the sign-in page.' })
  async authConfig(@Ctx() ctx: Context): Promise<AuthConfig> {
    const settings = await readSettings(ctx.services.db.manager);
    return {
      needsSetup: await ctx.services.auth.needsSetup(),
      registration: settings.registration as Registration,
      ssoEnabled: ctx.services.sso.enabled,
      ssoDisplayName: ctx.services.sso.displayName,
    };
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Sign in with email and password; sets an httpOnly session cookie.' })
  async signIn(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    return this.signedIn(ctx, await ctx.services.auth.signIn(ctx.req, ctx.res, email, password));
  }

  @Public()
  @Mutation(() => Boolean, { description: "End this browser's session. Always true." })
  signOut(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.auth.signOut(ctx.req, ctx.res, ctx.sessionHash);
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'One-time setup: create the first admin and sign in. Refused once an admin exists.' })
  async completeSetup(@Arg('input') input: SetupInput, @Ctx() ctx: Context): Promise<SignInPayload> {
    return this.signedIn(ctx, await ctx.services.auth.completeSetup(ctx.req, ctx.res, input));
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Create your own account and sign in; only when registration is OPEN.' })
  async signUp(@Arg('input') input: SetupInput, @Ctx() ctx: Context): Promise<SignInPayload> {
    return this.signedIn(ctx, await ctx.services.auth.signUp(ctx.req, ctx.res, input));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Change your own password; your other sessions end.' })
  changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.services.auth.changePassword(requireViewer(ctx), ctx.sessionHash, currentPassword, newPassword);
  }

  private async signedIn(ctx: Context, user: UserEntity): Promise<SignInPayload> {
    await actAs(ctx, user);
    return { user: toUserType(user) };
  }
}
