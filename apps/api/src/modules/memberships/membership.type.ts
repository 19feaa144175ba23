import { Field, Int, ObjectType } from 'type-graphql';
import { MembershipSource } from '../../common/enums';
import { EdgeType, PageInfo } from '../../common/pagination';
import type { MembershipEntity } from './membership.entity';

@ObjectType('Membership', { description: 'A user in a group.' })
export class MembershipType {
  userId: string;
  groupId: string;
  addedById: string | null;

  @Field(() => MembershipSource)
  source: MembershipSource;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'After this the membership counts for nothing.' })
  expiresAt: Date | null;
}

export function toMembershipType(m: MembershipEntity): MembershipType {
  return Object.assign(new MembershipType(), {
    userId: m.userId,
    groupId: m.groupId,
    addedById: m.addedById,
    source: m.source as MembershipSource,
    createdAt: m.createdAt,
    expiresAt: m.expiresAt,
  });
}

const MembershipEdge = EdgeType('Membership', MembershipType);

@ObjectType({ description: 'A page of memberships.' })
export class MembershipConnection {
  @Field(() => [MembershipEdge])
  edges: InstanceType<typeof MembershipEdge>[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
