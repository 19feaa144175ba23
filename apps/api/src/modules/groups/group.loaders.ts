import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { byKey, grouped } from '../../common/batch';
import { GroupLeaderGroupEntity } from './group-leader-group.entity';
import { GroupLeaderEntity } from './group-leader.entity';
import { GroupPermissionEntity } from './group-permission.entity';
import { GroupEntity } from './group.entity';
import type { GroupFacts } from './group.policy';
import type { GroupsService } from './groups.service';
import { ledGroupIdsOf } from './leadership.repository';
import { groupsByIds } from './group.repository';

/**
 * The groups slice's per-request loaders (merged in loaders.ts): groups, what they carry, who
 * leads them, and the viewer's relation to each (the facts `group.policy.ts` decides on).
 */
export function createGroupLoaders(m: EntityManager, viewer: Viewer | null, groups: GroupsService) {
  const group = new DataLoader<string, GroupEntity | null>(async (ids) => byKey(ids, await groupsByIds(m, ids), (g) => g.id));
  return {
    group,
    /** Keys each group gives its current members, sorted. */
    groupPermissions: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await m.findBy(GroupPermissionEntity, { groupId: In([...ids]) }), (p) => p.groupId).map((ps) => ps.map((p) => p.permissionKey).sort()),
    ),
    /** Users listed as leaders of each group. */
    leaderUserIds: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await m.findBy(GroupLeaderEntity, { groupId: In([...ids]) }), (l) => l.groupId).map((ls) => ls.map((l) => l.userId)),
    ),
    /** Groups whose members lead each group. */
    leaderGroupIds: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await m.findBy(GroupLeaderGroupEntity, { groupId: In([...ids]) }), (l) => l.groupId).map((ls) => ls.map((l) => l.leaderGroupId)),
    ),
    /** Groups each user leads (listed, or through a leader group). */
    ledGroupIds: new DataLoader<string, string[]>(async (ids) => {
      const led = await ledGroupIdsOf(m, ids);
      return ids.map((id) => led.get(id) ?? []);
    }),
    /** The viewer's relation to each group (member, leader, pending request). */
    groupFacts: new DataLoader<string, GroupFacts | null>(async (ids) => {
      if (!viewer) return ids.map(() => null);
      const found = (await group.loadMany(ids)).filter((g): g is GroupEntity => g instanceof GroupEntity);
      const facts = await groups.factsFor(viewer, found);
      return ids.map((id) => facts.get(id) ?? null);
    }),
  };
}
