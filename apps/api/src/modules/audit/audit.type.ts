import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { EdgeType, PageArgs, PageInfo } from '../../common/pagination';
import { JSONObjectScalar } from '../../common/scalars';
import type { AuditEventEntity } from './audit-event.entity';
import { auditActionLabel, auditSentence } from './audit-actions';

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

  @Field(() => String, { nullable: true, description: 'The resource’s name when the change was made (a copy: it stays readable after deletion).' })
  resourceLabel: string | null;

  @Field({ description: 'What the action means, in words (e.g. "Member added"); the same words as auditActions.' })
  actionLabel: string;

  @Field(() => JSONObjectScalar, { description: 'Everything recorded, as data (the summary says it in words).' })
  details: Record<string, unknown>;
}

/** The resource's label: the copied one, or for rows older than the copy the name their details kept. */
function resourceLabelOf(e: AuditEventEntity): string | null {
  if (e.resourceLabel) return e.resourceLabel;
  const name = e.resourceId ? (e.details as Record<string, unknown>)['name'] : undefined;
  return typeof name === 'string' && name ? name : null;
}

/** The row as people read it: the entity plus its resource label and sentence (dates as days in `timeZone`). */
export function describedAuditEvent(e: AuditEventEntity, timeZone = 'UTC'): AuditEventEntity & { actionLabel: string; summary: string } {
  const described = Object.assign({}, e, { resourceLabel: resourceLabelOf(e) });
  return Object.assign(described, { actionLabel: auditActionLabel(e.action), summary: auditSentence(described, timeZone) });
}

@ObjectType('AuditActionInfo', { description: 'One action of the audit vocabulary, for pickers.' })
export class AuditActionInfo {
  @Field({ description: 'The value of AuditEvent.action and AuditFilter.action, e.g. MEMBER_ADDED.' })
  key: string;

  @Field({ description: 'In words, e.g. "Member added".' })
  label: string;
}

export function toAuditEventType(entity: AuditEventEntity): AuditEventType {
  const e = Object.assign({}, entity, { resourceLabel: resourceLabelOf(entity), actionLabel: auditActionLabel(entity.action) });
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
    resourceLabel: e.resourceLabel,
    actionLabel: e.actionLabel,
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

  @Field(() => ID, { nullable: true, description: 'Events about this resource (its grants, visibility, owner, details).' })
  resourceId?: string | null;

  @Field(() => String, { nullable: true, description: 'One key of auditActions, e.g. MEMBER_ADDED (any case; spaces as underscores).' })
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
