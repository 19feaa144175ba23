import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { JoinOutcome, LeaveOutcome, RequestKind, RequestStatus } from '../../common/enums';
import { EdgeType, PageArgs, PageInfo } from '../../common/pagination';
import { GroupType } from '../groups/group.type';
import { MembershipType } from '../memberships/membership.type';
import type { UserType } from '../users/user.type';
import type { GroupRequestEntity } from './group-request.entity';
import type { ListedRequest } from './requests.repository';

@ObjectType('GroupRequest', { simpleResolvers: true, description: 'A join, leave or extension request, kept as history once decided.' })
export class GroupRequestType {
  @Field(() => ID) id: string;
  @Field(() => RequestKind) kind: RequestKind;
  @Field(() => RequestStatus) status: RequestStatus;
  userId: string;
  groupId: string;
  decidedById: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionComment: string | null;
  @Field(() => Date, { nullable: true, description: 'EXTEND requests: the expiry asked for (approving sets exactly this).' }) requestedUntil: Date | null;
  /**
   * Who asked and the group, when the page's statement read them (not GraphQL fields): `user` and
   * `group` then answer at once instead of through a loader's promise.
   */
  prefetched?: { user: UserType; group: GroupType };
}

/**
 * The fields of GroupRequest a listed request answers (ListedRequest: a page of groups reads the
 * viewer's own request that way when only these are selected of it). A field not named here makes
 * the page read whole requests (`common/listed-fields.test.ts` checks each one named).
 */
export const LISTED_REQUEST_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'kind', 'status', 'user', 'group']);

/** A request as a page of groups listed it (only LISTED_REQUEST_FIELDS answer). */
export function toListedRequestType(r: ListedRequest): GroupRequestType {
  // Set one by one: Object.assign from a literal built a second object per request of a page.
  const type = new GroupRequestType();
  type.id = r.id;
  type.kind = r.kind as RequestKind;
  type.status = r.status as RequestStatus;
  type.userId = r.userId;
  type.groupId = r.groupId;
  return type;
}

/** A request a page read with `columns` (whole, or as listed). */
export function toPageRequestType(r: ListedRequest, columns: 'listed' | 'full'): GroupRequestType {
  return columns === 'full' ? toRequestType(r as GroupRequestEntity) : toListedRequestType(r);
}

export function toRequestType(r: GroupRequestEntity): GroupRequestType {
  const type = toListedRequestType(r);
  type.decidedById = r.decidedById;
  type.reason = r.reason;
  type.createdAt = r.createdAt;
  type.decidedAt = r.decidedAt;
  type.decisionComment = r.decisionComment;
  type.requestedUntil = r.requestedUntil;
  return type;
}

const GroupRequestEdge = EdgeType('GroupRequest', GroupRequestType);

@ObjectType({ simpleResolvers: true, description: 'A page of requests.' })
export class GroupRequestConnection {
  @Field(() => [GroupRequestEdge]) edges: InstanceType<typeof GroupRequestEdge>[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@InputType({ description: 'Which requests: a group, a kind, a status (PENDING unless given), or only your own.' })
export class RequestFilter {
  @Field(() => ID, { nullable: true }) groupId?: string | null;
  @Field(() => RequestKind, { nullable: true }) kind?: RequestKind | null;
  @Field(() => RequestStatus, { nullable: true, defaultValue: RequestStatus.PENDING }) status?: RequestStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'Only requests you made.' }) mine?: boolean | null;
}

@ArgsType()
export class RequestsArgs extends PageArgs {
  @Field(() => RequestFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: RequestFilter | null;
}

@ObjectType({ description: 'What joinGroup did.' })
export class JoinGroupPayload {
  @Field(() => JoinOutcome) outcome: JoinOutcome;
  @Field(() => GroupType) group: GroupType;
  @Field(() => GroupRequestType, { nullable: true }) request: GroupRequestType | null;
  @Field(() => MembershipType, { nullable: true }) membership: MembershipType | null;
}

@ObjectType({ description: 'What leaveGroup did.' })
export class LeaveGroupPayload {
  @Field(() => LeaveOutcome) outcome: LeaveOutcome;
  @Field(() => GroupType) group: GroupType;
  @Field(() => GroupRequestType, { nullable: true }) request: GroupRequestType | null;
}

@ObjectType({ description: 'Why one request of a bulk decision failed.' })
export class DecisionError {
  @Field() code: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() message: string;
}

@ObjectType({ description: 'The result for one request of a bulk decision.' })
export class DecisionResult {
  @Field(() => ID) requestId: string;
  @Field({ description: 'True when this request was decided.' }) ok: boolean;
  @Field(() => GroupRequestType, { nullable: true }) request: GroupRequestType | null;
  @Field(() => DecisionError, { nullable: true }) error: DecisionError | null;
}
