import { In } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { UserEntity } from '../users/user.entity';
import { GroupLeaderGroupEntity } from './group-leader-group.entity';
import { GroupLeaderEntity } from './group-leader.entity';
import { GroupEntity } from './group.entity';
import type { GroupsService } from './groups.service';

/**
 * Who leads a group (SPEC §2): its leader users and leader groups, set by admins and managers.
 * The rule "who is a leader" is read in leadership.repository.ts.
 */
export class LeadershipService {
  constructor(
    private readonly db: Db,
    private readonly groups: GroupsService,
  ) {}

  /** `setGroupLeaders`: replaces the leader users and leader groups. */
  async setLeaders(viewer: Viewer, groupId: string, userIds: readonly string[], groupIds: readonly string[]): Promise<GroupEntity> {
    const badIds = [...userIds, ...groupIds].filter((i) => !isUuid(i));
    if (badIds.length) throw errors.validation([{ field: 'userIds', message: `These are not valid ids: ${badIds.slice(0, 5).join(', ')}.` }]);
    return this.db.transaction(async (tx) => {
      const { group } = await this.groups.authorize(tx, viewer, groupId, 'setLeaders');
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
}
