import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { byKey, grouped } from '../../common/batch';
import type { Page } from '../../common/pagination';
import { ledGroupIdsOf } from '../groups/leadership.repository';
import { emailReadableSql, type SqlCondition } from '../users/email-visibility';
import { whereCurrentMembership } from './current';
import { firstMemberPages } from './members.repository';
import { MembershipEntity } from './membership.entity';
import { currentMemberCounts } from './membership.repository';

const NO_EMAILS: SqlCondition = { sql: '1 = 0', params: {} };

const currentMemberships = (manager: EntityManager) => whereCurrentMembership(manager.createQueryBuilder(MembershipEntity, 'm'), 'm');

/** The memberships slice's per-request loaders (merged in loaders.ts): current memberships only. */
export function createMembershipLoaders(m: EntityManager, viewer: Viewer | null) {
  return {
    /** Current memberships of each user, by group name. */
    membershipsOfUser: new DataLoader<string, MembershipEntity[]>(async (ids) => {
      const rows = await currentMemberships(m)
        .innerJoinAndSelect('m.group', 'g')
        .andWhere('m.userId IN (:...ids)', { ids: [...ids] })
        .orderBy('g.nameKey', 'ASC')
        .getMany();
      return grouped(ids, rows, (r) => r.userId);
    }),
    memberCount: new DataLoader<string, number>(async (ids) => {
      const counts = await currentMemberCounts(m, ids);
      return ids.map((id) => counts.get(id) ?? 0);
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
