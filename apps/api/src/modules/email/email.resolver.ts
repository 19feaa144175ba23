import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ADMIN } from '../../authz/access';
import { requireViewer, type Context } from '../../context';
import { Settings } from '../settings/settings.type';
import { UserType } from '../users/user.type';
import { EmailDelivery, NotificationPreferenceInput, NotificationPreferenceType, TestEmailResult, toPreferenceType, toTestEmailResult } from './email.type';

@Resolver()
export class EmailResolver {
  @Authorized()
  @Mutation(() => [NotificationPreferenceType], { description: 'Switch email copies of your notifications on or off per kind; kinds not listed keep their value. Answers every kind.' })
  async setNotificationPreferences(
    @Arg('preferences', () => [NotificationPreferenceInput]) preferences: NotificationPreferenceInput[],
    @Ctx() ctx: Context,
  ): Promise<NotificationPreferenceType[]> {
    return (await ctx.services.email.setPreferences(requireViewer(ctx), preferences)).map(toPreferenceType);
  }

  @Authorized(ADMIN)
  @Mutation(() => Boolean, { description: 'Send a test email now, not queued (admins): true when the SMTP server accepted it. `testEmail` answers with what the server said.' })
  async sendTestEmail(@Arg('to') to: string, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.email.sendTest(requireViewer(ctx), to)).accepted;
  }

  @Authorized(ADMIN)
  @Mutation(() => TestEmailResult, { description: "Send a test email now, not queued (admins), and show the SMTP server's answer." })
  async testEmail(@Arg('to') to: string, @Ctx() ctx: Context): Promise<TestEmailResult> {
    return toTestEmailResult(await ctx.services.email.sendTest(requireViewer(ctx), to));
  }
}

@Resolver(() => UserType)
export class UserPreferencesResolver {
  @FieldResolver(() => [NotificationPreferenceType], { description: 'Email copies per kind of notification; answered to the user themself only (empty for anyone else).' })
  async notificationPreferences(@Root() user: UserType, @Ctx() ctx: Context): Promise<NotificationPreferenceType[]> {
    if (!ctx.viewer) return [];
    return (await ctx.services.email.preferences(ctx.viewer, user.id)).map(toPreferenceType);
  }
}

@Resolver(() => Settings)
export class SettingsEmailResolver {
  @FieldResolver(() => EmailDelivery, { description: 'Whether this server sends email (SMTP_URL); unset = notifications in-app only.' })
  emailDelivery(@Ctx() ctx: Context): EmailDelivery {
    return Object.assign(new EmailDelivery(), ctx.services.email.status());
  }
}
