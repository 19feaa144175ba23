import { In, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { cleanName, isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { isUniqueViolation } from '../../db/errors';
import { independentReads } from '../../db/independent-reads';
import { userLabel, type Actor } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { previewInRollback } from '../../db/preview';
import { currentMemberCounts, memberIdsOf, rowsOfGroup } from '../memberships/membership.repository';
import type { MembershipsService } from '../memberships/memberships.service';
import type { CascadeResult } from '../memberships/permission-cascade';
import { GrantEntity } from '../resources/grant.entity';
import { readSettings } from '../settings/settings.repository';
import type { PermissionsService } from '../permissions/permissions.service';
import { likePattern } from '../users/users.service';
import { GroupPermissionEntity } from './group-permission.entity';
import { GroupEntity, type Shareable } from './group.entity';
import { authorize, can, type RefusingRules } from '../../authz/authorize';
import { groupPolicy, NOT_FOUND_GROUP, type GroupFacts } from './group.policy';
import { viewerRelationsAmong } from './viewer-relations.repository';
import { directoryPage, type DirectoryQuery, type DirectoryRow, type RelationColumns } from './directory.repository';
import type { GroupColumns, ListedGroup } from './group.repository';

/** One group of a directory page, with everything its field resolvers would otherwise ask for. */
export interface DirectoryEntry<G extends ListedGroup = GroupEntity> extends DirectoryRow<G> {
  facts: GroupFacts;
}

export interface GroupInput {
  name?: string | null;
  description?: string | null;
  internal?: boolean | null;
  hidden?: boolean | null;
  open?: boolean | null;
  public?: boolean | null;
  restricted?: boolean | null;
  shareable?: Shareable | null;
  maxMembers?: number | null;
  permissions?: string[] | null;
  metadata?: Record<string, unknown> | null;
}

/** A row of the group policy that refuses: what `GroupsService.authorize` checks. */
export type GroupRule = RefusingRules<typeof groupPolicy>;

export interface GroupFilterInput {
  search?: string | null;
  memberOnly?: boolean | null;
  ledOnly?: boolean | null;
}

const FLAGS = ['internal', 'hidden', 'open', 'public', 'restricted'] as const;

/**
 * Groups: their definition (create, update, permissions, delete) and the directory (SPEC §3).
 * Who is in a group is modules/memberships' (deleting a group and editing its permissions end
 * memberships through its unit of work); who leads it, leadership.service.ts.
 */
export class GroupsService {
  constructor(
    private readonly db: Db,
    private readonly permissions: PermissionsService,
    private readonly memberships: MembershipsService,
  ) {}

  /** The viewer's relation to each group (member, leader, pending request), batched. */
  async factsFor(viewer: Viewer, groups: readonly GroupEntity[], manager: EntityManager = this.db.manager): Promise<Map<string, GroupFacts>> {
    const ids = groups.map((g) => g.id);
    const result = new Map<string, GroupFacts>();
    if (ids.length === 0) return result;
    // One statement for the viewer's relations (leadership: only whether the viewer leads each —
    // reading every leader would read every member of each leader group).
    const [relations, { autoLeave }] = await independentReads(manager, [
      () => viewerRelationsAmong(manager, viewer.userId, ids),
      () => readSettings(manager, viewer.settingsVersion),
    ] as const);
    // Room is counted only where there is a limit (most groups have none: no statement).
    const limited = groups.filter((g) => g.maxMembers !== null).map((g) => g.id);
    const counts = limited.length > 0 ? await currentMemberCounts(manager, limited) : new Map<string, number>();
    for (const group of groups) {
      const relation = relations.get(group.id);
      result.set(group.id, {
        group,
        autoLeave,
        isMember: relation?.membership != null,
        membershipExpires: relation?.membership?.expires ?? false,
        isLeader: relation?.leads ?? false,
        pendingRequest: relation?.pendingRequest ?? null,
        isFull: group.maxMembers !== null && (counts.get(group.id) ?? 0) >= group.maxMembers,
      });
    }
    return result;
  }

  async facts(viewer: Viewer, group: GroupEntity, manager: EntityManager = this.db.manager): Promise<GroupFacts> {
    return (await this.factsFor(viewer, [group], manager)).get(group.id)!;
  }

  /** `group(id)`: null unless the viewer may see it (SPEC §3). */
  async byId(viewer: Viewer, id: string): Promise<GroupEntity | null> {
    if (!isUuid(id)) return null;
    const group = await this.db.manager.findOneBy(GroupEntity, { id });
    if (!group) return null;
    return can(groupPolicy, 'read', viewer, await this.facts(viewer, group)) ? group : null;
  }

  /**
   * Loads and locks a group for a change in `tx` and authorizes the policy row `rule` on it:
   * invisible groups are NOT_FOUND (the `read` row), others get the row's own refusal. For every
   * service that changes something of a group.
   */
  async authorize(tx: EntityManager, viewer: Viewer, id: string, rule: GroupRule): Promise<{ group: GroupEntity; facts: GroupFacts }> {
    if (!isUuid(id)) throw errors.notFound(NOT_FOUND_GROUP);
    const lock = this.db.lockClause();
    const group = await tx.findOne(GroupEntity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
    if (!group) throw errors.notFound(NOT_FOUND_GROUP);
    const facts = await this.facts(viewer, group, tx);
    authorize(groupPolicy, 'read', viewer, facts);
    authorize(groupPolicy, rule, viewer, facts);
    return { group, facts };
  }

  /**
   * The directory (SPEC §3): admins and managers see every group; others see the groups they are
   * in or lead, plus listed (not internal, not hidden) groups that are public or, with
   * `groups.request`, any listed group. Sorted by name, searchable, cursor-paged.
   *
   * Each group comes with the viewer's facts, member count, membership and pending request — read
   * in the page's own statement (directory.repository.ts), so the field resolvers need not ask
   * again — and the total when `withTotal`; each group whole, or as listed (`columns`).
   */
  async list(
    viewer: Viewer,
    filter: GroupFilterInput,
    first: number,
    after: string | null | undefined,
    withTotal: boolean,
    columns: GroupColumns,
    relations: RelationColumns,
  ): Promise<Page<DirectoryEntry<ListedGroup>>> {
    // Decoded before any statement starts: a refused cursor leaves no query running unawaited.
    const cursor = after ? decodeCursor(after, ['text', 'uuid']) : null;
    const term = filter.search?.trim();
    const q: DirectoryQuery = {
      viewerId: viewer.userId,
      seesAll: viewer.isAdmin || holds(viewer, 'groups.manage'),
      mayRequest: holds(viewer, 'groups.request'),
      memberOnly: filter.memberOnly === true,
      ledOnly: filter.ledOnly === true,
      namePattern: term ? likePattern(term) : null,
      after: cursor ? [cursor[0], cursor[1]] : null,
      now: new Date(),
    };
    // Outside a transaction: the page and the settings (when not cached) go out on separate pooled
    // connections at once.
    const [found, { autoLeave }] = await independentReads(this.db.manager, [
      () => directoryPage(this.db.manager, q, first + 1, withTotal, columns, relations),
      () => readSettings(this.db.manager, viewer.settingsVersion),
    ] as const);
    // toPage keeps `first` of them: one more only says a next page exists.
    const entries = found.rows.map((row): DirectoryEntry<ListedGroup> => {
      const { group, membership, memberCount } = row;
      const facts: GroupFacts = {
        group,
        autoLeave,
        isMember: membership !== null,
        membershipExpires: membership?.expiresAt != null,
        isLeader: row.isLeader,
        pendingRequest: row.pendingRequest?.kind ?? null,
        isFull: group.maxMembers !== null && memberCount >= group.maxMembers,
      };
      return { group, memberCount, membership, isLeader: row.isLeader, pendingRequest: row.pendingRequest, facts };
    });
    const page = toPage(entries, first, (e) => [e.group.nameKey, e.group.id]);
    if (found.total !== null) page.totalCount = found.total;
    return page;
  }

  private validate(input: GroupInput, creating: boolean): Problems {
    const problems = new Problems();
    if (creating || input.name != null) {
      const name = cleanName(input.name ?? '');
      problems.check(name.length >= 1 && name.length <= LIMITS.groupNameMax, 'name', `The name must be 1–${LIMITS.groupNameMax} characters.`);
    }
    if (input.description != null) {
      problems.check(input.description.length <= LIMITS.groupDescriptionMax, 'description', `The description must be at most ${LIMITS.groupDescriptionMax} characters.`);
    }
    if (input.maxMembers != null) {
      problems.check(Number.isInteger(input.maxMembers) && input.maxMembers >= 1 && input.maxMembers <= 1_000_000, 'maxMembers', 'The member limit must be a whole number from 1 to 1,000,000 (leave it empty for no limit).');
    }
    if (input.metadata != null) {
      problems.check(Buffer.byteLength(JSON.stringify(input.metadata), 'utf8') <= LIMITS.groupMetadataBytes, 'metadata', `Metadata must be at most ${LIMITS.groupMetadataBytes / 1024} KB of JSON.`);
    }
    return problems;
  }

  /** `createGroup`: admins; managers may create self-service groups (not internal, not restricted, no permissions). */
  async create(viewer: Viewer, input: GroupInput): Promise<GroupEntity> {
    authorize(groupPolicy, 'create', viewer);
    this.validate(input, true).throwIfAny();
    const internal = input.internal ?? true;
    const permissions = await this.permissions.assertKnown(input.permissions ?? []);
    authorize(groupPolicy, 'changeAdminOnly', viewer, { creating: true, internalOrRestricted: internal || input.restricted === true, permissions: permissions.length > 0 });
    const name = cleanName(input.name ?? '');
    return this.db
      .transaction(async (tx) => {
        await this.assertNameFree(tx, name);
        const group = await tx.save(
          tx.create(GroupEntity, {
            name,
            nameKey: name.toLowerCase(),
            description: input.description ?? '',
            internal,
            hidden: input.hidden ?? false,
            open: input.open ?? false,
            public: input.public ?? false,
            restricted: input.restricted ?? false,
            shareable: input.shareable ?? 'MEMBERS',
            maxMembers: input.maxMembers ?? null,
            metadata: input.metadata ?? {},
            source: 'MANUAL',
            createdById: viewer.userId,
          }),
        );
        for (const permissionKey of permissions) await tx.insert(GroupPermissionEntity, { groupId: group.id, permissionKey });
        await audit(tx, {
          action: 'GROUP_CREATED',
          actor: viewer.actor,
          group,
          details: { flags: Object.fromEntries(FLAGS.map((f) => [f, group[f]])), permissions },
        });
        return group;
      })
      .catch(this.nameConflict(name));
  }

  private async assertNameFree(tx: EntityManager, name: string, exceptId?: string): Promise<void> {
    const existing = await tx.findOneBy(GroupEntity, { nameKey: name.toLowerCase() });
    if (existing && existing.id !== exceptId) throw errors.conflict('NAME_TAKEN', `A group named "${existing.name}" already exists.`);
  }

  private nameConflict(name: string) {
    return (error: unknown): never => {
      throw isUniqueViolation(error) ? errors.conflict('NAME_TAKEN', `A group named "${name}" already exists.`) : error;
    };
  }

  /** `updateGroup`: settings by admins and managers (self-service groups); permissions by admins only. */
  async update(viewer: Viewer, id: string, input: GroupInput): Promise<GroupEntity> {
    this.validate(input, false).throwIfAny();
    const newName = input.name != null ? cleanName(input.name) : null;
    return this.db
      .transaction(async (tx) => {
        const { group, facts } = await this.authorize(tx, viewer, id, 'update');
        authorize(groupPolicy, 'changeAdminOnly', viewer, { creating: false, internalOrRestricted: input.internal === true || input.restricted === true, permissions: input.permissions != null });
        if (newName !== null && newName !== group.name) authorize(groupPolicy, 'rename', viewer, facts);
        if (input.internal === false) authorize(groupPolicy, 'makeNotInternal', viewer, facts);
        const changed: string[] = [];
        if (newName !== null && newName !== group.name) {
          await this.assertNameFree(tx, newName, group.id);
          group.name = newName;
          group.nameKey = newName.toLowerCase();
          changed.push('name');
        }
        if (input.description != null && input.description !== group.description) {
          group.description = input.description;
          changed.push('description');
        }
        for (const flag of FLAGS) {
          const value = input[flag];
          if (value != null && value !== group[flag]) {
            group[flag] = value;
            changed.push(flag);
          }
        }
        if (input.shareable != null && input.shareable !== group.shareable) {
          group.shareable = input.shareable;
          changed.push('shareable');
        }
        // maxMembers: present as null means "no limit"; absent means unchanged (type-graphql gives undefined).
        if (input.maxMembers !== undefined && input.maxMembers !== group.maxMembers) {
          group.maxMembers = input.maxMembers;
          changed.push('maxMembers');
        }
        if (input.metadata != null && JSON.stringify(input.metadata) !== JSON.stringify(group.metadata)) {
          group.metadata = input.metadata;
          changed.push('metadata');
        }
        const wanted = input.permissions != null ? await this.permissions.assertKnown(input.permissions, 'permissions', tx) : null;
        if (changed.length > 0) {
          await tx.save(group);
          await audit(tx, { action: 'GROUP_UPDATED', actor: viewer.actor, group, details: { fields: changed } });
        }
        if (wanted) await this.changePermissions(tx, viewer, group, wanted);
        return group;
      })
      .catch(this.nameConflict(newName ?? ''));
  }

  /** Replaces a group's permissions in `tx`, audited, cascading to members who lose groups.request. */
  private async changePermissions(tx: EntityManager, viewer: Viewer, group: GroupEntity, wanted: string[]): Promise<CascadeResult> {
    const current = (await tx.findBy(GroupPermissionEntity, { groupId: group.id })).map((p) => p.permissionKey);
    const added = wanted.filter((k) => !current.includes(k));
    const removed = current.filter((k) => !wanted.includes(k));
    if (added.length === 0 && removed.length === 0) return { ended: 0, userIds: [] };
    // Losing a permission can cost its members groups.request: one membership unit of work.
    const cascade = removed.length ? { userIds: await memberIdsOf(tx, [group.id]), actor: viewer.actor, cause: `permissions of ${group.name} changed` } : null;
    const outcome = await this.memberships.change(tx, { cascade }, async () => {
      if (removed.length) await tx.delete(GroupPermissionEntity, { groupId: group.id, permissionKey: In(removed) });
      for (const permissionKey of added) await tx.insert(GroupPermissionEntity, { groupId: group.id, permissionKey });
      await audit(tx, { action: 'GROUP_PERMISSIONS_CHANGED', actor: viewer.actor, group, details: { added, removed } });
    });
    return outcome.cascade;
  }

  /**
   * The impact preview (SPEC §8): runs the very change `updateGroup` would make, in a transaction
   * that is then rolled back, and reports what the cascade did. Admins only (they alone set permissions).
   */
  async previewPermissions(viewer: Viewer, groupId: string, permissions: readonly string[]): Promise<CascadeResult> {
    authorize(groupPolicy, 'setPermissions', viewer);
    const wanted = await this.permissions.assertKnown(permissions);
    return previewInRollback(this.db, async (tx) => {
      const { group } = await this.authorize(tx, viewer, groupId, 'setPermissions');
      return this.changePermissions(tx, viewer, group, wanted);
    });
  }

  /** `deleteGroup`: admins; never the built-in groups. Memberships, leaders and permissions go with it. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { group } = await this.authorize(tx, viewer, id, 'delete');
      await this.deleteIn(tx, viewer.actor, group);
      return true;
    });
  }

  /**
   * Deletes an authorized, non-built-in group in the caller's transaction (deleteGroup, SCIM's
   * DELETE): its memberships end audited with the cascade, its grants go audited, then the row.
   */
  async deleteIn(tx: EntityManager, actor: Actor, group: GroupEntity, cause?: string): Promise<void> {
    {
      const viewer = { actor };
      const rows = await rowsOfGroup(tx, group.id);
      const cascade = { userIds: rows.map((m) => m.userId), actor: viewer.actor, cause: `group ${group.name} deleted` };
      await this.memberships.change(tx, { cascade }, async (unit) => {
        for (const m of rows) {
          await unit.end({ user: { id: m.userId, label: userLabel(m.user!) }, group, actor: viewer.actor, action: 'MEMBER_REMOVED', cause: 'GROUP_DELETED' });
        }
        // Its grants go with it (foreign key); record which resources lose them.
        const grants = await tx.find(GrantEntity, { select: { id: true, resourceId: true, level: true, resource: { id: true, name: true } }, relations: { resource: true }, where: { groupId: group.id } });
        for (const grant of grants) {
          const resource = grant.resource ? { id: grant.resourceId, name: grant.resource.name } : null;
          await audit(tx, { action: 'GRANT_CHANGED', actor: viewer.actor, group, resource, resourceId: grant.resourceId, details: { removed: [`group:${group.id}`], cause: 'GROUP_DELETED' } });
        }
        await tx.delete(GroupEntity, { id: group.id });
        await audit(tx, { action: 'GROUP_DELETED', actor: viewer.actor, group, details: { members: rows.length, grantsRemoved: grants.length, ...(cause ? { cause } : {}) } });
      });
    }
  }
}
