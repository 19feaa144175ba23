import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@gatehouse/shared';
import { EdgeType, PageInfo } from '../../common/pagination';
import { JSONObjectScalar } from '../../common/scalars';
import type { EventEntity } from './event.entity';

@ObjectType('Event', { description: 'One change, for downstream services (SPEC §17). `data` names every object as { id, label }.' })
export class EventType {
  @Field(() => ID, { description: 'The event’s place in commit order; also the webhook-id of its deliveries.' })
  id: string;

  @Field({ description: 'e.g. membership.added, access.revoked (SPEC §17 lists them all).' })
  type: string;

  @Field()
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'null = the system itself.' })
  actorId: string | null;

  @Field()
  actorLabel: string;

  @Field(() => JSONObjectScalar)
  data: Record<string, unknown>;
}

export const toEventType = (e: EventEntity): EventType =>
  Object.assign(new EventType(), { id: String(e.id), type: e.type, occurredAt: e.occurredAt, actorId: e.actorId, actorLabel: e.actorLabel, data: e.data });

const EventEdge = EdgeType('Event', EventType);

@ObjectType('EventConnection', { description: 'A page of the feed, oldest first.' })
export class EventConnection {
  @Field(() => [EventEdge])
  edges: InstanceType<typeof EventEdge>[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ArgsType()
export class EventsArgs {
  @Field(() => String, { nullable: true, description: 'The cursor of the last event read: the events committed after it.' })
  @IsOptional()
  @MaxLength(512, { message: 'after is not a cursor this server issued' })
  after?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: LIMITS.maxPageSize, description: 'How many events to return (1–100).' })
  @Min(1, { message: 'first must be at least 1' })
  @Max(LIMITS.maxPageSize, { message: `first must be at most ${LIMITS.maxPageSize}; page with after instead` })
  first: number;

  @Field(() => [String], { nullable: true, description: 'Only these event types (all when empty).' })
  @IsOptional()
  types?: string[] | null;
}
