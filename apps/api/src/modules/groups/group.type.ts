import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GroupSource, Shareable } from '../../common/enums';
import { EdgeType, PageInfo } from '../../common/pagination';
import { JSONObjectScalar } from '../../common/scalars';
import type { ListedRequest } from '../requests/requests.repository';
import type { ListedMembership } from '../memberships/membership.repository';
import type { RelationColumns } from './directory.repository';
import type { GroupEntity } from './group.entity';
import type { GroupColumns, ListedGroup } from './group.repository';
import type { GroupFacts } from './group.policy';

/**
 * What the directory's statement already read about a group for the viewer. The field resolvers
 * answer from it at once: a loader primed with it would still answer each field with a promise,
 * and graphql-js then settles every field of every row of the page through the microtask queue.
 */
export interface GroupPrefetched {
  facts: GroupFacts;
  memberCount: number;
  /** How much of the two below the statement read (whole, or as listed). */
  relations: RelationColumns;
  membership: ListedMembership | null;
  pendingRequest: ListedRequest | null;
}

@ObjectType('Group', { simpleResolvers: true, description: 'A group: membership carries its permissions and grants.' })
export class GroupType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'Membership is changed only by admins and the system itself (default groups, SSO, cascade, expiry).' })
  internal: boolean;

  @Field({ description: 'Not listed in the directory; reachable by its join link.' })
  hidden: boolean;

  @Field({ description: 'Joining and leaving happen at once, without approval.' })
  open: boolean;

  @Field({ description: 'Visible to and joinable by people without groups.request.' })
  public: boolean;

  @Field({ description: 'Gains members only through an admin; only admins decide its requests.' })
  restricted: boolean;

  @Field({ description: "The built-in System group (service accounts only)." })
  system: boolean;

  @Field({ description: 'One of the built-in groups (System, Member): never deleted or renamed.' })
  builtIn: boolean;

  @Field(() => Shareable)
  shareable: Shareable;

  @Field(() => GroupSource, { description: 'Who made the group: in Gatehouse, by SSO sync, or by SCIM provisioning.' })
  source: GroupSource;

  @Field(() => Int, { nullable: true, description: 'Most current members allowed; null = no limit.' })
  maxMembers: number | null;

  @Field(() => JSONObjectScalar, { description: 'Free JSON object (≤ 16 KB) for integrations.' })
  metadata: Record<string, unknown>;

  @Field()
  createdAt: Date;

  @Field({ description: 'Where to send someone to join: "/groups/{id}".' })
  joinPath: string;

  /** Set by the directory page (not a GraphQL field). */
  prefetched?: GroupPrefetched;
}

/**
 * The fields of Group a page answers from a ListedGroup (and what its statement read beside it,
 * GroupPrefetched), or from the group's id through loaders: a page that selects only these reads
 * the 'listed' columns. A field not named here makes the page read whole groups, so a new field
 * is safe until it is added (`common/listed-fields.test.ts` checks each one named).
 */
export const LISTED_GROUP_FIELDS: ReadonlySet<string> = new Set([
  '__typename', 'id', 'name', 'internal', 'hidden', 'open', 'public', 'restricted', 'system', 'builtIn', 'maxMembers', 'joinPath',
  'memberCount', 'full', 'viewerCan', 'viewerMembership', 'viewerPendingRequest', 'permissions', 'leaders', 'leaderGroups', 'members', 'pendingRequestCount',
]);

/** A group as a listing read it (only LISTED_GROUP_FIELDS answer). */
export function toListedGroupType(group: ListedGroup): GroupType {
  // Set one by one: Object.assign from a literal built a second object per group of a page.
  const type = new GroupType();
  type.id = group.id;
  type.name = group.name;
  type.internal = group.internal;
  type.hidden = group.hidden;
  type.open = group.open;
  type.public = group.public;
  type.restricted = group.restricted;
  type.system = group.system;
  type.builtIn = group.builtIn !== null;
  type.maxMembers = group.maxMembers;
  type.joinPath = `/groups/${group.id}`;
  return type;
}

export function toGroupType(group: GroupEntity): GroupType {
  return Object.assign(toListedGroupType(group), {
    description: group.description,
    shareable: group.shareable as Shareable,
    source: group.source as GroupSource,
    metadata: group.metadata,
    createdAt: group.createdAt,
  });
}

/**
 * A group a page read with `columns`. Only a whole group is handed to `prime` (the request's group
 * loader): a listed one lacks fields that others reading the loader need.
 */
export function toPageGroupType(group: ListedGroup, columns: GroupColumns, prime: (group: GroupEntity) => void): GroupType {
  if (columns === 'listed') return toListedGroupType(group);
  // 'full' columns are whole groups.
  prime(group as GroupEntity);
  return toGroupType(group as GroupEntity);
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with a group. The SPA renders buttons from this and never re-derives a rule.' })
export class GroupAbilities {
  @Field({ description: 'Join at once (open group).' })
  join: boolean;

  @Field({ description: 'Ask to join (approval needed).' })
  requestJoin: boolean;

  @Field({ description: 'Leave at once.' })
  leave: boolean;

  @Field({ description: 'Ask to leave (approval needed).' })
  requestLeave: boolean;

  @Field()
  decideRequests: boolean;

  @Field({ description: 'Add or remove members.' })
  manageMembers: boolean;

  @Field({ description: 'Add members directly.' })
  addMembers: boolean;

  @Field({ description: 'Remove members.' })
  removeMembers: boolean;

  @Field({ description: 'Edit settings.' })
  update: boolean;

  @Field({ description: "Change members' expiry (SPEC §20)." })
  changeExpiry: boolean;

  @Field({ description: 'Ask to extend your membership (SPEC §20): a member with no pending request.' })
  requestExtension: boolean;

  @Field({ description: "Change the group's permissions." })
  setPermissions: boolean;

  @Field({ description: "Change the group's leaders." })
  setLeaders: boolean;

  @Field({ description: "Read the group's history." })
  readHistory: boolean;

  @Field({ description: 'See who is in the group (`members`): leaders, managers, admins and its own members.' })
  listMembers: boolean;

  @Field()
  delete: boolean;
}

const GroupEdge = EdgeType('Group', GroupType);

@ObjectType({ simpleResolvers: true, description: 'A page of groups.' })
export class GroupConnection {
  @Field(() => [GroupEdge])
  edges: InstanceType<typeof GroupEdge>[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
