import { In, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import { authorize } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { cleanName, isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { audit } from '../audit/audit.writer';
import { GroupPermissionEntity } from '../groups/group-permission.entity';
import { GroupEntity } from '../groups/group.entity';
import type { GroupsService } from '../groups/groups.service';
import { PermissionEntity } from '../permissions/permission.entity';
import type { RequestsService } from '../requests/requests.service';
import { AccessReviewEntity, AccessReviewGroupEntity, AccessReviewItemEntity, type ReviewDecision } from './access-review.entity';
import { reviewItemsRepository } from './review-items.repository';
import { day, notifyReviewers, REMIND_BEFORE } from './review-notify';
import { reviewPolicy } from './review.policy';

const DAY = 24 * 3600_000;
/** The furthest deadline a review may have. */
const MAX_DEADLINE = 366 * DAY;
const NAME_MAX = 200;
/** Items copied at once from which the planner is told of them now (see refreshStatistics). */
const ANALYZE_AFTER = 1000;

export interface ReviewInput {
  name: string;
  groupIds?: string[] | null;
  permission?: string | null;
  deadline: Date;
  defaultDecision?: ReviewDecision | null;
  autoApply?: boolean | null;
}

/** What starting a review uses. */
export interface ReviewStartDeps {
  db: Db;
  groups: Pick<GroupsService, 'factsFor'>;
  requests: Pick<RequestsService, 'approverIds'>;
}

/**
 * `startAccessReview` (SPEC §21): admins for any groups, managers for the groups they may manage.
 * Every current membership of the groups becomes an item, copied set-based in the transaction;
 * the reviewers (each group's approvers) are notified. `viewOf` maps the new review inside the
 * same transaction.
 */
export async function startReview<T>(
  deps: ReviewStartDeps,
  viewer: Viewer,
  input: ReviewInput,
  viewOf: (tx: EntityManager, review: AccessReviewEntity) => Promise<T>,
): Promise<T> {
  authorize(reviewPolicy, 'start', viewer);
  const now = new Date();
  const name = cleanName(input.name ?? '');
  const groupIds = [...new Set(input.groupIds ?? [])];
  const permission = input.permission?.trim() || null;
  const deadline = input.deadline;
  new Problems()
    .check(name.length >= 1 && name.length <= NAME_MAX, 'name', `Give the review a name of 1 to ${NAME_MAX} characters.`)
    .check((groupIds.length > 0) !== (permission !== null), 'groupIds', 'Choose the groups to review, or a permission whose groups to review — one of the two.')
    .check(groupIds.length <= LIMITS.maxPageSize, 'groupIds', `List at most ${LIMITS.maxPageSize} groups; to review more, choose a permission they carry.`)
    .check(groupIds.every(isUuid), 'groupIds', 'Some group ids are not valid ids.')
    .check(deadline.getTime() > now.getTime(), 'deadline', 'The deadline must be in the future.')
    .check(deadline.getTime() <= now.getTime() + MAX_DEADLINE, 'deadline', 'The deadline must be within a year.')
    .throwIfAny();
  const defaultDecision: ReviewDecision = input.defaultDecision ?? 'KEEP';
  const autoApply = input.autoApply ?? true;
  const { db } = deps;

  let copied = 0;
  const started = await db.transaction(async (tx) => {
    const groups = permission ? await groupsCarrying(tx, permission) : await listedGroups(tx, groupIds);
    const facts = await deps.groups.factsFor(viewer, groups, tx);
    for (const g of groups) authorize(reviewPolicy, 'startFor', viewer, facts.get(g.id)!);
    const review = await tx.save(
      tx.create(AccessReviewEntity, {
        name,
        status: 'OPEN',
        deadline,
        defaultDecision,
        autoApply,
        permissionKey: permission,
        createdById: viewer.userId,
        closedAt: null,
        closedById: null,
        // A deadline already within the reminder window: the start's notification is the reminder.
        remindedAt: deadline.getTime() - now.getTime() <= REMIND_BEFORE ? now : null,
      }),
    );
    await tx.insert(AccessReviewGroupEntity, groups.map((g) => ({ reviewId: review.id, groupId: g.id, appliedAt: null })));
    const postgres = db.dialect === 'postgres';
    for (const group of groups) await reviewItemsRepository.copyMemberships(tx, postgres, review.id, group.id, now);
    await reviewItemsRepository.keepItemCounts(tx, review.id);
    const items = await tx.countBy(AccessReviewItemEntity, { reviewId: review.id });
    copied = items;
    await audit(tx, {
      action: 'REVIEW_STARTED',
      actor: viewer.actor,
      details: {
        review: { id: review.id, label: name },
        groups: groups.map((g) => ({ id: g.id, label: g.name })),
        ...(permission ? { permission } : {}),
        deadline: deadline.toISOString(),
        defaultDecision,
        autoApply,
        items,
      },
    });
    await notifyReviewers(tx, deps.requests, review, groups, viewer.userId, (names) => ({
      title: `Review the members of ${names}`,
      body: `The access review “${name}” asks you to keep or remove each membership by ${day(deadline)} (UTC). Undecided ones will be ${defaultDecision === 'KEEP' ? 'kept' : 'removed'}.`,
    }));
    return viewOf(tx, review);
  });
  if (copied >= ANALYZE_AFTER && db.dialect === 'postgres') reviewItemsRepository.refreshStatistics(db.manager);
  return started;
}

async function listedGroups(tx: EntityManager, ids: readonly string[]): Promise<GroupEntity[]> {
  const groups = await tx.findBy(GroupEntity, { id: In([...ids]) });
  const unknown = ids.filter((id) => !groups.some((g) => g.id === id));
  if (unknown.length) throw errors.validation([{ field: 'groupIds', message: `No group has these ids: ${unknown.join(', ')}.` }]);
  return groups;
}

async function groupsCarrying(tx: EntityManager, key: string): Promise<GroupEntity[]> {
  if (!(await tx.existsBy(PermissionEntity, { key }))) throw errors.validation([{ field: 'permission', message: `There is no permission ${key}.` }]);
  const ids = (await tx.findBy(GroupPermissionEntity, { permissionKey: key })).map((p) => p.groupId);
  if (ids.length === 0) throw errors.validation([{ field: 'permission', message: `No group carries ${key}; there is nothing to review.` }]);
  return tx.findBy(GroupEntity, { id: In(ids) });
}
