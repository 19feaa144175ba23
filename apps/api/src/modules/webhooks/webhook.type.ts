import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { EdgeType, PageInfo } from '../../common/pagination';
import type { OutboundAttemptEntity } from '../outbound/outbound-attempt.entity';
import type { WebhookEntity } from './webhook.entity';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  RETRYING = 'RETRYING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus', description: 'PENDING: due; RETRYING: failed, tried again later; SUCCEEDED; FAILED: no attempts left.' });

@ObjectType('Webhook', { description: 'An endpoint that receives events (SPEC §17), signed per Standard Webhooks.' })
export class WebhookType {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field()
  description: string;

  @Field(() => [String], { description: 'Event types delivered; empty = all.' })
  eventTypes: string[];

  @Field(() => [ID], { description: 'Only events naming one of these groups; empty = all.' })
  groupIds: string[];

  @Field({ description: 'False when turned off, or after 5 days in which every delivery failed.' })
  enabled: boolean;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastDeliveryAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt (null: no answer).' })
  lastHttpStatus: number | null;

  @Field(() => Date, { nullable: true, description: 'Since when every attempt has failed; null while healthy.' })
  failingSince: Date | null;
}

export const toWebhookType = (w: WebhookEntity): WebhookType =>
  Object.assign(new WebhookType(), {
    id: w.id,
    url: w.url,
    description: w.description,
    eventTypes: w.eventTypes,
    groupIds: w.groupIds,
    enabled: w.enabled,
    createdAt: w.createdAt,
    lastDeliveryAt: w.lastDeliveryAt,
    lastHttpStatus: w.lastHttpStatus,
    failingSince: w.failingSince,
  });

@ObjectType('WebhookDelivery', { description: 'One attempt at delivering an event (or the attempt still to come).' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The event (and the webhook-id header); a test delivery’s is test_….' })
  eventId: string;

  @Field()
  eventType: string;

  @Field(() => Int, { description: '1 for the first attempt.' })
  attempt: number;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int, { nullable: true })
  httpStatus: number | null;

  @Field(() => Int, { nullable: true })
  durationMs: number | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => String, { nullable: true, description: 'The first 1 KB of the answer.' })
  responseBody: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a PENDING attempt is due.' })
  nextAttemptAt: Date | null;
}

/** An attempt row as a delivery; the event type comes from the event (or a test's payload). */
export const toWebhookDeliveryType = (a: OutboundAttemptEntity, types: ReadonlyMap<number, string>): WebhookDeliveryType => {
  const m = a.message!;
  const payload = m.payload ?? {};
  return Object.assign(new WebhookDeliveryType(), {
    id: a.id,
    eventId: m.eventId !== null ? String(m.eventId) : String(payload.id ?? ''),
    eventType: m.eventId !== null ? (types.get(m.eventId) ?? 'unknown') : String(payload.type ?? 'webhook.test'),
    attempt: a.attempt,
    status: a.status as WebhookDeliveryStatus,
    httpStatus: a.statusCode,
    durationMs: a.durationMs,
    error: a.error,
    responseBody: a.response,
    createdAt: a.createdAt,
    nextAttemptAt: a.nextAttemptAt,
  });
};

const WebhookDeliveryEdge = EdgeType('WebhookDelivery', WebhookDeliveryType);

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges: InstanceType<typeof WebhookDeliveryEdge>[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType('WebhookWithSecret', { description: 'A webhook and its signing secret: shown this once.' })
export class WebhookWithSecret {
  @Field(() => WebhookType)
  webhook: WebhookType;

  @Field({ description: 'whsec_…: verify deliveries with it (any Standard Webhooks library).' })
  secret: string;
}

@InputType('WebhookInput')
export class WebhookInput {
  @Field()
  @MaxLength(2000)
  url: string;

  @Field(() => String, { nullable: true, defaultValue: '' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  eventTypes?: string[] | null;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  @IsOptional()
  groupIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  enabled?: boolean | null;
}
