import { In, type EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, userLabel, type Actor } from '../audit/actor';
import { effectivePermissionsOf } from '../permissions/effective-permissions.repository';
import { readSettings } from '../settings/settings.repository';
import { UserEntity } from '../users/user.entity';
import { nonPublicRowsOf } from './membership.repository';
import type { MembershipUnit } from './memberships.service';

/** The permission whose loss triggers the cascade (SPEC §8). */
const TRIGGER = 'groups.request';

/** Who held `groups.request` before a change, captured inside the change's transaction. */
export interface CascadeSnapshot {
  holders: Set<string>;
}

/**
 * Extra work for each user who lost the permission (the requests slice cancels their pending
 * requests for the groups the policy covers).
 */
export type CascadeExtension = (
  tx: EntityManager,
  userId: string,
  policy: 'REMOVE_NON_PUBLIC' | 'REMOVE_SELF_SERVICE',
  cause: string,
) => Promise<void>;

/**
 * SPEC §8, one step of the membership unit of work (memberships.service.ts), which calls `snapshot`
 * before a change that can shrink permissions and `apply` after it, in the same transaction: users
 * who held `groups.request` before and not after are removed per `settings.permissionLossPolicy`,
 * each removal a change of the same unit (audited with the system as actor and the cause).
 */
export class PermissionCascade {
  private readonly extensions: CascadeExtension[] = [];

  extend(extension: CascadeExtension): void {
    this.extensions.push(extension);
  }

  /**
   * `at`: the instant whose memberships count as "before" — now, unless the change already
   * happened (expiry: the membership stopped counting when it expired, before the sweep ends it).
   */
  async snapshot(tx: EntityManager, userIds: readonly string[], at = new Date()): Promise<CascadeSnapshot> {
    const users = userIds.length ? await tx.findBy(UserEntity, { id: In([...new Set(userIds)]) }) : [];
    const perms = await effectivePermissionsOf(tx, users, at);
    return { holders: new Set([...perms].filter(([, keys]) => keys.includes(TRIGGER)).map(([id]) => id)) };
  }

  /**
   * Returns how many memberships were ended, and whose. `at`: the instant "after" is judged at —
   * now, unless the change is judged as of an instant of its own (the expiry sweep's pass: a
   * membership that expires while the pass runs is that pass's or the next one's to end, not
   * this cascade's).
   */
  async apply(unit: MembershipUnit, before: CascadeSnapshot, trigger: Actor, cause: string, at = new Date()): Promise<CascadeResult> {
    const { tx } = unit;
    const none: CascadeResult = { ended: 0, userIds: [] };
    if (before.holders.size === 0) return none;
    const users = await tx.findBy(UserEntity, { id: In([...before.holders]) });
    const after = await effectivePermissionsOf(tx, users, at);
    // Service accounts are excepted: their integrations must not lose groups because of this rule.
    const losers = users.filter((u) => u.kind === 'HUMAN' && !(after.get(u.id) ?? []).includes(TRIGGER));
    if (losers.length === 0) return none;
    const settings = await readSettings(tx);
    if (settings.permissionLossPolicy === 'KEEP') return { ended: 0, userIds: losers.map((u) => u.id) };

    let ended = 0;
    for (const user of losers) {
      const targets = (await nonPublicRowsOf(tx, user.id))
        .map((m) => m.group!)
        .filter((g) => settings.permissionLossPolicy === 'REMOVE_NON_PUBLIC' || !g.internal);
      const subject = { id: user.id, label: userLabel(user) };
      for (const group of targets) {
        const removed = await unit.end({
          user: subject,
          group,
          actor: SYSTEM_ACTOR,
          action: 'MEMBER_REMOVED',
          cause: 'CASCADE',
          reason: `Lost ${TRIGGER} (${cause}; by ${trigger.label}); policy ${settings.permissionLossPolicy}.`,
        });
        if (removed) ended += 1;
      }
      for (const extension of this.extensions) {
        await extension(tx, user.id, settings.permissionLossPolicy, cause);
      }
    }
    return { ended, userIds: losers.map((u) => u.id) };
  }
}

export interface CascadeResult {
  /** Memberships ended. */
  ended: number;
  /** Users who lost groups.request (under KEEP they keep their memberships). */
  userIds: string[];
}
