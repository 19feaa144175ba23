import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { toConnection } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import type { NotificationEntity } from './notification.entity';
import { notificationStream } from './notification-stream';
import { NotificationConnection, NotificationsArgs, NotificationType, toNotificationType } from './notification.type';

@Resolver()
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  async notifications(@Args() args: NotificationsArgs, @Ctx() ctx: Context): Promise<NotificationConnection> {
    const page = await ctx.services.notifications.list(requireViewer(ctx), args.unreadOnly ?? false, args.first, args.after);
    return Object.assign(toConnection(page, toNotificationType), { unreadCount: page.unreadCount });
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Mark your notifications read (all of them when no ids are given); returns how many changed.' })
  markNotificationsRead(@Arg('ids', () => [ID], { nullable: true }) ids: string[] | null, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.notifications.markRead(requireViewer(ctx), ids);
  }

  @Authorized()
  @Subscription(() => NotificationType, {
    description: 'Your new notifications as they arrive, each once (over WebSocket, graphql-ws, on /graphql).',
    subscribe: ({ context }) => notificationStream(context as Context),
  })
  notificationAdded(@Root() notification: NotificationEntity): NotificationType {
    return toNotificationType(notification);
  }
}
