import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MembershipSource } from '../../common/enums';
import { EdgeType, PageArgs, PageInfo } from '../../common/pagination';
import type { AccessReviewEntity, AccessReviewItemEntity } from './access-review.entity';
import type { GroupType } from '../groups/group.type';
import type { UserEntity } from '../users/user.entity';
import type { ReviewView } from './reviews.service';

/** The decisions and states of SPEC §21, one value list each; entities store the same strings. */
export enum ReviewDecision { KEEP = 'KEEP', REMOVE = 'REMOVE' }
export enum ReviewStatus { OPEN = 'OPEN', CLOSED = 'CLOSED' }

registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: 'What a reviewer decides for a membership (SPEC §21).',
  valuesConfig: {
    KEEP: { description: 'The membership stays.' },
    REMOVE: { description: 'The membership ends when the review closes (cause REVIEW).' },
  },
});
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'OPEN until its deadline or until an admin closes it.',
});

@ObjectType('AccessReview', { description: 'A recertification of some groups’ memberships (SPEC §21).' })
export class AccessReviewType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ReviewStatus) status: ReviewStatus;
  @Field({ description: 'When it closes by itself.' }) deadline: Date;
  @Field(() => ReviewDecision, { description: 'What an undecided membership gets when the review closes.' }) defaultDecision: ReviewDecision;
  @Field({ description: 'Decisions are carried out when the review closes.' }) autoApply: boolean;
  @Field(() => String, { nullable: true, description: 'The permission whose groups are under review, when chosen that way.' }) permission: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  createdById: string | null;
  /** The review as the viewer sees it (its groups and the viewer's relation to each). */
  view: ReviewView;
}

export function toReviewType(view: ReviewView): AccessReviewType {
  const r: AccessReviewEntity = view.review;
  return Object.assign(new AccessReviewType(), {
    view,
    id: r.id,
    name: r.name,
    status: r.status as ReviewStatus,
    deadline: r.deadline,
    defaultDecision: r.defaultDecision as ReviewDecision,
    autoApply: r.autoApply,
    permission: r.permissionKey,
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    createdById: r.createdById,
  });
}

@ObjectType('AccessReviewItem', { description: 'One membership under review, as it was when the review started, and the decision on it.' })
export class AccessReviewItemType {
  @Field(() => ID) id: string;
  @Field(() => MembershipSource) source: MembershipSource;
  @Field({ description: 'When the membership began.' }) memberSince: Date;
  @Field(() => ReviewDecision, { nullable: true, description: 'Null while undecided; at close, undecided items take the review’s default.' }) decision: ReviewDecision | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field({ description: 'The decision was carried out at close. False while open, when the review does not apply decisions, or when the membership ended or changed during the review (skipped).' })
  applied: boolean;
  @Field({ description: 'The viewer may decide this item now (open review, a group they review, not their own membership).' }) viewerCanDecide: boolean;
  reviewId: string;
  groupId: string;
  userId: string;
  decidedById: string | null;
  /** The member's last sign-in when the items page read it (undefined: not read; null: never signed in). */
  lastSignInAt?: Date | null;
  /**
   * The member's and the group's rows when the items page has them (the page reads the members, the
   * review its groups): `user` and `group` answer without a loader's promise, fifty times a page.
   */
  member?: UserEntity;
  groupRow?: GroupType;
}

export function toItemType(i: AccessReviewItemEntity, viewerCanDecide: boolean): AccessReviewItemType {
  return Object.assign(new AccessReviewItemType(), {
    id: i.id,
    source: i.source as MembershipSource,
    memberSince: i.memberSince,
    decision: i.decision as ReviewDecision | null,
    decidedAt: i.decidedAt,
    comment: i.comment,
    applied: i.applied,
    viewerCanDecide,
    reviewId: i.reviewId,
    groupId: i.groupId,
    userId: i.userId,
    decidedById: i.decidedById,
    lastSignInAt: i.user ? i.user.lastSignInAt : undefined,
    member: i.user,
  });
}

const AccessReviewEdge = EdgeType('AccessReview', AccessReviewType);
const AccessReviewItemEdge = EdgeType('AccessReviewItem', AccessReviewItemType);

@ObjectType({ description: 'A page of access reviews, newest first.' })
export class AccessReviewConnection {
  @Field(() => [AccessReviewEdge]) edges: InstanceType<typeof AccessReviewEdge>[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType({ description: 'A page of review items, by group and person.' })
export class AccessReviewItemConnection {
  @Field(() => [AccessReviewItemEdge]) edges: InstanceType<typeof AccessReviewItemEdge>[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType({ description: 'How far the review of one group is.' })
export class AccessReviewGroupProgress {
  groupId: string;
  @Field(() => Int) itemCount: number;
  @Field(() => Int) decidedCount: number;
}

@ObjectType({ description: 'How many items one reviewer has decided.' })
export class AccessReviewReviewerProgress {
  userId: string;
  @Field(() => Int) decidedCount: number;
}

@InputType({ description: 'A new access review: listed groups, or every group carrying a permission (one of the two).' })
export class AccessReviewInput {
  @Field() name: string;
  @Field(() => [ID], { nullable: true, defaultValue: [] }) groupIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Review every group carrying this permission.' }) permission?: string | null;
  @Field() deadline: Date;
  @Field(() => ReviewDecision, { nullable: true, defaultValue: ReviewDecision.KEEP }) defaultDecision?: ReviewDecision | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) autoApply?: boolean | null;
}

@ArgsType()
export class AccessReviewsArgs extends PageArgs {
  @Field(() => ReviewStatus, { nullable: true }) status?: ReviewStatus | null;
}

@ArgsType()
export class ReviewItemsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this group’s items.' }) groupId?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) undecidedOnly?: boolean | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only items the viewer may decide.' }) mine?: boolean | null;
}
