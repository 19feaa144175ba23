import type { Viewer } from '../../authz/viewer';
import { expiryText } from '../../common/days';
import { errors } from '../../common/errors';
import { isUuid } from '../../common/validate';
import type { Db } from '../../db/db';
import { userLabel } from '../audit/actor';
import { actingRole, groupPolicy } from '../groups/group.policy';
import { authorize } from '../../authz/authorize';
import type { GroupsService } from '../groups/groups.service';
import { readSettings } from '../settings/settings.repository';
import { UserEntity } from '../users/user.entity';
import { isCurrentMembership } from './current';
import { MembershipEntity } from './membership.entity';
import type { MembershipsService } from './memberships.service';

// How messages write an expiry (a picked day with its zone's offset) lives with the day rule.
export { expiryText };

/** What the member is told when their expiry changes. */
export function expiryChangedMessage(groupName: string, groupId: string, expiresAt: Date | null, by: string) {
  return {
    kind: 'EXPIRY_WARNING' as const,
    title: expiresAt ? `Your membership of ${groupName} now ends on ${expiryText(expiresAt)}` : `Your membership of ${groupName} no longer expires`,
    body: `Changed by ${by}.`,
    link: `/groups/${groupId}`,
  };
}

/**
 * `updateMembership` (SPEC §20): leaders of the group, managers and admins set, change or clear a
 * current membership's expiry — internal and restricted groups only through an admin
 * (groupPolicy.changeExpiry). One transaction; the change itself is the membership owner's
 * (MembershipUnit.setExpiry: audited, an UPDATED change), and the member is notified.
 */
export class MembershipExpiryService {
  constructor(
    private readonly db: Db,
    private readonly groups: GroupsService,
    private readonly memberships: MembershipsService,
  ) {}

  async update(viewer: Viewer, groupId: string, userId: string, expiresAt: Date | null): Promise<MembershipEntity> {
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw errors.validation([{ field: 'expiresAt', message: 'The expiry must be in the future.' }]);
    return this.db.transaction(async (tx) => {
      const { group, facts } = await this.groups.authorize(tx, viewer, groupId, 'changeExpiry');
      const user = isUuid(userId) ? await tx.findOneBy(UserEntity, { id: userId }) : null;
      const row = user ? await tx.findOneBy(MembershipEntity, { userId: user.id, groupId: group.id }) : null;
      if (!user || !row || !isCurrentMembership(row.expiresAt)) throw errors.conflict('NOT_MEMBER', `This person is not a current member of ${group.name}.`);
      // The settings are read only when the row can refuse: one's own membership, not an admin.
      if (user.id === viewer.userId && !viewer.isAdmin) authorize(groupPolicy, 'changeOwnExpiry', viewer, { own: true, allowSelfApproval: (await readSettings(tx)).allowSelfApproval });
      const { result } = await this.memberships.change(tx, {}, async (unit) => {
        const changed = await unit.setExpiry({ user: { id: user.id, label: userLabel(user) }, group, actor: viewer.actor, expiresAt, cause: actingRole(viewer, facts) });
        unit.notify([user.id], expiryChangedMessage(group.name, group.id, expiresAt, viewer.actor.label.replace(/ <.*>$/, '')));
        return changed;
      });
      if (!result) throw errors.conflict('NOT_MEMBER', `This person is not a current member of ${group.name}.`);
      return result;
    });
  }
}
