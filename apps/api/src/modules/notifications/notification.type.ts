import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { EdgeType, PageInfo } from '../../common/pagination';
import { Max, Min } from 'class-validator';
import { LIMITS } from '@gatehouse/shared';
import type { NotificationEntity } from './notification.entity';

@ObjectType('Notification', { description: 'An in-app message to you.' })
export class NotificationType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => String, { nullable: true, description: 'Where in the app it points.' }) link: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

export const toNotificationType = (n: NotificationEntity): NotificationType =>
  Object.assign(new NotificationType(), { id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt, readAt: n.readAt });

const NotificationEdge = EdgeType('Notification', NotificationType);

@ObjectType({ description: 'A page of your notifications, newest first, with how many are unread in all.' })
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges: InstanceType<typeof NotificationEdge>[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) unreadCount: number;
}

@ArgsType()
export class NotificationsArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false }) unreadOnly?: boolean | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @Min(1, { message: 'first must be at least 1' })
  @Max(LIMITS.maxPageSize, { message: `first must be at most ${LIMITS.maxPageSize}; page with after instead` })
  first: number;

  @Field(() => String, { nullable: true }) after?: string | null;
}
