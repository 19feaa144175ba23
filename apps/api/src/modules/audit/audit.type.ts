import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { EdgeType, PageArgs, PageInfo } from '../../common/pagination';
import { JSONObjectScalar } from '../../common/scalars';
import type { AuditEventEntity } from './audit-event.entity';

@ObjectType('AuditEvent', { description: 'One change, as recorded. Labels are copies: they stay readable after deletions.' })
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field({ description: 'e.g. MEMBER_JOINED, MEMBER_REMOVED, REQUEST_APPROVED, GROUP_UPDATED, SIGN_IN' })
  action: string;

  @Field(() => ID, { nullable: true, description: 'null = the system itself.' })
  actorId: string | null;

  @Field()
  actorLabel: string;

  @Field(() => ID, { nullable: true })
  groupId: string | null;

  @Field(() => String, { nullable: true })
  groupLabel: string | null;

  @Field(() => ID, { nullable: true })
  userId: string | null;

  @Field(() => String, { nullable: true })
  userLabel: string | null;

  @Field(() => ID, { nullable: true })
  resourceId: string | null;

  @Field(() => JSONObjectScalar)
  details: Record<string, unknown>;
}

export function toAuditEventType(e: AuditEventEntity): AuditEventType {
  return Object.assign(new AuditEventType(), {
    id: String(e.id),
    occurredAt: e.occurredAt,
    action: e.action,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    groupId: e.groupId,
    groupLabel: e.groupLabel,
    userId: e.userId,
    userLabel: e.userLabel,
    resourceId: e.resourceId,
    details: e.details,
  });
}

const AuditEventEdge = EdgeType('AuditEvent', AuditEventType);

@ObjectType({ description: 'A page of audit events, newest first.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: InstanceType<typeof AuditEventEdge>[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType({ description: 'Narrow the audit log. Times: since inclusive, until exclusive.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64, { message: 'action must be at most 64 characters' })
  action?: string | null;

  @Field(() => Date, { nullable: true })
  since?: Date | null;

  @Field(() => Date, { nullable: true })
  until?: Date | null;
}

@ArgsType()
export class AuditArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditFilter | null;
}
