import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { grouped } from '../../common/batch';
import type { UserLoaders } from '../users/user.loaders';
import { UserEntity } from '../users/user.entity';
import { effectivePermissionsOf } from './effective-permissions.repository';
import { UserPermissionEntity } from './user-permission.entity';

/** The permissions slice's per-request loaders (merged in loaders.ts); users are read through `user`. */
export function createPermissionLoaders(m: EntityManager, { user }: UserLoaders) {
  return {
    /** Keys given to each user directly, sorted. */
    directPermissions: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await m.findBy(UserPermissionEntity, { userId: In([...ids]) }), (p) => p.userId).map((ps) => ps.map((p) => p.permissionKey).sort()),
    ),
    /** Direct ∪ current groups' keys of each user (all for admins, none when inactive), sorted. */
    effectivePermissions: new DataLoader<string, string[]>(async (ids) => {
      const users = (await user.loadMany(ids)).filter((u): u is UserEntity => u instanceof UserEntity);
      const perms = await effectivePermissionsOf(m, users);
      return ids.map((id) => perms.get(id) ?? []);
    }),
  };
}
