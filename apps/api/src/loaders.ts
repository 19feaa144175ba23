import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import type { Viewer } from './authz/viewer';
import type { Db } from './db/db';
import { inList, listParam, rawQuery } from './db/raw-sql';
import { GroupLeaderGroupEntity } from './modules/groups/group-leader-group.entity';
import { GroupLeaderEntity } from './modules/groups/group-leader.entity';
import { GroupPermissionEntity } from './modules/groups/group-permission.entity';
import { GroupEntity } from './modules/groups/group.entity';
import type { GroupFacts } from './modules/groups/group.policy';
import { ledGroupIdsOf } from './modules/groups/leadership.repository';
import { MembershipEntity } from './modules/memberships/membership.entity';
import { firstMemberPages } from './modules/memberships/members.repository';
import type { Page } from './common/pagination';
import { currentMembershipSql, whereCurrentMembership } from './modules/memberships/current';
import { effectivePermissionsOf } from './modules/permissions/effective-permissions';
import { UserPermissionEntity } from './modules/permissions/user-permission.entity';
import { GroupRequestEntity } from './modules/requests/group-request.entity';
import { createResourceLoaders } from './modules/resources/resource.loaders';
import { emailReadableSql, type SqlCondition } from './modules/users/email-visibility';
import { UserEntity } from './modules/users/user.entity';
import type { Services } from './services';

/**
 * Per-request DataLoaders: every relation field resolves through one of these, so a page of N
 * items costs a fixed number of queries, not N. Created fresh per request: nothing is cached
 * across requests or viewers, so a revocation is seen on the very next request.
 */
export type Loaders = ReturnType<typeof createLoaders>;

function byKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function grouped<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
}

const NO_EMAILS: SqlCondition = { sql: '1 = 0', params: {} };

const currentMemberships = (manager: EntityManager) => whereCurrentMembership(manager.createQueryBuilder(MembershipEntity, 'm'), 'm');

export function createLoaders(db: Db, viewer: Viewer | null, services: Services) {
  const m = db.manager;
  const user = new DataLoader<string, UserEntity | null>(async (ids) => byKey(ids, await m.findBy(UserEntity, { id: In([...ids]) }), (u) => u.id));
  const group = new DataLoader<string, GroupEntity | null>(async (ids) => byKey(ids, await m.findBy(GroupEntity, { id: In([...ids]) }), (g) => g.id));
  return {
    ...createResourceLoaders(m),
    user,
    group,
    directPermissions: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await m.findBy(UserPermissionEntity, { userId: In([...ids]) }), (p) => p.userId).map((ps) => ps.map((p) => p.permissionKey).sort()),
    ),
    effectivePermissions: new DataLoader<string, string[]>(async (ids) => {
      const users = (await user.loadMany(ids)).filter((u): u is UserEntity => u instanceof UserEntity);
      const perms = await effectivePermissionsOf(m, users);
      return ids.map((id) => perms.get(id) ?? []);
    }),
    /** Current memberships of each user, by group name. */
    membershipsOfUser: new DataLoader<string, MembershipEntity[]>(async (ids) => {
      const rows = await currentMemberships(m)
        .innerJoinAndSelect('m.group', 'g')
        .andWhere('m.userId IN (:...ids)', { ids: [...ids] })
        .orderBy('g.nameKey', 'ASC')
        .getMany();
      return grouped(ids, rows, (r) => r.userId);
    }),
    ledGroupIds: new DataLoader<string, string[]>(async (ids) => {
      const led = await ledGroupIdsOf(m, ids);
      return ids.map((id) => led.get(id) ?? []);
    }),
    groupPermissions: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await m.findBy(GroupPermissionEntity, { groupId: In([...ids]) }), (p) => p.groupId).map((ps) => ps.map((p) => p.permissionKey).sort()),
    ),
    memberCount: new DataLoader<string, number>(async (ids) => {
      const rows = await rawQuery<{ groupId: string; count: string | number }>(
        m,
        `SELECT m.group_id AS "groupId", COUNT(*) AS "count" FROM membership m
          WHERE ${inList(m, 'm.group_id', 'ids')} AND ${currentMembershipSql('m')} GROUP BY m.group_id`,
        { ids: listParam(m, ids), now: new Date() },
        'gh_member_counts',
      );
      const counts = new Map(rows.map((r) => [r.groupId, Number(r.count)]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    leaderUserIds: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await m.findBy(GroupLeaderEntity, { groupId: In([...ids]) }), (l) => l.groupId).map((ls) => ls.map((l) => l.userId)),
    ),
    leaderGroupIds: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await m.findBy(GroupLeaderGroupEntity, { groupId: In([...ids]) }), (l) => l.groupId).map((ls) => ls.map((l) => l.leaderGroupId)),
    ),
    /** The viewer's relation to each group (member, leader, pending request). */
    groupFacts: new DataLoader<string, GroupFacts | null>(async (ids) => {
      if (!viewer) return ids.map(() => null);
      const groups = (await group.loadMany(ids)).filter((g): g is GroupEntity => g instanceof GroupEntity);
      const facts = await services.groups.factsFor(viewer, groups);
      return ids.map((id) => facts.get(id) ?? null);
    }),
    viewerMembership: new DataLoader<string, MembershipEntity | null>(async (ids) => {
      if (!viewer) return ids.map(() => null);
      const rows = await currentMemberships(m)
        .andWhere('m.userId = :userId AND m.groupId IN (:...ids)', { userId: viewer.userId, ids: [...ids] })
        .getMany();
      return byKey(ids, rows, (r) => r.groupId);
    }),
    /**
     * First pages of `Group.members`, batched across groups that ask with the same arguments
     * (key: JSON of [groupId, first, search]). Later pages (`after`) go through the service.
     */
    firstMembers: new DataLoader<string, Page<MembershipEntity>>(async (keys) => {
      const parsed = keys.map((k) => JSON.parse(k) as [string, number, string | null]);
      const byArgs = new Map<string, string[]>();
      for (const [groupId, first, search] of parsed) {
        const argKey = JSON.stringify([first, search]);
        byArgs.set(argKey, [...(byArgs.get(argKey) ?? []), groupId]);
      }
      const pages = new Map<string, Page<MembershipEntity>>();
      // A search matches emails only where the viewer may read them (read once per batch, and only for a search).
      const emailReadable = !parsed.some(([, , search]) => search) ? NO_EMAILS : viewer ? await emailReadableSql(m, viewer, 'u.id') : NO_EMAILS;
      for (const [argKey, groupIds] of byArgs) {
        const [first, search] = JSON.parse(argKey) as [number, string | null];
        for (const [groupId, page] of await firstMemberPages(m, groupIds, first, search, emailReadable)) pages.set(JSON.stringify([groupId, first, search]), page);
      }
      return keys.map((k) => pages.get(k)!);
    }),
    /** Pending requests per group (callers show it only to those who may decide). */
    pendingRequestCount: new DataLoader<string, number>(async (ids) => {
      const counts = await services.requests.pendingCounts(m, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    /** The viewer's own pending request per group. */
    viewerPendingRequest: new DataLoader<string, GroupRequestEntity | null>(async (ids) => {
      if (!viewer) return ids.map(() => null);
      const rows = await m.findBy(GroupRequestEntity, { userId: viewer.userId, groupId: In([...ids]), status: 'PENDING' });
      return byKey(ids, rows, (r) => r.groupId);
    }),
    /** Whether the viewer leads a group that the user is a current member of (email visibility). */
    viewerLeadsMemberOf: new DataLoader<string, boolean>(async (ids) => {
      if (!viewer) return ids.map(() => false);
      const led = (await ledGroupIdsOf(m, [viewer.userId])).get(viewer.userId) ?? [];
      if (led.length === 0) return ids.map(() => false);
      const rows = await currentMemberships(m)
        .select('DISTINCT m.userId', 'userId')
        .andWhere('m.groupId IN (:...led) AND m.userId IN (:...ids)', { led, ids: [...ids] })
        .getRawMany<{ userId: string }>();
      const seen = new Set(rows.map((r) => r.userId));
      return ids.map((id) => seen.has(id));
    }),
  };
}
