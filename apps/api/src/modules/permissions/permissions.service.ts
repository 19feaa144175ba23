import { In, type EntityManager } from 'typeorm';
import { previewInRollback } from '../../db/preview';
import { PERMISSION_KEY_PATTERN } from '@gatehouse/shared';
import { authorize } from '../../authz/authorize';
import { settingsPolicy } from '../settings/settings.policy';
import { userPolicy } from '../users/user.policy';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { isUniqueViolation } from '../../db/errors';
import { userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import type { MembershipsService } from '../memberships/memberships.service';
import type { CascadeResult } from '../memberships/permission-cascade';
import { UserEntity } from '../users/user.entity';
import { PermissionEntity } from './permission.entity';
import { UserPermissionEntity } from './user-permission.entity';

export class PermissionsService {
  constructor(
    private readonly db: Db,
    private readonly memberships: MembershipsService,
  ) {}

  /** The catalog, built-in keys first, then admins' own, each alphabetical. */
  async catalog(): Promise<PermissionEntity[]> {
    return this.db.manager.find(PermissionEntity, { order: { builtIn: 'DESC', key: 'ASC' } });
  }

  /** `definePermission`: admins add `area.verb` keys for their own integrations. */
  async define(viewer: Viewer, key: string, description: string): Promise<PermissionEntity> {
    authorize(settingsPolicy, 'definePermission', viewer);
    const k = key.trim().slice(0, 200);
    const d = description.trim();
    new Problems()
      .check(PERMISSION_KEY_PATTERN.test(k), 'key', 'A permission key is area.verb in lowercase letters, digits, _ or - (for example wiki.edit).')
      .check(d.length >= 1 && d.length <= 500, 'description', 'Describe what the permission grants (1–500 characters).')
      .throwIfAny();
    return this.db
      .transaction(async (tx) => {
        if (await tx.existsBy(PermissionEntity, { key: k })) throw errors.conflict('PERMISSION_EXISTS', `The permission ${k} already exists.`);
        const entity = await tx.save(tx.create(PermissionEntity, { key: k, description: d, builtIn: false }));
        await audit(tx, { action: 'PERMISSION_DEFINED', actor: viewer.actor, details: { key: k, description: d } });
        return entity;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? errors.conflict('PERMISSION_EXISTS', `The permission ${k} already exists.`) : error;
      });
  }

  /**
   * Throws BAD_USER_INPUT naming every key that is not in the catalog. Inside a transaction, pass
   * its `tx`: the read must not wait for a second pooled connection (db/transaction-guard.ts).
   */
  async assertKnown(keys: readonly string[], field = 'permissions', manager: EntityManager = this.db.manager): Promise<string[]> {
    const unique = [...new Set(keys.map((k) => k.trim()))];
    if (unique.length === 0) return [];
    const known = new Set((await manager.findBy(PermissionEntity, { key: In(unique) })).map((p) => p.key));
    const unknown = unique.filter((k) => !known.has(k));
    if (unknown.length > 0) {
      throw errors.validation([{ field, message: `Unknown permission${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Define ${unknown.length > 1 ? 'them' : 'it'} first.` }]);
    }
    return unique.sort();
  }

  /** `setUserPermissions`: replaces the user's direct permissions (admins). */
  async setForUser(viewer: Viewer, userId: string, keys: readonly string[]): Promise<UserEntity> {
    authorize(userPolicy, 'setPermissions', viewer);
    if (!isUuid(userId)) throw errors.notFound('No user has this id.');
    const wanted = await this.assertKnown(keys);
    return this.db.transaction(async (tx) => {
      // Locked: two replacements of one user's permissions at once would each insert the same
      // key (a duplicate-key failure), or each decide on what the other is about to change.
      const lock = this.db.lockClause();
      const user = await tx.findOne(UserEntity, { where: { id: userId }, ...(lock ? { lock: { mode: lock } } : {}) });
      if (!user) throw errors.notFound('No user has this id.');
      await this.replaceForUser(tx, viewer, user, wanted);
      return user;
    });
  }

  /** Replaces direct permissions in `tx`, audited, cascading when groups.request is lost (the caller authorizes). */
  async replaceForUser(tx: EntityManager, viewer: Viewer, user: UserEntity, wanted: string[]): Promise<CascadeResult> {
    const current = (await tx.findBy(UserPermissionEntity, { userId: user.id })).map((p) => p.permissionKey);
    const removed = current.filter((k) => !wanted.includes(k));
    const added = wanted.filter((k) => !current.includes(k));
    if (removed.length === 0 && added.length === 0) return { ended: 0, userIds: [] };
    // Losing a permission can cost groups.request: one membership unit of work.
    const cascade = removed.length > 0 ? { userIds: [user.id], actor: viewer.actor, cause: `direct permission removed: ${removed.join(', ')}` } : null;
    const outcome = await this.memberships.change(tx, { cascade }, async () => {
      if (removed.length > 0) await tx.delete(UserPermissionEntity, { userId: user.id, permissionKey: In(removed) });
      for (const permissionKey of added) await tx.insert(UserPermissionEntity, { userId: user.id, permissionKey });
      await audit(tx, {
        action: 'USER_PERMISSIONS_CHANGED',
        actor: viewer.actor,
        user: { id: user.id, label: userLabel(user) },
        details: { added, removed },
      });
    });
    return outcome.cascade;
  }

  /** Impact preview of `setUserPermissions`: the real change, rolled back (admins). */
  async previewForUser(viewer: Viewer, userId: string, keys: readonly string[]): Promise<CascadeResult> {
    authorize(userPolicy, 'setPermissions', viewer);
    if (!isUuid(userId)) throw errors.notFound('No user has this id.');
    const wanted = await this.assertKnown(keys);
    return previewInRollback(this.db, async (tx) => {
      const user = await tx.findOneBy(UserEntity, { id: userId });
      if (!user) throw errors.notFound('No user has this id.');
      return this.replaceForUser(tx, viewer, user, wanted);
    });
  }
}
