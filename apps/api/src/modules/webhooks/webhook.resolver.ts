import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ADMIN } from '../../authz/access';
import { PageArgs, toConnection } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import type { OutboundAttemptEntity } from '../outbound/outbound-attempt.entity';
import { toWebhookDeliveryType, toWebhookType, WebhookDeliveryConnection, WebhookDeliveryType, WebhookInput, WebhookType, WebhookWithSecret } from './webhook.type';

@ArgsType()
class DeliveriesArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only failed attempts (RETRYING, FAILED).' })
  failedOnly: boolean;
}

@Resolver(() => WebhookType)
export class WebhookResolver {
  @Authorized(ADMIN)
  @Query(() => [WebhookType], { description: 'Every webhook (admins).' })
  async webhooks(@Ctx() ctx: Context): Promise<WebhookType[]> {
    return (await ctx.services.webhooks.list(requireViewer(ctx))).map(toWebhookType);
  }

  @Authorized(ADMIN)
  @Query(() => WebhookType, { nullable: true, description: 'One webhook (admins); null when no webhook has this id.' })
  async webhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookType | null> {
    const webhook = await ctx.services.webhooks.get(requireViewer(ctx), id);
    return webhook ? toWebhookType(webhook) : null;
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'The delivery log, newest first: each attempt, and the next one due.' })
  async deliveries(@Root() webhook: WebhookType, @Args() args: DeliveriesArgs, @Ctx() ctx: Context): Promise<WebhookDeliveryConnection> {
    const page = await ctx.services.webhooks.deliveries(webhook.id, args.first, args.after, args.failedOnly);
    const types = await ctx.services.webhooks.eventTypes(page.nodes.map((a) => a.message!.eventId).filter((id): id is number => id !== null));
    return toConnection(page, (a) => toWebhookDeliveryType(a, types));
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookWithSecret, { description: 'Register an endpoint (admins). The secret is shown this once.' })
  async createWebhook(@Arg('input') input: WebhookInput, @Ctx() ctx: Context): Promise<WebhookWithSecret> {
    const { webhook, secret } = await ctx.services.webhooks.create(requireViewer(ctx), input);
    return { webhook: toWebhookType(webhook), secret };
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookType, { description: 'Change an endpoint’s URL, filters, description or enabled state (admins).' })
  async updateWebhook(@Arg('id', () => ID) id: string, @Arg('input') input: WebhookInput, @Ctx() ctx: Context): Promise<WebhookType> {
    return toWebhookType(await ctx.services.webhooks.update(requireViewer(ctx), id, input));
  }

  @Authorized(ADMIN)
  @Mutation(() => Boolean, { description: 'Delete an endpoint and its queued deliveries (admins).' })
  deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.webhooks.delete(requireViewer(ctx), id);
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookWithSecret, { description: 'A new signing secret, shown once; the old one keeps signing beside it for 24 hours (admins).' })
  async rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookWithSecret> {
    const { webhook, secret } = await ctx.services.webhooks.rotate(requireViewer(ctx), id);
    return { webhook: toWebhookType(webhook), secret };
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookDeliveryType, { description: 'Send an event to an endpoint again, with the same webhook-id (admins).' })
  async redeliverEvent(@Arg('webhookId', () => ID) webhookId: string, @Arg('eventId', () => ID) eventId: string, @Ctx() ctx: Context): Promise<WebhookDeliveryType> {
    return this.delivery(await ctx.services.webhooks.redeliver(requireViewer(ctx), webhookId, eventId), ctx);
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookDeliveryType, { description: 'Send a webhook.test event to an endpoint (admins).' })
  async sendTestWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookDeliveryType> {
    return this.delivery(await ctx.services.webhooks.sendTest(requireViewer(ctx), id), ctx);
  }

  private async delivery(attempt: OutboundAttemptEntity, ctx: Context): Promise<WebhookDeliveryType> {
    const eventId = attempt.message!.eventId;
    return toWebhookDeliveryType(attempt, await ctx.services.webhooks.eventTypes(eventId !== null ? [eventId] : []));
  }
}
