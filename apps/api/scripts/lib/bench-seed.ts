import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { openDatabase } from '../../src/db/data-source';
import { hashSecret, newSecret } from '../../src/modules/auth/secrets';
import { GroupLeaderEntity } from '../../src/modules/groups/group-leader.entity';
import { GroupPermissionEntity } from '../../src/modules/groups/group-permission.entity';
import { GroupEntity } from '../../src/modules/groups/group.entity';
import { MembershipEntity } from '../../src/modules/memberships/membership.entity';
import { PermissionEntity } from '../../src/modules/permissions/permission.entity';
import { GroupRequestEntity } from '../../src/modules/requests/group-request.entity';
import { ApiTokenEntity } from '../../src/modules/tokens/api-token.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { UserPermissionEntity } from '../../src/modules/permissions/user-permission.entity';

export interface Seeded {
  /** A user who is a member of 50 groups, each carrying its own permission. */
  memberOf50Token: string;
  /** A plain member (holds groups.request via Member) browsing the directory. */
  memberToken: string;
  /** The leader of the queue group. */
  leaderToken: string;
  /** Pending join requests in the leader's group, for approveRequest. */
  pendingRequestIds: string[];
  /** A service account holding access.check (an integration asking about others). */
  checkerToken: string;
}

async function chunked<T>(tx: EntityManager, target: new () => T, rows: object[], size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await tx.insert(target, rows.slice(i, i + size) as never);
}

function person(name: string): Partial<UserEntity> {
  const email = `${name}@bench.example`;
  return { id: randomUUID(), email, emailKey: email, displayName: name, nameKey: name, kind: 'HUMAN', isActive: true, isAdmin: false, passwordHash: null };
}

async function token(tx: EntityManager, userId: string): Promise<string> {
  const secret = newSecret('ghp_');
  await tx.insert(ApiTokenEntity, { userId, name: 'bench', tokenHash: hashSecret(secret), prefix: secret.slice(0, 10), createdById: null });
  return secret;
}

/**
 * Bulk-inserts the data the scenarios need, straight into the (already migrated) database:
 * 1,000 directory groups, a user in 50 permission-carrying groups, and a leader's queue of
 * `pending` join requests.
 */
export async function seed(databaseUrl: string, pending: number): Promise<Seeded> {
  const ds = await openDatabase({ dialect: 'postgres', url: databaseUrl });
  try {
    const seeded = await ds.transaction(async (tx) => {
      const member = await tx.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
      const bench = person('bench-50');
      const browser = person('bench-member');
      const leader = person('bench-leader');
      const requesters = Array.from({ length: pending }, (_, i) => person(`requester-${String(i).padStart(6, '0')}`));
      await chunked(tx, UserEntity, [bench, browser, leader, ...requesters]);
      await chunked(tx, MembershipEntity, [browser, leader, ...requesters].map((u) => ({ userId: u.id, groupId: member.id, source: 'DEFAULT' })));

      const groups = Array.from({ length: 1000 }, (_, i) => {
        const name = `Directory ${String(i).padStart(4, '0')}`;
        return { id: randomUUID(), name, nameKey: name.toLowerCase(), internal: false, hidden: i % 10 === 0, open: i % 3 === 0, public: i % 5 === 0, metadata: {}, description: 'A benchmark group' };
      });
      await chunked(tx, GroupEntity, groups);
      // every directory group has a few members so memberCount means something
      await chunked(tx, MembershipEntity, groups.flatMap((g, i) => requesters.slice(i % 50, (i % 50) + 3).map((u) => ({ userId: u.id, groupId: g.id, source: 'ADDED' }))));

      const permissions = Array.from({ length: 50 }, (_, i) => ({ key: `bench.p${i}`, description: `bench ${i}`, builtIn: false }));
      await chunked(tx, PermissionEntity, permissions);
      const carriers = groups.slice(0, 50);
      await chunked(tx, GroupPermissionEntity, carriers.map((g, i) => ({ groupId: g.id, permissionKey: permissions[i]!.key })));
      await chunked(tx, MembershipEntity, carriers.map((g) => ({ userId: bench.id, groupId: g.id, source: 'ADDED' })));

      const queueGroup = { id: randomUUID(), name: 'Bench Queue', nameKey: 'bench queue', internal: false, metadata: {}, description: '' };
      await tx.insert(GroupEntity, queueGroup);
      await tx.insert(GroupLeaderEntity, { groupId: queueGroup.id, userId: leader.id! });
      const requests = requesters.map((u) => ({ id: randomUUID(), kind: 'JOIN', status: 'PENDING', userId: u.id, groupId: queueGroup.id, reason: 'benchmark' }));
      await chunked(tx, GroupRequestEntity, requests);

      const checker = { ...person('bench-checker'), kind: 'SERVICE' as const };
      await tx.insert(UserEntity, checker);
      await tx.insert(UserPermissionEntity, { userId: checker.id!, permissionKey: 'access.check' });
      return {
        checkerToken: await token(tx, checker.id!),
        memberOf50Token: await token(tx, bench.id!),
        memberToken: await token(tx, browser.id!),
        leaderToken: await token(tx, leader.id!),
        pendingRequestIds: requests.map((r) => r.id),
      };
    });
    // What autovacuum soon does after a bulk insert (and what access-dataset's loads do too):
    // planner statistics. Without them the directory and queue ran on plans for empty tables —
    // e.g. counting members by scanning every current membership instead of the page's groups —
    // and on a server with autovacuum off (as on these machines) that would be measured forever.
    await ds.query('VACUUM (ANALYZE)');
    return seeded;
  } finally {
    await ds.destroy();
  }
}
