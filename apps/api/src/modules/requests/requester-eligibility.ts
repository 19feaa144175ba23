import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import type { GroupEntity } from '../groups/group.entity';
import { isCurrentMembership } from '../memberships/current';
import { escalationGuard } from '../memberships/members.service';
import { currentMemberCount, membershipRow } from '../memberships/membership.repository';
import { effectivePermissions } from '../permissions/effective-permissions.repository';
import type { UserEntity } from '../users/user.entity';
import type { GroupRequestEntity } from './group-request.entity';

/**
 * What approving re-checks about the requester at the moment of the decision (requests.service
 * `decide`): on failure the request stays pending and the approver learns why.
 */

/** SPEC §6.5: the requester, re-checked now. On failure the request stays pending. */
export async function assertEligible(tx: EntityManager, actor: Viewer, group: GroupEntity, requester: UserEntity): Promise<void> {
  const refuse = (why: string) => errors.forbidden('REQUESTER_NOT_ELIGIBLE', `${requester.displayName} cannot join ${group.name} now: ${why}`);
  if (!requester.isActive) throw refuse('their account is deactivated.');
  if (group.internal) throw refuse('the group is internal.');
  if (!group.public && !(await effectivePermissions(tx, requester)).includes('groups.request')) throw refuse('they no longer hold groups.request.');
  if (group.maxMembers !== null && (await currentMemberCount(tx, group.id)) >= group.maxMembers) throw refuse(`the group is full (${group.maxMembers} members).`);
  try {
    await escalationGuard(tx, actor, group);
  } catch {
    throw refuse('the group carries a permission you do not hold, so only an administrator may approve.');
  }
}

/** SPEC §20: an extension is approved only while its requester is still a member and the asked expiry is ahead. */
export async function assertExtendable(tx: EntityManager, group: GroupEntity, request: GroupRequestEntity, requester: UserEntity): Promise<void> {
  const refuse = (why: string) => errors.forbidden('REQUESTER_NOT_ELIGIBLE', `${requester.displayName}'s membership of ${group.name} cannot be extended now: ${why}`);
  const row = await membershipRow(tx, requester.id, group.id);
  if (!row || !isCurrentMembership(row.expiresAt)) throw refuse('they are no longer a member.');
  if (!request.requestedUntil || request.requestedUntil.getTime() <= Date.now()) throw refuse('the asked expiry has passed.');
}
