import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { toConnection } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import { EventConnection, EventsArgs, EventType, toEventType } from './event.type';

@Resolver(() => EventType)
export class EventsResolver {
  @Authorized()
  @Query(() => EventConnection, { description: 'The event feed in commit order, gap-free (admins, audit.read). Keep the last cursor; ask again with after.' })
  async events(@Args() args: EventsArgs, @Ctx() ctx: Context): Promise<EventConnection> {
    const page = await ctx.services.events.page(requireViewer(ctx), args.after, args.first, args.types);
    return toConnection(page, toEventType);
  }
}
