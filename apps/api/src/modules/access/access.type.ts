import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AccessLevel, AccessReasonKind } from '../../common/enums';
import type { Explanation } from './access.rule';

@InputType({ description: 'One question of a bulk check: may this user reach this resource at this level?' })
export class AccessCheckInput {
  @Field(() => ID, { nullable: true, description: 'Whose access (default: you). Others need access.check.' }) userId?: string | null;
  @Field(() => ID) resourceId: string;
  @Field(() => AccessLevel) level: AccessLevel;
}

@ObjectType('AccessReason', { description: 'One path that gives the level, with the group and grant behind it.' })
export class AccessReasonType {
  @Field(() => AccessReasonKind) kind: AccessReasonKind;
  @Field(() => AccessLevel) level: AccessLevel;
  groupId: string | null;
  grantId: string | null;
  @Field(() => Date, { nullable: true, description: 'When this path stops counting.' }) expiresAt: Date | null;
}

@ObjectType('AccessExplanation', { description: 'The effective level and every path to it.' })
export class AccessExplanationType {
  @Field(() => AccessLevel) level: AccessLevel;
  @Field(() => [AccessReasonType]) reasons: AccessReasonType[];
}

export const toAccessExplanationType = (e: Explanation): AccessExplanationType => ({
  level: e.level as AccessLevel,
  reasons: e.reasons.map((r) => Object.assign(new AccessReasonType(), { kind: r.kind as AccessReasonKind, level: r.level as AccessLevel, groupId: r.groupId, grantId: r.grantId, expiresAt: r.expiresAt })),
});
