import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import type { CascadeExtension } from '../memberships/permission-cascade';
import { GroupEntity } from '../groups/group.entity';
import { settleRequestNotifications } from '../notifications/notify';
import { UserEntity } from '../users/user.entity';
import { GroupRequestEntity } from './group-request.entity';

/**
 * SPEC §8: with the memberships, the cascade cancels the user's pending requests for the groups
 * the policy covers (not public, not System; REMOVE_SELF_SERVICE also spares internal groups).
 */
export const cancelRequestsOnPermissionLoss: CascadeExtension = async (tx: EntityManager, userId, policy, cause) => {
  const pending = await tx
    .createQueryBuilder(GroupRequestEntity, 'r')
    .innerJoinAndMapOne('r.group', GroupEntity, 'g', 'g.id = r.groupId')
    .where('r.userId = :userId AND r.status = :pending', { userId, pending: 'PENDING' })
    .andWhere('g.public = :no AND g.system = :no', { no: false })
    .getMany();
  const user = await tx.findOneBy(UserEntity, { id: userId });
  for (const request of pending) {
    const group = request.group!;
    if (policy === 'REMOVE_SELF_SERVICE' && group.internal) continue;
    await tx.update(GroupRequestEntity, { id: request.id, status: 'PENDING' }, { status: 'CANCELLED', decidedAt: new Date(), decisionComment: 'Lost groups.request.' });
    await settleRequestNotifications(tx, request.id);
    await audit(tx, {
      action: 'REQUEST_CANCELLED',
      actor: SYSTEM_ACTOR,
      group,
      user: user ? { id: user.id, label: userLabel(user) } : null,
      details: { requestId: request.id, kind: request.kind, cause: 'CASCADE', trigger: cause },
    });
  }
};
