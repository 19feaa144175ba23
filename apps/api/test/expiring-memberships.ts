import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { expect } from 'vitest';
import { AuditEventEntity } from '../src/modules/audit/audit-event.entity';
import { GroupPermissionEntity } from '../src/modules/groups/group-permission.entity';
import { GroupEntity } from '../src/modules/groups/group.entity';
import { MembershipEntity } from '../src/modules/memberships/membership.entity';
import { NotificationEntity } from '../src/modules/notifications/notification.entity';
import { GroupRequestEntity } from '../src/modules/requests/group-request.entity';
import { UserEntity } from '../src/modules/users/user.entity';

/**
 * Work for the expiry sweep (SPEC §7, §8), for the tests that sweep it from several sweepers or
 * servers at once (SPEC §16). Each member has:
 * - two memberships that expire (`expiring`), one of them in a group granting `groups.request` —
 *   their only source of it, so ending them applies the cascade: it ends their membership of a
 *   non-public group (`kept`) and cancels their pending request to another (`requested`);
 * - two memberships of public groups that expire in a few days (`warnedOnly`): warned once, kept.
 * Members are inserted directly, not through the users service, so they are in no default group.
 */
export interface ExpiringMemberships {
  userIds: string[];
  expiring: GroupEntity[];
  warnedOnly: GroupEntity[];
  kept: GroupEntity;
  requested: GroupEntity;
}

const DAY = 24 * 3600_000;

export async function seedExpiringMemberships(
  m: EntityManager,
  options: { users: number; expiresAt: [Date, Date] },
): Promise<ExpiringMemberships> {
  const tag = randomUUID().slice(0, 8);
  const group = async (label: string, isPublic: boolean, permissions: string[] = []) => {
    const name = `Sweep ${label} ${tag}`;
    const g = await m.save(
      m.create(GroupEntity, { name, nameKey: name.toLowerCase(), description: '', internal: false, public: isPublic, metadata: {}, createdById: null }),
    );
    for (const permissionKey of permissions) await m.insert(GroupPermissionEntity, { groupId: g.id, permissionKey });
    return g;
  };
  const expiring = [await group('requesters', false, ['groups.request']), await group('project', false)];
  const warnedOnly = [await group('open A', true), await group('open B', true)];
  const kept = await group('private', false);
  const requested = await group('wanted', false);

  const userIds = Array.from({ length: options.users }, () => randomUUID());
  await m.insert(
    UserEntity,
    userIds.map((id, i) => {
      const email = `sweep-${tag}-${i}@example.org`;
      return { id, email, emailKey: email, displayName: `Swept ${i}`, nameKey: `swept ${i}`, passwordHash: null, kind: 'HUMAN' as const };
    }),
  );
  const member = (g: GroupEntity, expiresAt: Date | null) =>
    userIds.map((userId) => ({ userId, groupId: g.id, source: 'ADDED' as const, addedById: null, expiresAt }));
  await m.insert(MembershipEntity, [
    ...member(expiring[0]!, options.expiresAt[0]),
    ...member(expiring[1]!, options.expiresAt[1]),
    ...member(warnedOnly[0]!, new Date(Date.now() + 3 * DAY)),
    ...member(warnedOnly[1]!, new Date(Date.now() + 5 * DAY)),
    ...member(kept, null),
  ]);
  await m.insert(
    GroupRequestEntity,
    userIds.map((userId) => ({ kind: 'JOIN' as const, status: 'PENDING' as const, userId, groupId: requested.id, reason: null })),
  );
  return { userIds, expiring, warnedOnly, kept, requested };
}

/**
 * Every removal, warning and cascade step happened exactly once: one audit row per ended
 * membership (EXPIRY) and per membership the cascade ended (CASCADE), one cancelled request, and
 * per member exactly one "has ended" notice per expired membership and one "expires soon" per
 * warned one — nothing twice, nothing missing. `expiringWarned`: the expiring memberships came
 * within the warning days before they expired, so their members were warned of them too.
 */
export async function expectSweptOnce(m: EntityManager, s: ExpiringMemberships, options: { expiringWarned: boolean }): Promise<void> {
  const all = [...s.expiring, ...s.warnedOnly, s.kept];
  const left = await m.findBy(MembershipEntity, { userId: In(s.userIds), groupId: In(all.map((g) => g.id)) });
  expect(left.length).toBe(s.userIds.length * s.warnedOnly.length);
  expect(new Set(left.map((l) => l.groupId))).toEqual(new Set(s.warnedOnly.map((g) => g.id)));
  expect(left.every((l) => l.expiryWarnedAt !== null)).toBe(true);

  const audit = await m.findBy(AuditEventEntity, { userId: In(s.userIds) });
  const count = (rows: { key: string }[]) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
    return counts;
  };
  const expected = (groups: GroupEntity[], what: (g: GroupEntity) => string) =>
    new Map(s.userIds.flatMap((u) => groups.map((g) => [`${u} ${what(g)}`, 1] as const)));

  const removals = audit.filter((a) => a.action === 'MEMBER_REMOVED').map((a) => ({ key: `${a.userId} ${a.groupId} ${String(a.details['cause'])}` }));
  expect(count(removals)).toEqual(
    new Map([...expected(s.expiring, (g) => `${g.id} EXPIRY`), ...expected([s.kept], (g) => `${g.id} CASCADE`)]),
  );
  const cancelled = audit.filter((a) => a.action === 'REQUEST_CANCELLED').map((a) => ({ key: `${a.userId} ${a.groupId}` }));
  expect(count(cancelled)).toEqual(expected([s.requested], (g) => g.id));
  expect(await m.countBy(GroupRequestEntity, { userId: In(s.userIds), status: 'PENDING' })).toBe(0);

  const notes = await m.findBy(NotificationEntity, { userId: In(s.userIds) });
  expect(count(notes.map((n) => ({ key: `${n.userId} ${n.title}` })))).toEqual(
    new Map([
      ...expected(s.expiring, (g) => `Your membership of ${g.name} has ended`),
      ...expected(options.expiringWarned ? [...s.expiring, ...s.warnedOnly] : s.warnedOnly, (g) => `Your membership of ${g.name} expires soon`),
    ]),
  );
}
