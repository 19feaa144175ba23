import { Arg, Authorized, FieldResolver, Resolver, Root, Subscription, type PubSub } from 'type-graphql';
import { encodeCursor } from '../../common/pagination';
import type { Context } from '../../context';
import type { EventEntity } from './event.entity';
import { EventType, toEventType } from './event.type';
import { eventStream } from './subscriptions.events';

@Resolver(() => EventType)
export class EventsSubscriptionResolver {
  @Authorized()
  @Subscription(() => EventType, {
    description:
      'The event feed, live (admins, audit.read), over WebSocket (graphql-ws) on /graphql. With after (a cursor from Query.events or Event.cursor): first every event committed after it, then the live ones — no gap, no duplicate. Without it: from now on.',
    subscribe: ({ args, context }) => eventStream(context as Context, args as { types?: string[] | null; after?: string | null }),
  })
  events(
    @Root() event: EventEntity,
    @Arg('types', () => [String], { nullable: true, description: 'Only these event types (all when empty).' }) _types: string[] | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last event you have.' }) _after: string | null,
  ): EventType {
    return toEventType(event);
  }

  @FieldResolver(() => String, { description: 'This event’s cursor: pass it as after to Query.events or Subscription.events to go on from here.' })
  cursor(@Root() event: EventType): string {
    return encodeCursor([event.id]);
  }
}

/**
 * type-graphql refuses to build a schema with subscriptions unless a pub/sub is named, even when
 * every subscription brings its own `subscribe`. Ours do (they read the database: see
 * subscriptions.live.ts); this one is never used and says so if it ever were.
 */
export const NO_PUBSUB: PubSub = {
  publish: () => {
    throw new Error('live updates read the database; nothing is published in memory');
  },
  subscribe: () => {
    throw new Error('live updates read the database; nothing is published in memory');
  },
};
