import { And, In, IsNull, LessThanOrEqual, MoreThan, type EntityManager } from 'typeorm';
import { GroupEntity } from '../groups/group.entity';
import { leaderIdsOf } from '../groups/leadership.repository';
import { expiryText } from '../memberships/membership-expiry.service';
import { notify } from '../notifications/notify';
import { UserEntity } from '../users/user.entity';
import { GrantEntity } from './grant.entity';
import { ResourceEntity } from './resource.entity';
import { isCurrentGrant } from './current-grant';

/**
 * Current grants that stop counting by `horizon` and were not warned of yet, claimed with `lock`
 * (the sweeper's SKIP LOCKED claim: one another sweeper is warning is passed over; one it has
 * warned no longer matches).
 */
export async function expiringUnwarnedGrants(
  tx: EntityManager,
  now: Date,
  horizon: Date,
  limit: number,
  lock: { mode: 'for_no_key_update'; onLocked?: 'skip_locked' } | undefined,
): Promise<GrantEntity[]> {
  return tx.find(GrantEntity, {
    where: { expiresAt: And(MoreThan(now), LessThanOrEqual(horizon)), expiryWarnedAt: IsNull() },
    order: { expiresAt: 'ASC', id: 'ASC' },
    take: limit,
    ...(lock ? { lock } : {}),
  });
}

/**
 * Who may renew a grant of this resource — whoever may edit its access (SPEC §11, §20): the owner
 * and the users holding a current direct WRITE grant; when there are none, the administrators.
 * Active users only.
 */
export async function grantRenewerIds(tx: EntityManager, resource: ResourceEntity, now: Date): Promise<string[]> {
  const writers = await tx.find(GrantEntity, { select: { userId: true, expiresAt: true }, where: { resourceId: resource.id, level: 'WRITE', groupId: IsNull() } });
  const candidates = [...new Set([...(resource.ownerId ? [resource.ownerId] : []), ...writers.filter((g) => g.userId && isCurrentGrant(g.expiresAt, now)).map((g) => g.userId!)])];
  const active = candidates.length ? (await tx.findBy(UserEntity, { id: In(candidates), isActive: true })).map((u) => u.id) : [];
  if (active.length) return active;
  return (await tx.findBy(UserEntity, { isAdmin: true, isActive: true })).map((u) => u.id);
}

/**
 * Warns of these grants' coming expiry, once each (SPEC §10): the grantee (a user, or a group's
 * leaders for a group grant) and those who may renew it, then marks them warned. In the caller's
 * transaction, on rows it has claimed.
 */
export async function warnExpiringGrants(tx: EntityManager, grants: readonly GrantEntity[], now: Date): Promise<number> {
  if (grants.length === 0) return 0;
  const resources = new Map((await tx.findBy(ResourceEntity, { id: In([...new Set(grants.map((g) => g.resourceId))]) })).map((r) => [r.id, r]));
  const groupIds = [...new Set(grants.flatMap((g) => (g.groupId ? [g.groupId] : [])))];
  const groups = new Map(groupIds.length ? (await tx.findBy(GroupEntity, { id: In(groupIds) })).map((g) => [g.id, g]) : []);
  const leaders = groupIds.length ? await leaderIdsOf(tx, groupIds) : new Map<string, string[]>();
  const renewers = new Map<string, string[]>();
  for (const grant of grants) {
    const resource = resources.get(grant.resourceId);
    if (!resource) continue;
    if (!renewers.has(resource.id)) renewers.set(resource.id, await grantRenewerIds(tx, resource, now));
    const ends = expiryText(grant.expiresAt!);
    const link = `/resources/${resource.id}`;
    const group = grant.groupId ? groups.get(grant.groupId) : null;
    const granteeIds = grant.userId ? [grant.userId] : (leaders.get(grant.groupId!) ?? []);
    const level = grant.level === 'WRITE' ? 'write' : 'read';
    const yours = grant.userId ? `Your ${level} access to ${resource.name}` : `The ${level} access of ${group?.name ?? 'a group'} to ${resource.name}`;
    await notify(tx, granteeIds, {
      kind: 'EXPIRY_WARNING',
      title: `${yours} expires soon`,
      body: `It ends on ${ends}. Ask whoever manages ${resource.name} to renew it if it is still needed.`,
      link,
    });
    const toRenewers = renewers.get(resource.id)!.filter((id) => !granteeIds.includes(id));
    if (toRenewers.length) {
      const whose = grant.userId ? (await tx.findOneBy(UserEntity, { id: grant.userId }))?.displayName ?? 'someone' : (group?.name ?? 'a group');
      await notify(tx, toRenewers, {
        kind: 'EXPIRY_WARNING',
        title: `The ${level} access of ${whose} to ${resource.name} expires soon`,
        body: `It ends on ${ends}. Renew it on the resource's access page if it is still needed.`,
        link,
      });
    }
  }
  await tx.update(GrantEntity, { id: In(grants.map((g) => g.id)) }, { expiryWarnedAt: now });
  return grants.length;
}
