import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EdgeType, PageInfo } from '../../common/pagination';
import { UserKind } from '../../common/enums';
import type { UserEntity } from './user.entity';
import type { ListedUser, NamedUser, UserColumns } from './user.repository';

@ObjectType('User', { simpleResolvers: true, description: 'A person or a service account.' })
export class UserType {
  @Field(() => ID)
  id: string;

  /** Held for the email field resolver, which decides whether the viewer may see it. */
  rawEmail: string;

  @Field({ description: 'The name shown to others.' })
  displayName: string;

  @Field(() => UserKind)
  kind: UserKind;

  @Field({ description: 'Deactivated accounts cannot sign in and hold no permissions.' })
  isActive: boolean;

  @Field()
  isAdmin: boolean;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Visible to the user themselves and admins.' })
  lastSignInAt: Date | null;
}

/**
 * The fields of User answered from a ListedUser: a page that selects only these under its users
 * reads their 'listed' columns. A field not named here makes it read whole users
 * (`common/listed-fields.test.ts` checks each one named).
 */
export const LISTED_USER_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'displayName', 'kind', 'isActive', 'isAdmin', 'viewerCan']);

/**
 * The fields of User answered from a NamedUser: a page that selects only these under its users
 * reads their 'named' columns (`common/listed-fields.test.ts` checks each one).
 */
export const NAMED_USER_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'displayName']);

/** A user as a page that shows names read them (only NAMED_USER_FIELDS answer). */
function toNamedUserType(user: NamedUser): UserType {
  const type = new UserType();
  type.id = user.id;
  type.displayName = user.displayName;
  return type;
}

/** A user as a listing read them (only LISTED_USER_FIELDS answer). */
export function toListedUserType(user: ListedUser): UserType {
  return Object.assign(toNamedUserType(user), {
    kind: user.kind as UserKind,
    isActive: user.isActive,
    isAdmin: user.isAdmin,
  });
}

/** A user of a page, read with `columns` (userOfRow), as a GraphQL object. */
export function toPageUserType(user: NamedUser, columns: UserColumns): UserType {
  if (columns === 'named') return toNamedUserType(user);
  return columns === 'listed' ? toListedUserType(user as ListedUser) : toUserType(user as UserEntity);
}

/** Entity → GraphQL type, field by field, so a new column never leaks. */
export function toUserType(user: UserEntity): UserType {
  return Object.assign(toListedUserType(user), {
    rawEmail: user.email,
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
  });
}

const UserEdge = EdgeType('User', UserType);

@ObjectType({ simpleResolvers: true, description: 'A page of users.' })
export class UserConnection {
  @Field(() => [UserEdge])
  edges: InstanceType<typeof UserEdge>[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many users match, across all pages.' })
  totalCount: number;
}
