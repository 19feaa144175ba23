import type { Logger } from 'pino';
import { BUILT_IN_PERMISSIONS } from '@gatehouse/shared';
import type { Config } from './config';
import type { Db } from './db/db';
import { underStartupLock } from './db/startup-lock';
import { GroupPermissionEntity } from './modules/groups/group-permission.entity';
import { GroupEntity, type BuiltInGroup } from './modules/groups/group.entity';
import { BUILT_IN_GROUPS } from './modules/groups/built-in-groups';
import { PermissionEntity } from './modules/permissions/permission.entity';
import { UserEntity } from './modules/users/user.entity';
import type { Services } from './services';
import { SYSTEM_ACTOR } from './modules/audit/actor';

/**
 * First-start (and every-start) invariants, idempotent: the built-in permission catalog, the
 * System and Member groups, and the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin
 * exists yet. Servers starting together take turns (startup-lock.ts): each step reads what the
 * one before it committed, so the built-ins and the first admin are created exactly once.
 */
export function bootstrap(db: Db, services: Services, config: Config, log: Logger): Promise<void> {
  return underStartupLock(db.dataSource, () => ensureInvariants(db, services, config, log));
}

async function ensureInvariants(db: Db, services: Services, config: Config, log: Logger): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [key, description] of Object.entries(BUILT_IN_PERMISSIONS)) {
      await tx.upsert(PermissionEntity, { key, description, builtIn: true }, ['key']);
    }
    for (const [which, spec] of Object.entries(BUILT_IN_GROUPS) as [BuiltInGroup, (typeof BUILT_IN_GROUPS)[BuiltInGroup]][]) {
      if (await tx.existsBy(GroupEntity, { builtIn: which })) continue;
      const group = await tx.save(
        tx.create(GroupEntity, {
          name: spec.name,
          nameKey: spec.name.toLowerCase(),
          description: spec.description,
          internal: true,
          system: spec.system,
          builtIn: which,
          metadata: {},
        }),
      );
      for (const permissionKey of spec.permissions) {
        await tx.insert(GroupPermissionEntity, { groupId: group.id, permissionKey });
      }
      log.info({ group: spec.name }, 'created built-in group');
    }
  });

  if (config.adminBootstrap && !(await db.manager.existsBy(UserEntity, { isAdmin: true }))) {
    const { email, password } = config.adminBootstrap;
    await services.users.create(SYSTEM_ACTOR, {
      email,
      displayName: 'Administrator',
      password,
      kind: 'HUMAN',
      isAdmin: true,
    });
    log.info({ email }, 'created the first admin from ADMIN_EMAIL');
  }
}
