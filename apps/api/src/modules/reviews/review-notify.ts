import type { EntityManager } from 'typeorm';
import type { GroupEntity } from '../groups/group.entity';
import { notify } from '../notifications/notify';
import type { RequestsService } from '../requests/requests.service';
import type { AccessReviewEntity } from './access-review.entity';

const DAY = 24 * 3600_000;
/** Reviewers are reminded this long before the deadline (SPEC §21), once. */
export const REMIND_BEFORE = 3 * DAY;

/** A deadline's day as messages give it (UTC). */
export const day = (d: Date) => d.toISOString().slice(0, 10);
/** Up to three names, then how many more. */
export const listNames = (names: readonly string[]) => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

/**
 * Tells each reviewer (the approvers of each group, §2) once, naming their groups; `except` is
 * whoever caused it (the starter knows). Groups without undecided items are left out by the
 * caller. Returns how many people were told.
 */
export async function notifyReviewers(
  tx: EntityManager,
  requests: Pick<RequestsService, 'approverIds'>,
  review: AccessReviewEntity,
  groups: readonly GroupEntity[],
  except: string | null,
  words: (groupNames: string) => { title: string; body: string },
): Promise<number> {
  const groupsOf = new Map<string, string[]>();
  for (const group of groups) {
    for (const id of await requests.approverIds(tx, group)) {
      if (id !== except) groupsOf.set(id, [...(groupsOf.get(id) ?? []), group.name]);
    }
  }
  // One message per distinct set of groups, sent to everyone who reviews exactly that set.
  const bySet = new Map<string, { names: string[]; userIds: string[] }>();
  for (const [userId, names] of groupsOf) {
    const key = names.join('\u0000');
    const entry = bySet.get(key) ?? { names, userIds: [] };
    entry.userIds.push(userId);
    bySet.set(key, entry);
  }
  for (const { names, userIds } of bySet.values()) {
    await notify(tx, userIds, { kind: 'REVIEW_ASSIGNED', ...words(listNames(names)), link: `/reviews/${review.id}` });
  }
  return groupsOf.size;
}
