import 'reflect-metadata';
import { openDatabase } from '../../src/db/data-source';
import { hashSecret, newSecret } from '../../src/modules/auth/secrets';
import { GroupPermissionEntity } from '../../src/modules/groups/group-permission.entity';
import { GroupEntity } from '../../src/modules/groups/group.entity';
import { MembershipEntity } from '../../src/modules/memberships/membership.entity';
import { PermissionEntity } from '../../src/modules/permissions/permission.entity';
import { ApiTokenEntity } from '../../src/modules/tokens/api-token.entity';
import { UserEntity } from '../../src/modules/users/user.entity';

export interface Seeded {
  /** Token of a user who is a member of 50 groups, each carrying its own permission. */
  memberOf50Token: string;
}

/** Bulk-inserts the data the scenarios need, straight into the (already migrated) database. */
export async function seed(databaseUrl: string): Promise<Seeded> {
  const ds = await openDatabase({ dialect: 'postgres', url: databaseUrl });
  try {
    return await ds.transaction(async (tx) => {
      const user = await tx.save(
        tx.create(UserEntity, { email: 'bench@example.com', emailKey: 'bench@example.com', displayName: 'Bench', nameKey: 'bench', kind: 'HUMAN', isActive: true, isAdmin: false, passwordHash: null }),
      );
      for (let i = 0; i < 50; i++) {
        const key = `bench.p${i}`;
        await tx.insert(PermissionEntity, { key, description: `bench ${i}`, builtIn: false });
        const group = await tx.save(tx.create(GroupEntity, { name: `Bench ${i}`, nameKey: `bench ${i}`, internal: false, metadata: {}, description: '' }));
        await tx.insert(GroupPermissionEntity, { groupId: group.id, permissionKey: key });
        await tx.insert(MembershipEntity, { userId: user.id, groupId: group.id, source: 'ADDED', addedById: null });
      }
      const token = newSecret('ghp_');
      await tx.insert(ApiTokenEntity, { userId: user.id, name: 'bench', tokenHash: hashSecret(token), prefix: token.slice(0, 10), createdById: null });
      return { memberOf50Token: token };
    });
  } finally {
    await ds.destroy();
  }
}
