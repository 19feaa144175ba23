import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { inList, listParam } from '../../db/raw-sql';
import { groupIdsLedBy } from '../groups/leadership.repository';
import { currentMembershipSql } from '../memberships/current';

/** A condition for a WHERE clause, with the parameters it names. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * `userPolicy.readEmail` (user.policy.ts owns the rule) as SQL: true for the rows of `userId` (a
 * column holding a user's id) whose email `viewer` may read — admins: every row; otherwise the
 * viewer themself, and current members of the groups the viewer leads (leadership.repository's
 * rule, read in one statement first). Any query that matches on emails ANDs its email match with
 * this, so a search cannot find someone by an email it would not show them (users(search:),
 * Group.members(search:)). users.test.ts compares the two over the test cast.
 *
 * Binds `now` (the current-membership rule's own parameter, as every caller's `now`).
 */
export async function emailReadableSql(manager: EntityManager, viewer: Viewer, userId: string): Promise<SqlCondition> {
  // isAdmin(v)
  if (viewer.isAdmin) return { sql: '1 = 1', params: {} };
  // isSelf(v, u)
  const self = `${userId} = :emailViewerId`;
  const led = await groupIdsLedBy(manager, viewer.userId);
  if (led.length === 0) return { sql: self, params: { emailViewerId: viewer.userId } };
  // leadsTheirGroup(f): a current membership of the user in a group the viewer leads.
  return {
    sql: `(${self} OR ${userId} IN (SELECT em.user_id FROM membership em WHERE ${inList(manager, 'em.group_id', 'emailLedGroups')} AND ${currentMembershipSql('em')}))`,
    params: { emailViewerId: viewer.userId, emailLedGroups: listParam(manager, led), now: new Date() },
  };
}
