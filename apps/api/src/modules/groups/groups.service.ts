import { Brackets, In, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { decodeCursor, emptyPage, toPage, type Page } from '../../common/pagination';
import { cleanName, isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { isUniqueViolation } from '../../db/errors';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { memberIdsOf, type CascadeResult, type PermissionCascade } from '../cascade/permission-cascade';
import { previewInRollback } from '../../db/preview';
import { MembershipEntity } from '../memberships/membership.entity';
import { GrantEntity } from '../resources/grant.entity';
import { notify } from '../notifications/notify';
import { readSettings } from '../settings/settings.repository';
import { addMembership, endMembership } from '../memberships/membership.writer';
import { CURRENT_MEMBERSHIP, currentMembershipSql } from '../permissions/effective-permissions';
import type { PermissionsService } from '../permissions/permissions.service';
import { UserEntity } from '../users/user.entity';
import { emailReadableSql } from '../users/email-visibility';
import { likePattern } from '../users/users.service';
import { GroupLeaderGroupEntity } from './group-leader-group.entity';
import { GroupLeaderEntity } from './group-leader.entity';
import { GroupPermissionEntity } from './group-permission.entity';
import { GroupEntity, type Shareable } from './group.entity';
import { groupPolicy, type GroupFacts } from './group.policy';
import { groupIdsLedBy, groupsLedAmong } from './leadership.repository';

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

export interface GroupFilterInput {
  search?: string | null;
  memberOnly?: boolean | null;
  ledOnly?: boolean | null;
}

const FLAGS = ['internal', 'hidden', 'open', 'public', 'restricted'] as const;
const NOT_FOUND = 'No group has this id, or you may not see it.';

export class GroupsService {
  constructor(
    private readonly db: Db,
    private readonly permissions: PermissionsService,
    private readonly cascade: PermissionCascade,
  ) {}

  /** The viewer's relation to each group (member, leader, pending request), batched. */
  async factsFor(viewer: Viewer, groups: readonly GroupEntity[], manager: EntityManager = this.db.manager): Promise<Map<string, GroupFacts>> {
    const ids = groups.map((g) => g.id);
    const result = new Map<string, GroupFacts>();
    if (ids.length === 0) return result;
    // Independent reads, sent together (one connection queues them inside a transaction).
    // Leadership: only whether the viewer leads each — reading every leader would read every
    // member of each leader group, for every page of the directory.
    const [memberships, led, pending, { autoLeave }] = await Promise.all([
      rawQuery<{ groupId: string }>(
        manager,
        `SELECT m.group_id AS "groupId" FROM membership m
          WHERE m.user_id = :userId AND ${inList(manager, 'm.group_id', 'ids')} AND ${currentMembershipSql('m')}`,
        { userId: viewer.userId, ids: listParam(manager, ids), now: new Date() },
        'gh_viewer_memberships_among',
      ),
      groupsLedAmong(manager, viewer.userId, ids),
      this.pendingRequestGroups(manager, viewer.userId, ids),
      readSettings(manager, viewer.settingsVersion),
    ]);
    const memberOf = new Set(memberships.map((m) => m.groupId));
    for (const group of groups) {
      result.set(group.id, {
        group,
        autoLeave,
        isMember: memberOf.has(group.id),
        isLeader: led.has(group.id),
        hasPendingRequest: pending.has(group.id),
      });
    }
    return result;
  }

  /** Groups among `ids` where the user has a pending request. */
  private async pendingRequestGroups(manager: EntityManager, userId: string, ids: string[]): Promise<Set<string>> {
    const rows = await rawQuery<{ groupId: string }>(
      manager,
      `SELECT r.group_id AS "groupId" FROM group_request r WHERE r.user_id = :userId AND ${inList(manager, 'r.group_id', 'ids')} AND r.status = 'PENDING'`,
      { userId, ids: listParam(manager, ids) },
      'gh_pending_requests_among',
    );
    return new Set(rows.map((r) => r.groupId));
  }

  async facts(viewer: Viewer, group: GroupEntity, manager: EntityManager = this.db.manager): Promise<GroupFacts> {
    return (await this.factsFor(viewer, [group], manager)).get(group.id)!;
  }

  /** `group(id)`: null unless the viewer may see it (SPEC §3). */
  async byId(viewer: Viewer, id: string): Promise<GroupEntity | null> {
    if (!isUuid(id)) return null;
    const group = await this.db.manager.findOneBy(GroupEntity, { id });
    if (!group) return null;
    return groupPolicy.read(viewer, await this.facts(viewer, group)) ? group : null;
  }

  /** Loads a group for a change and checks `rule`; invisible groups are NOT_FOUND, visible-but-not-allowed FORBIDDEN. */
  private async authorize(
    tx: EntityManager,
    viewer: Viewer,
    id: string,
    rule: (v: Viewer, f: GroupFacts) => boolean,
    forbidden: () => Error,
  ): Promise<{ group: GroupEntity; facts: GroupFacts }> {
    if (!isUuid(id)) throw errors.notFound(NOT_FOUND);
    const lock = this.db.lockClause();
    const group = await tx.findOne(GroupEntity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
    if (!group) throw errors.notFound(NOT_FOUND);
    const facts = await this.facts(viewer, group, tx);
    if (!groupPolicy.read(viewer, facts)) throw errors.notFound(NOT_FOUND);
    if (!rule(viewer, facts)) throw forbidden();
    return { group, facts };
  }

  /**
   * The directory (SPEC §3): admins and managers see every group; others see the groups they are
   * in or lead, plus listed (not internal, not hidden) groups that are public or, with
   * `groups.request`, any listed group. Sorted by name, searchable, cursor-paged.
   */
  async list(viewer: Viewer, filter: GroupFilterInput, first: number, after: string | null | undefined): Promise<Page<GroupEntity>> {
    // Decoded before any statement starts: a refused cursor leaves no query running unawaited.
    const cursor = after ? decodeCursor(after, ['text', 'uuid']) : null;
    const now = new Date();
    const qb = this.db.manager.createQueryBuilder(GroupEntity, 'g');
    const memberSub = qb
      .subQuery()
      .select('m.groupId')
      .from(MembershipEntity, 'm')
      .where('m.userId = :viewerId')
      .andWhere(CURRENT_MEMBERSHIP('m'))
      .getQuery();
    const led = await groupIdsLedBy(this.db.manager, viewer.userId, now);
    qb.setParameters({ viewerId: viewer.userId, now, led: led.length ? led : ['00000000-0000-0000-0000-000000000000'] });
    const seesAll = viewer.isAdmin || holds(viewer, 'groups.manage');
    if (!seesAll) {
      qb.where(
        new Brackets((w) => {
          w.where(`g.id IN ${memberSub}`).orWhere('g.id IN (:...led)');
          const listed = 'g.internal = :no AND g.hidden = :no';
          if (holds(viewer, 'groups.request')) w.orWhere(listed);
          else w.orWhere(`${listed} AND g.public = :yes`);
        }),
      );
      qb.setParameters({ no: false, yes: true });
    }
    if (filter.memberOnly) qb.andWhere(`g.id IN ${memberSub}`);
    if (filter.ledOnly) qb.andWhere('g.id IN (:...led)');
    const term = filter.search?.trim();
    if (term) qb.andWhere("g.nameKey LIKE :term ESCAPE '\\'", { term: likePattern(term) });
    // The count (the whole filtered set) and the page (after the cursor) are sent together, and
    // started in one expression: nothing can throw between starting one and awaiting both.
    const counting = qb.clone();
    if (cursor) {
      const [name, id] = cursor;
      qb.andWhere(new Brackets((w) => w.where('g.nameKey > :cName', { cName: name }).orWhere('g.nameKey = :cName AND g.id > :cId', { cId: id })));
    }
    const [totalCount, rows] = await Promise.all([counting.getCount(), qb.orderBy('g.nameKey', 'ASC').addOrderBy('g.id', 'ASC').take(first + 1).getMany()]);
    return { ...toPage(rows, first, (g) => [g.nameKey, g.id]), totalCount };
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
    if (!groupPolicy.create(viewer)) throw errors.forbidden('MISSING_PERMISSION', 'Creating groups needs groups.manage.');
    this.validate(input, true).throwIfAny();
    const internal = input.internal ?? true;
    const permissions = await this.permissions.assertKnown(input.permissions ?? []);
    if (!viewer.isAdmin) {
      if (internal || input.restricted) throw errors.forbidden('ADMIN_ONLY_FLAGS', 'Only administrators may create internal or restricted groups; clear those flags.');
      if (permissions.length > 0) throw errors.forbidden('ADMIN_ONLY_PERMISSIONS', 'Only administrators may give a group permissions.');
    }
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
        const { group } = await this.authorize(tx, viewer, id, groupPolicy.update, () =>
          errors.forbidden('NOT_ALLOWED', 'Only administrators may change internal or restricted groups.'),
        );
        if (!viewer.isAdmin) {
          if (input.internal === true || input.restricted === true) {
            throw errors.forbidden('ADMIN_ONLY_FLAGS', 'Only administrators may make a group internal or restricted.');
          }
          if (input.permissions != null) throw errors.forbidden('ADMIN_ONLY_PERMISSIONS', "Only administrators may change a group's permissions.");
        }
        if (group.builtIn) {
          if (newName !== null && newName !== group.name) throw errors.forbidden('BUILT_IN_GROUP', `The built-in ${group.name} group cannot be renamed.`);
          if (input.internal === false) throw errors.forbidden('BUILT_IN_GROUP', `The built-in ${group.name} group stays internal.`);
        }
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
    const before = removed.length ? await this.cascade.snapshot(tx, await memberIdsOf(tx, [group.id])) : null;
    if (removed.length) await tx.delete(GroupPermissionEntity, { groupId: group.id, permissionKey: In(removed) });
    for (const permissionKey of added) await tx.insert(GroupPermissionEntity, { groupId: group.id, permissionKey });
    await audit(tx, { action: 'GROUP_PERMISSIONS_CHANGED', actor: viewer.actor, group, details: { added, removed } });
    return before ? this.cascade.apply(tx, before, viewer.actor, `permissions of ${group.name} changed`) : { ended: 0, userIds: [] };
  }

  /**
   * The impact preview (SPEC §8): runs the very change `updateGroup` would make, in a transaction
   * that is then rolled back, and reports what the cascade did. Admins only (they alone set permissions).
   */
  async previewPermissions(viewer: Viewer, groupId: string, permissions: readonly string[]): Promise<CascadeResult> {
    if (!viewer.isAdmin) throw errors.forbidden('NOT_ADMIN', 'Only administrators change group permissions.');
    const wanted = await this.permissions.assertKnown(permissions);
    return previewInRollback(this.db, async (tx) => {
      const { group } = await this.authorize(tx, viewer, groupId, groupPolicy.setPermissions, () => errors.forbidden('NOT_ADMIN', 'Only administrators change group permissions.'));
      return this.changePermissions(tx, viewer, group, wanted);
    });
  }

  /** `deleteGroup`: admins; never the built-in groups. Memberships, leaders and permissions go with it. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { group } = await this.authorize(tx, viewer, id, (v) => v.isAdmin, () =>
        errors.forbidden('NOT_ADMIN', 'Only administrators may delete groups.'),
      );
      if (group.builtIn) throw errors.forbidden('BUILT_IN_GROUP', `The built-in ${group.name} group cannot be deleted.`);
      const memberIds = await memberIdsOf(tx, [group.id]);
      const before = await this.cascade.snapshot(tx, memberIds);
      const members = memberIds.length ? await tx.findBy(UserEntity, { id: In(memberIds) }) : [];
      for (const member of members) {
        await endMembership(tx, { user: { id: member.id, label: userLabel(member) }, group, actor: viewer.actor, action: 'MEMBER_REMOVED', cause: 'GROUP_DELETED' });
      }
      // Its grants go with it (foreign key); record which resources lose them.
      const grants = await tx.find(GrantEntity, { select: { id: true, resourceId: true, level: true }, where: { groupId: group.id } });
      for (const grant of grants) {
        await audit(tx, { action: 'GRANT_CHANGED', actor: viewer.actor, group, resourceId: grant.resourceId, details: { removed: [`group:${group.id}`], cause: 'GROUP_DELETED' } });
      }
      await tx.delete(GroupEntity, { id: group.id });
      await audit(tx, { action: 'GROUP_DELETED', actor: viewer.actor, group, details: { members: members.length, grantsRemoved: grants.length } });
      await this.cascade.apply(tx, before, viewer.actor, `group ${group.name} deleted`);
      return true;
    });
  }

  /** `setGroupLeaders`: replaces the leader users and leader groups. */
  async setLeaders(viewer: Viewer, groupId: string, userIds: readonly string[], groupIds: readonly string[]): Promise<GroupEntity> {
    const badIds = [...userIds, ...groupIds].filter((i) => !isUuid(i));
    if (badIds.length) throw errors.validation([{ field: 'userIds', message: `These are not valid ids: ${badIds.slice(0, 5).join(', ')}.` }]);
    return this.db.transaction(async (tx) => {
      const { group } = await this.authorize(tx, viewer, groupId, groupPolicy.setLeaders, () =>
        errors.forbidden('NOT_ALLOWED', "Only administrators and group managers may change a group's leaders."),
      );
      const users = userIds.length ? await tx.findBy(UserEntity, { id: In([...new Set(userIds)]) }) : [];
      const leaderGroups = groupIds.length ? await tx.findBy(GroupEntity, { id: In([...new Set(groupIds)]) }) : [];
      const problems = new Problems();
      const missingUsers = [...new Set(userIds)].filter((i) => !users.some((u) => u.id === i));
      const missingGroups = [...new Set(groupIds)].filter((i) => !leaderGroups.some((g) => g.id === i));
      if (missingUsers.length) problems.add('userIds', `No user has these ids: ${missingUsers.join(', ')}.`);
      if (missingGroups.length) problems.add('groupIds', `No group has these ids: ${missingGroups.join(', ')}.`);
      if (leaderGroups.some((g) => g.id === group.id)) problems.add('groupIds', 'A group cannot lead itself.');
      problems.throwIfAny();
      const before = {
        users: (await tx.findBy(GroupLeaderEntity, { groupId: group.id })).map((l) => l.userId).sort(),
        groups: (await tx.findBy(GroupLeaderGroupEntity, { groupId: group.id })).map((l) => l.leaderGroupId).sort(),
      };
      const after = { users: users.map((u) => u.id).sort(), groups: leaderGroups.map((g) => g.id).sort() };
      if (JSON.stringify(before) === JSON.stringify(after)) return group;
      await tx.delete(GroupLeaderEntity, { groupId: group.id });
      await tx.delete(GroupLeaderGroupEntity, { groupId: group.id });
      for (const userId of after.users) await tx.insert(GroupLeaderEntity, { groupId: group.id, userId });
      for (const leaderGroupId of after.groups) await tx.insert(GroupLeaderGroupEntity, { groupId: group.id, leaderGroupId });
      await audit(tx, {
        action: 'LEADERS_CHANGED',
        actor: viewer.actor,
        group,
        details: {
          users: users.map((u) => userLabel(u)),
          groups: leaderGroups.map((g) => g.name),
          before: { userIds: before.users, groupIds: before.groups },
        },
      });
      return group;
    });
  }

  /**
   * `addGroupMembers` (SPEC §7): admins; managers and leaders of self-service groups. Escalation
   * guard: a non-admin may not add members to a group carrying a permission they lack. Current
   * members are skipped; an unknown or inactive user refuses the whole call; `maxMembers` holds.
   */
  async addMembers(viewer: Viewer, groupId: string, userIds: readonly string[], expiresAt: Date | null | undefined): Promise<MembershipEntity[]> {
    const ids = [...new Set(userIds)];
    new Problems()
      .check(ids.length >= 1 && ids.length <= LIMITS.maxPageSize, 'userIds', `Add between 1 and ${LIMITS.maxPageSize} users at a time.`)
      .check(ids.every(isUuid), 'userIds', 'Some user ids are not valid ids.')
      .check(!expiresAt || expiresAt.getTime() > Date.now(), 'expiresAt', 'The expiry must be in the future.')
      .throwIfAny();
    return this.db.transaction(async (tx) => {
      const { group } = await this.authorize(tx, viewer, groupId, groupPolicy.addMembers, () =>
        errors.forbidden(
          'NOT_ALLOWED',
          'You may not add members to this group: internal and restricted groups gain members only through an administrator.',
        ),
      );
      await this.escalationGuard(tx, viewer, group);
      const users = await tx.findBy(UserEntity, { id: In(ids) });
      const unknown = ids.filter((i) => !users.some((u) => u.id === i));
      const inactive = users.filter((u) => !u.isActive);
      const problems = new Problems();
      if (unknown.length) problems.add('userIds', `No user has these ids: ${unknown.join(', ')}.`);
      if (inactive.length) problems.add('userIds', `These accounts are deactivated: ${inactive.map((u) => u.displayName).join(', ')}.`);
      if (group.system && users.some((u) => u.kind !== 'SERVICE')) problems.add('userIds', 'Only service accounts may be members of the System group.');
      problems.throwIfAny();
      const existing = new Set(
        (await tx.findBy(MembershipEntity, { groupId: group.id, userId: In(ids) })).map((m) => m.userId),
      );
      // An expired membership still has its row until the sweeper removes it; replace it.
      const expired = (await tx.findBy(MembershipEntity, { groupId: group.id, userId: In(ids) })).filter(
        (m) => m.expiresAt !== null && m.expiresAt <= new Date(),
      );
      for (const m of expired) {
        await tx.delete(MembershipEntity, { groupId: m.groupId, userId: m.userId });
        existing.delete(m.userId);
      }
      const toAdd = users.filter((u) => !existing.has(u.id));
      if (group.maxMembers !== null && toAdd.length > 0) {
        const count = await this.currentMemberCount(tx, group.id);
        if (count + toAdd.length > group.maxMembers) {
          throw errors.conflict('GROUP_FULL', `${group.name} allows ${group.maxMembers} members and has ${count}; adding ${toAdd.length} would exceed it.`);
        }
      }
      const added: MembershipEntity[] = [];
      for (const user of toAdd) {
        added.push(
          await addMembership(tx, { user: { id: user.id, label: userLabel(user) }, group, source: 'ADDED', actor: viewer.actor, expiresAt: expiresAt ?? null }),
        );
      }
      await this.afterMembersAdded(tx, group, toAdd, viewer);
      return added;
    });
  }

  private async afterMembersAdded(tx: EntityManager, group: GroupEntity, users: UserEntity[], viewer: Viewer): Promise<void> {
    await notify(tx, users.map((u) => u.id), {
      title: `You were added to ${group.name}`,
      body: `${viewer.actor.label.replace(/ <.*>$/, '')} added you.`,
      link: `/groups/${group.id}`,
    });
  }

  /** Escalation guard (SPEC §2): non-admins may not grow a group that carries a permission they lack. */
  async escalationGuard(tx: EntityManager, actor: Viewer, group: GroupEntity): Promise<void> {
    if (actor.isAdmin) return;
    const carried = (await tx.findBy(GroupPermissionEntity, { groupId: group.id })).map((p) => p.permissionKey);
    const missing = carried.filter((k) => !actor.permissions.has(k));
    if (missing.length > 0) {
      throw errors.forbidden('ESCALATION', `${group.name} carries ${missing.join(', ')}, which you do not hold; only an administrator may add members to it.`);
    }
  }

  async currentMemberCount(manager: EntityManager, groupId: string): Promise<number> {
    return manager
      .createQueryBuilder(MembershipEntity, 'm')
      .where('m.groupId = :groupId', { groupId })
      .andWhere(CURRENT_MEMBERSHIP('m'))
      .setParameter('now', new Date())
      .getCount();
  }

  /** `removeGroupMembers` (SPEC §7): ids that are not members are ignored; returns how many were removed. */
  async removeMembers(viewer: Viewer, groupId: string, userIds: readonly string[], reason: string | null | undefined): Promise<number> {
    const ids = [...new Set(userIds)];
    new Problems()
      .check(ids.length >= 1 && ids.length <= LIMITS.maxPageSize, 'userIds', `Remove between 1 and ${LIMITS.maxPageSize} users at a time.`)
      .check(ids.every(isUuid), 'userIds', 'Some user ids are not valid ids.')
      .check((reason ?? '').length <= LIMITS.reasonMax, 'reason', `The reason must be at most ${LIMITS.reasonMax} characters.`)
      .throwIfAny();
    return this.db.transaction(async (tx) => {
      const { group } = await this.authorize(tx, viewer, groupId, groupPolicy.removeMembers, () =>
        errors.forbidden('NOT_ALLOWED', 'You may not remove members from this group.'),
      );
      const members = await tx.find(MembershipEntity, { where: { groupId: group.id, userId: In(ids) }, relations: { user: true } });
      const before = await this.cascade.snapshot(tx, members.map((m) => m.userId));
      let removed = 0;
      for (const m of members) {
        const ok = await endMembership(tx, {
          user: { id: m.userId, label: userLabel(m.user!) },
          group,
          actor: viewer.actor,
          action: 'MEMBER_REMOVED',
          cause: viewer.isAdmin ? 'ADMIN' : 'LEADER',
          reason: reason ?? null,
        });
        if (ok) removed += 1;
      }
      await this.afterMembersRemoved(tx, group, members.map((m) => m.user!), viewer, reason ?? null);
      await this.cascade.apply(tx, before, viewer.actor, `removed from ${group.name}`);
      return removed;
    });
  }

  private async afterMembersRemoved(tx: EntityManager, group: GroupEntity, users: UserEntity[], viewer: Viewer, reason: string | null): Promise<void> {
    await notify(tx, users.map((u) => u.id), {
      title: `You were removed from ${group.name}`,
      body: reason ?? `${viewer.actor.label.replace(/ <.*>$/, '')} removed you.`,
      link: `/groups/${group.id}`,
    });
  }

  /** `Group.members`: current members by name, for those `listMembers` allows (else an empty page). */
  async members(viewer: Viewer, facts: GroupFacts, groupId: string, first: number, after: string | null | undefined, search: string | null | undefined): Promise<Page<MembershipEntity>> {
    if (!groupPolicy.listMembers(viewer, facts)) return emptyPage();
    const cursor = after ? decodeCursor(after, ['text', 'uuid']) : null;
    const qb = this.db.manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.groupId = :groupId', { groupId })
      .andWhere(CURRENT_MEMBERSHIP('m'))
      .setParameter('now', new Date());
    const term = search?.trim();
    if (term) {
      // Emails only where the viewer may read them (email-visibility.ts), as in users(search).
      const readable = await emailReadableSql(this.db.manager, viewer, 'u.id');
      qb.andWhere(
        new Brackets((w) =>
          w.where("u.nameKey LIKE :term ESCAPE '\\'", { term: likePattern(term) }).orWhere(`(u.emailKey LIKE :term ESCAPE '\\' AND ${readable.sql})`, readable.params),
        ),
      );
    }
    const totalCount = await qb.getCount();
    if (cursor) {
      const [name, id] = cursor;
      qb.andWhere(new Brackets((w) => w.where('u.nameKey > :cName', { cName: name }).orWhere('u.nameKey = :cName AND u.id > :cId', { cId: id })));
    }
    // limit, not take: the join is many-to-one, so rows are not multiplied and no DISTINCT pass is needed.
    const rows = await qb.orderBy('u.nameKey', 'ASC').addOrderBy('u.id', 'ASC').limit(first + 1).getMany();
    return { ...toPage(rows, first, (m) => [m.user!.nameKey, m.userId]), totalCount };
  }
}
