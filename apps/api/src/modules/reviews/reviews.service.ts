import { Brackets, In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { decodeCursor, emptyPage, toPage, type Page } from '../../common/pagination';
import { cleanName, isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { parseUtcTimestamp } from '../../db/timestamp';
import { csvCell } from '../audit/audit.csv';
import { SYSTEM_ACTOR, userLabel, type Actor } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { GroupPermissionEntity } from '../groups/group-permission.entity';
import { GroupEntity } from '../groups/group.entity';
import { groupPolicy } from '../groups/group.policy';
import type { GroupsService } from '../groups/groups.service';
import { groupIdsLedBy } from '../groups/leadership.repository';
import { currentMembershipSql } from '../memberships/current';
import type { MembershipsService } from '../memberships/memberships.service';
import { notify } from '../notifications/notify';
import { PermissionEntity } from '../permissions/permission.entity';
import type { RequestsService } from '../requests/requests.service';
import { AccessReviewEntity, AccessReviewGroupEntity, AccessReviewItemEntity, type ReviewDecision, type ReviewStatus } from './access-review.entity';
import { reviewPolicy, type ReviewFacts } from './review.policy';

const DAY = 24 * 3600_000;
/** Reviewers are reminded this long before the deadline (SPEC §21), once. */
const REMIND_BEFORE = 3 * DAY;
/** The furthest deadline a review may have. */
const MAX_DEADLINE = 366 * DAY;
const NAME_MAX = 200;
/** Rows per statement where items are updated in bulk (bound parameters stay far below SQLite's limit). */
const CHUNK = 500;
/** Reviews (and groups to apply) one sweep handles; the next sweep does the rest. */
const SWEEP_BATCH = 100;
const NOT_FOUND = 'No access review has this id, or you may not see it.';

/** A review as the viewer sees it: the row, its groups, and the viewer's relation to each. */
export interface ReviewView {
  review: AccessReviewEntity;
  groups: GroupEntity[];
  facts: ReviewFacts;
}

export interface ReviewInput {
  name: string;
  groupIds?: string[] | null;
  permission?: string | null;
  deadline: Date;
  defaultDecision?: ReviewDecision | null;
  autoApply?: boolean | null;
}

export interface ItemsFilter {
  groupId?: string | null;
  undecidedOnly?: boolean | null;
  mine?: boolean | null;
}

export interface ReviewSweepResult {
  /** Reviews this sweeper closed at their deadline. */
  closed: number;
  /** Reviews whose reviewers this sweeper reminded. */
  reminded: number;
}

/**
 * A random version-4 UUID per row, in SQL: the items of a review are copied from the memberships
 * by one INSERT … SELECT per group (a group of 10,000 members is one statement, not 10,000).
 * PostgreSQL has the function the id columns default to; SQLite builds one from random bytes.
 */
const SQLITE_UUID =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const listNames = (names: readonly string[]) => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

/**
 * Access reviews (SPEC §21): starting one snapshots the chosen groups' current memberships as
 * items and tells the reviewers; reviewers decide KEEP or REMOVE (never their own membership);
 * closing — by an admin or at the deadline, once per deployment — gives undecided items the
 * default and carries the decisions out through the one owner of membership (cause REVIEW, the
 * permission cascade applied), one transaction per group. A membership that ended or changed
 * (made again, another source) during the review is skipped.
 */
export class ReviewsService {
  constructor(
    private readonly db: Db,
    private readonly groups: GroupsService,
    private readonly memberships: MembershipsService,
    private readonly requests: RequestsService,
  ) {}

  // ---- reading ---------------------------------------------------------------------------

  /** The viewer's relation to each review's groups, batched over a page of reviews. */
  private async viewsOf(viewer: Viewer, reviews: readonly AccessReviewEntity[], manager: EntityManager): Promise<ReviewView[]> {
    if (reviews.length === 0) return [];
    const links = await manager.findBy(AccessReviewGroupEntity, { reviewId: In(reviews.map((r) => r.id)) });
    const groupIds = [...new Set(links.map((l) => l.groupId))];
    const groups = groupIds.length ? await manager.findBy(GroupEntity, { id: In(groupIds) }) : [];
    const byId = new Map(groups.map((g) => [g.id, g]));
    const facts = await this.groups.factsFor(viewer, groups, manager);
    return reviews.map((review) => {
      const mine = links.filter((l) => l.reviewId === review.id).flatMap((l) => (byId.has(l.groupId) ? [byId.get(l.groupId)!] : []));
      mine.sort((a, b) => a.nameKey.localeCompare(b.nameKey));
      return { review, groups: mine, facts: { review, groups: new Map(mine.map((g) => [g.id, facts.get(g.id)!])) } };
    });
  }

  /** `accessReview(id)`: null unless the viewer may see it. */
  async byId(viewer: Viewer, id: string): Promise<ReviewView | null> {
    if (!isUuid(id)) return null;
    const review = await this.db.manager.findOneBy(AccessReviewEntity, { id });
    if (!review) return null;
    const [view] = await this.viewsOf(viewer, [review], this.db.manager);
    return view && reviewPolicy.read(viewer, view.facts) ? view : null;
  }

  /**
   * `accessReviews`: those the viewer started, those with a group they review, every one for
   * admins. Newest first, cursor-paged.
   */
  async list(viewer: Viewer, status: ReviewStatus | null | undefined, first: number, after: string | null | undefined): Promise<Page<ReviewView>> {
    const cursor = after ? decodeCursor(after, ['date', 'uuid']) : null;
    const m = this.db.manager;
    const qb = m.createQueryBuilder(AccessReviewEntity, 'r');
    if (status) qb.andWhere('r.status = :status', { status });
    if (!viewer.isAdmin) {
      const led = await groupIdsLedBy(m, viewer.userId);
      const reviews: string[] = [];
      if (led.length) reviews.push('rg.group_id IN (:...led)');
      if (holds(viewer, 'groups.manage')) reviews.push('(g.internal = :no AND g.restricted = :no)');
      qb.andWhere(
        new Brackets((w) => {
          w.where('r.createdById = :me', { me: viewer.userId });
          if (reviews.length) {
            w.orWhere(
              `EXISTS (SELECT 1 FROM access_review_group rg JOIN user_group g ON g.id = rg.group_id WHERE rg.review_id = r.id AND (${reviews.join(' OR ')}))`,
              { led, no: false },
            );
          }
        }),
      );
    }
    const totalCount = await qb.getCount();
    if (cursor) {
      const at = new Date(cursor[0]);
      qb.andWhere(new Brackets((w) => w.where('r.createdAt < :cAt', { cAt: at }).orWhere('r.createdAt = :cAt AND r.id < :cId', { cId: cursor[1] })));
    }
    const rows = await qb.orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').limit(first + 1).getMany();
    const page = toPage(rows, first, (r) => [r.createdAt.toISOString(), r.id]);
    const views = await this.viewsOf(viewer, page.nodes, m);
    return { nodes: views, cursor: page.cursor, hasNextPage: page.hasNextPage, totalCount };
  }

  /** The groups of the review the viewer may see named (a reviewer of one group does not learn of hidden others). */
  visibleGroups(viewer: Viewer, view: ReviewView): GroupEntity[] {
    return view.groups.filter((g) => groupPolicy.read(viewer, view.facts.groups.get(g.id)!) || reviewPolicy.readAllItems(viewer, view.facts));
  }

  /** Groups whose items the viewer sees: all for admins and the starter, else the groups they review. */
  private itemGroups(viewer: Viewer, view: ReviewView): GroupEntity[] {
    if (reviewPolicy.readAllItems(viewer, view.facts)) return view.groups;
    return view.groups.filter((g) => reviewPolicy.reviewGroup(viewer, view.facts.groups.get(g.id)!));
  }

  /** Whether the viewer may decide this item now. */
  canDecide(viewer: Viewer, view: ReviewView, item: Pick<AccessReviewItemEntity, 'groupId' | 'userId'>): boolean {
    const g = view.facts.groups.get(item.groupId);
    return g !== undefined && reviewPolicy.decide(viewer, view.facts, g, item.userId);
  }

  /** `AccessReview.items`: by group and person, cursor-paged; the (review, group, user) index serves it. */
  async items(viewer: Viewer, view: ReviewView, filter: ItemsFilter, first: number, after: string | null | undefined): Promise<Page<AccessReviewItemEntity> & { totalCount: number }> {
    const cursor = after ? decodeCursor(after, ['uuid', 'uuid']) : null;
    let groups = filter.mine
      ? view.groups.filter((g) => reviewPolicy.reviewGroup(viewer, view.facts.groups.get(g.id)!))
      : this.itemGroups(viewer, view);
    if (filter.groupId) groups = groups.filter((g) => g.id === filter.groupId);
    if (groups.length === 0) return emptyPage();
    const qb = this.db.manager.createQueryBuilder(AccessReviewItemEntity, 'i').where('i.reviewId = :rid', { rid: view.review.id });
    if (groups.length < view.groups.length) qb.andWhere('i.groupId IN (:...gids)', { gids: groups.map((g) => g.id) });
    if (filter.mine) qb.andWhere('i.userId <> :me', { me: viewer.userId });
    if (filter.undecidedOnly) qb.andWhere('i.decision IS NULL');
    const totalCount = await qb.getCount();
    if (cursor) {
      qb.andWhere(new Brackets((w) => w.where('i.groupId > :cg', { cg: cursor[0] }).orWhere('i.groupId = :cg AND i.userId > :cu', { cu: cursor[1] })));
    }
    const rows = await qb.orderBy('i.groupId', 'ASC').addOrderBy('i.userId', 'ASC').limit(first + 1).getMany();
    return { ...toPage(rows, first, (i) => [i.groupId, i.userId]), totalCount };
  }

  /** Items and decided items of each review (itemCount, decidedCount), one statement for a page. */
  async counts(reviewIds: readonly string[]): Promise<Map<string, { items: number; decided: number }>> {
    const rows = await this.db.manager
      .createQueryBuilder(AccessReviewItemEntity, 'i')
      .select('i.reviewId', 'reviewId')
      .addSelect('COUNT(*)', 'items')
      .addSelect('COUNT(i.decision)', 'decided')
      .where('i.reviewId IN (:...ids)', { ids: [...reviewIds] })
      .groupBy('i.reviewId')
      .getRawMany<{ reviewId: string; items: string | number; decided: string | number }>();
    const result = new Map(reviewIds.map((id) => [id, { items: 0, decided: 0 }]));
    for (const r of rows) result.set(r.reviewId, { items: Number(r.items), decided: Number(r.decided) });
    return result;
  }

  /** Progress per group (SPEC §21), over the groups whose items the viewer sees. */
  async groupProgress(viewer: Viewer, view: ReviewView): Promise<{ groupId: string; itemCount: number; decidedCount: number }[]> {
    const groups = this.itemGroups(viewer, view);
    if (groups.length === 0) return [];
    const rows = await this.db.manager
      .createQueryBuilder(AccessReviewItemEntity, 'i')
      .select('i.groupId', 'groupId')
      .addSelect('COUNT(*)', 'items')
      .addSelect('COUNT(i.decision)', 'decided')
      .where('i.reviewId = :rid AND i.groupId IN (:...gids)', { rid: view.review.id, gids: groups.map((g) => g.id) })
      .groupBy('i.groupId')
      .getRawMany<{ groupId: string; items: string | number; decided: string | number }>();
    const byGroup = new Map(rows.map((r) => [r.groupId, r]));
    return groups.map((g) => ({ groupId: g.id, itemCount: Number(byGroup.get(g.id)?.items ?? 0), decidedCount: Number(byGroup.get(g.id)?.decided ?? 0) }));
  }

  /** Progress per reviewer (SPEC §21): how many items each person decided, over the items the viewer sees. */
  async reviewerProgress(viewer: Viewer, view: ReviewView): Promise<{ userId: string; decidedCount: number }[]> {
    const groups = this.itemGroups(viewer, view);
    if (groups.length === 0) return [];
    const rows = await this.db.manager
      .createQueryBuilder(AccessReviewItemEntity, 'i')
      .select('i.decidedById', 'userId')
      .addSelect('COUNT(*)', 'decided')
      .where('i.reviewId = :rid AND i.groupId IN (:...gids) AND i.decidedById IS NOT NULL', { rid: view.review.id, gids: groups.map((g) => g.id) })
      .groupBy('i.decidedById')
      .getRawMany<{ userId: string; decided: string | number }>();
    return rows.map((r) => ({ userId: r.userId, decidedCount: Number(r.decided) })).sort((a, b) => b.decidedCount - a.decidedCount);
  }

  /**
   * Every decision the viewer may see, as CSV (SPEC §21: exported while it runs and after):
   * one row per item, by group and person. Names, not emails (who may read an email is another rule).
   */
  async csv(viewer: Viewer, view: ReviewView): Promise<string> {
    const groups = this.itemGroups(viewer, view);
    const header = ['group', 'groupId', 'member', 'userId', 'source', 'memberSince', 'decision', 'decidedBy', 'decidedAt', 'comment', 'applied'];
    if (groups.length === 0) return `${header.join(',')}\r\n`;
    const m = this.db.manager;
    const rows = await rawQuery<Record<string, unknown>>(
      m,
      `SELECT g.name AS "group", i.group_id AS "groupId", u.display_name AS "member", i.user_id AS "userId", i.source, i.member_since AS "memberSince",
              i.decision, d.display_name AS "decidedBy", i.decided_at AS "decidedAt", i.comment, i.applied
         FROM access_review_item i
         JOIN user_group g ON g.id = i.group_id
         JOIN user_account u ON u.id = i.user_id
         LEFT JOIN user_account d ON d.id = i.decided_by_id
        WHERE i.review_id = :reviewId AND ${inList(m, 'i.group_id', 'groupIds')}
        ORDER BY g.name_key, u.name_key, i.user_id`,
      { reviewId: view.review.id, groupIds: listParam(m, groups.map((g) => g.id)) },
    );
    const cell = (key: string, value: unknown): string => {
      if (key === 'applied') return value === true || value === 1 ? 'true' : 'false';
      if ((key === 'memberSince' || key === 'decidedAt') && value) return csvCell(value instanceof Date ? value : parseUtcTimestamp(String(value)));
      return csvCell(value);
    };
    return [header.join(','), ...rows.map((r) => header.map((k) => cell(k, r[k])).join(','))].map((line) => `${line}\r\n`).join('');
  }

  // ---- starting ----------------------------------------------------------------------------

  /**
   * `startAccessReview` (SPEC §21): admins for any groups, managers for the groups they may manage.
   * Every current membership of the groups becomes an item, copied set-based in the transaction;
   * the reviewers (each group's approvers) are notified.
   */
  async start(viewer: Viewer, input: ReviewInput): Promise<ReviewView> {
    if (!reviewPolicy.start(viewer)) throw errors.forbidden('MISSING_PERMISSION', 'Starting an access review needs groups.manage, or an administrator.');
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

    return this.db.transaction(async (tx) => {
      const groups = permission ? await this.groupsCarrying(tx, permission) : await this.listedGroups(tx, groupIds);
      const facts = await this.groups.factsFor(viewer, groups, tx);
      const refused = groups.filter((g) => !reviewPolicy.startFor(viewer, facts.get(g.id)!));
      if (refused.length) {
        throw errors.forbidden('NOT_ALLOWED', `Only an administrator may review ${listNames(refused.map((g) => g.name))}: internal and restricted groups are theirs to manage.`);
      }
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
      const postgres = this.db.dialect === 'postgres';
      for (const group of groups) {
        await rawQuery(
          tx,
          `INSERT INTO access_review_item (id, review_id, group_id, user_id, source, member_since)
           SELECT ${postgres ? 'uuid_generate_v4()' : SQLITE_UUID}, ${postgres ? 'CAST(:reviewId AS uuid)' : ':reviewId'}, m.group_id, m.user_id, m.source, m.created_at
             FROM membership m WHERE m.group_id = :groupId AND ${currentMembershipSql('m')}`,
          { reviewId: review.id, groupId: group.id, now },
        );
      }
      const items = await tx.countBy(AccessReviewItemEntity, { reviewId: review.id });
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
      await this.notifyReviewers(tx, review, groups, viewer.userId, (names) => ({
        title: `Review the members of ${names}`,
        body: `The access review “${name}” asks you to keep or remove each membership by ${day(deadline)} (UTC). Undecided ones will be ${defaultDecision === 'KEEP' ? 'kept' : 'removed'}.`,
      }));
      const [view] = await this.viewsOf(viewer, [review], tx);
      return view!;
    });
  }

  private async listedGroups(tx: EntityManager, ids: readonly string[]): Promise<GroupEntity[]> {
    const groups = await tx.findBy(GroupEntity, { id: In([...ids]) });
    const unknown = ids.filter((id) => !groups.some((g) => g.id === id));
    if (unknown.length) throw errors.validation([{ field: 'groupIds', message: `No group has these ids: ${unknown.join(', ')}.` }]);
    return groups;
  }

  private async groupsCarrying(tx: EntityManager, key: string): Promise<GroupEntity[]> {
    if (!(await tx.existsBy(PermissionEntity, { key }))) throw errors.validation([{ field: 'permission', message: `There is no permission ${key}.` }]);
    const ids = (await tx.findBy(GroupPermissionEntity, { permissionKey: key })).map((p) => p.groupId);
    if (ids.length === 0) throw errors.validation([{ field: 'permission', message: `No group carries ${key}; there is nothing to review.` }]);
    return tx.findBy(GroupEntity, { id: In(ids) });
  }

  /**
   * Tells each reviewer (the approvers of each group, §2) once, naming their groups; `except` is
   * whoever caused it (the starter knows). Groups without undecided items are left out.
   */
  private async notifyReviewers(
    tx: EntityManager,
    review: AccessReviewEntity,
    groups: readonly GroupEntity[],
    except: string | null,
    words: (groupNames: string) => { title: string; body: string },
  ): Promise<number> {
    const groupsOf = new Map<string, string[]>();
    for (const group of groups) {
      for (const id of await this.requests.approverIds(tx, group)) {
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

  // ---- deciding ----------------------------------------------------------------------------

  /**
   * `decideReviewItems`: KEEP or REMOVE with an optional comment, for up to 100 items at once, all
   * or nothing. Items the viewer may not see are NOT_FOUND; a closed review CONFLICT
   * (REVIEW_CLOSED); their own membership FORBIDDEN (SELF_REVIEW); a group they do not review
   * FORBIDDEN (NOT_REVIEWER). The reviews are locked first, so a decision and a close never cross.
   */
  async decide(viewer: Viewer, itemIds: readonly string[], decision: ReviewDecision, comment: string | null | undefined): Promise<{ items: AccessReviewItemEntity[]; views: Map<string, ReviewView> }> {
    const ids = [...new Set(itemIds)];
    const text = comment?.trim() || null;
    new Problems()
      .check(ids.length >= 1 && ids.length <= LIMITS.maxPageSize, 'itemIds', `Decide between 1 and ${LIMITS.maxPageSize} items at a time.`)
      .check((text ?? '').length <= LIMITS.reasonMax, 'comment', `The comment must be at most ${LIMITS.reasonMax} characters.`)
      .throwIfAny();
    const missing = () => errors.notFound('Some of these review items do not exist, or you may not see them.');
    if (!ids.every(isUuid)) throw missing();
    return this.db.transaction(async (tx) => {
      const found = await tx.findBy(AccessReviewItemEntity, { id: In(ids) });
      if (found.length !== ids.length) throw missing();
      const lock = this.db.lockClause();
      const reviews = await tx.find(AccessReviewEntity, { where: { id: In([...new Set(found.map((i) => i.reviewId))]) }, order: { id: 'ASC' }, ...(lock ? { lock: { mode: lock } } : {}) });
      const views = new Map((await this.viewsOf(viewer, reviews, tx)).map((v) => [v.review.id, v]));
      for (const item of found) {
        const view = views.get(item.reviewId)!;
        const visible = reviewPolicy.read(viewer, view.facts) && this.itemGroups(viewer, view).some((g) => g.id === item.groupId);
        if (!visible) throw missing();
      }
      for (const item of found) {
        const view = views.get(item.reviewId)!;
        if (view.review.status !== 'OPEN') throw errors.conflict('REVIEW_CLOSED', `The access review “${view.review.name}” is closed; its decisions can no longer change.`);
      }
      if (found.some((i) => i.userId === viewer.userId)) {
        throw errors.forbidden('SELF_REVIEW', 'Nobody reviews their own membership; another reviewer or an administrator decides it.');
      }
      const notMine = found.filter((i) => !this.canDecide(viewer, views.get(i.reviewId)!, i));
      if (notMine.length) throw errors.forbidden('NOT_REVIEWER', 'You do not review the groups of some of these items.');
      await tx.update(AccessReviewItemEntity, { id: In(ids) }, { decision, decidedById: viewer.userId, decidedAt: new Date(), comment: text });
      const items = await tx.findBy(AccessReviewItemEntity, { id: In(ids) });
      items.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      return { items, views };
    });
  }

  // ---- closing -----------------------------------------------------------------------------

  /**
   * `closeAccessReview` (SPEC §21: an admin). Closes it (undecided items take the default) in one
   * transaction, then carries the decisions out one transaction per group.
   */
  async close(viewer: Viewer, id: string): Promise<ReviewView> {
    if (!isUuid(id)) throw errors.notFound(NOT_FOUND);
    await this.db.transaction(async (tx) => {
      const lock = this.db.lockClause();
      const review = await tx.findOne(AccessReviewEntity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
      if (!review) throw errors.notFound(NOT_FOUND);
      const [view] = await this.viewsOf(viewer, [review], tx);
      if (!reviewPolicy.read(viewer, view!.facts)) throw errors.notFound(NOT_FOUND);
      if (!reviewPolicy.close(viewer)) throw errors.forbidden('NOT_ALLOWED', 'Only an administrator closes an access review before its deadline.');
      if (review.status !== 'OPEN') throw errors.conflict('ALREADY_CLOSED', `The access review “${review.name}” is already closed.`);
      await this.closeIn(tx, review, viewer.actor, new Date());
    });
    await this.applyPending(id, viewer.actor, false);
    const view = await this.byId(viewer, id);
    if (!view) throw errors.notFound(NOT_FOUND);
    return view;
  }

  /** Marks the review closed and gives undecided items the default, audited (REVIEW_CLOSED). */
  private async closeIn(tx: EntityManager, review: AccessReviewEntity, actor: Actor, now: Date): Promise<void> {
    const total = await tx.countBy(AccessReviewItemEntity, { reviewId: review.id });
    const undecided = await tx.countBy(AccessReviewItemEntity, { reviewId: review.id, decision: IsNull() });
    await tx.update(AccessReviewEntity, { id: review.id }, { status: 'CLOSED', closedAt: now, closedById: actor.id });
    await tx.update(AccessReviewItemEntity, { reviewId: review.id, decision: IsNull() }, { decision: review.defaultDecision, decidedAt: now });
    // Nothing to carry out: every group is done.
    if (!review.autoApply) await tx.update(AccessReviewGroupEntity, { reviewId: review.id }, { appliedAt: now });
    await audit(tx, {
      action: 'REVIEW_CLOSED',
      actor,
      details: {
        review: { id: review.id, label: review.name },
        items: total,
        decided: total - undecided,
        defaulted: undecided,
        defaultDecision: review.defaultDecision,
        autoApply: review.autoApply,
      },
    });
  }

  /**
   * Carries out a closed review's decisions for each group not done yet, one transaction per
   * group. `claim`: the deadline job passes over a group another server is applying (SKIP LOCKED);
   * an admin's close waits for it and then finds it done.
   */
  private async applyPending(reviewId: string, actor: Actor, claim: boolean): Promise<void> {
    const pending = await this.db.manager.findBy(AccessReviewGroupEntity, { reviewId, appliedAt: IsNull() });
    for (const { groupId } of pending) await this.db.transaction((tx) => this.applyGroup(tx, reviewId, groupId, actor, claim));
  }

  /**
   * One group of a closed review: its items whose membership is still the one reviewed (same
   * source, same start, still current) are carried out — REMOVE ends them through the owner of
   * membership (one unit of work: set-based, audited with cause REVIEW, the member notified, the
   * cascade of §8 applied), KEEP stands — and marked applied; the others are skipped.
   */
  private async applyGroup(tx: EntityManager, reviewId: string, groupId: string, actor: Actor, claim: boolean): Promise<void> {
    const mode = this.db.lockClause();
    const lock = claim ? this.db.claimLock() : mode ? { mode } : undefined;
    const link = await tx.findOne(AccessReviewGroupEntity, { where: { reviewId, groupId }, ...(lock ? { lock } : {}) });
    if (!link || link.appliedAt) return;
    const now = new Date();
    const review = await tx.findOneByOrFail(AccessReviewEntity, { id: reviewId });
    const group = await tx.findOneBy(GroupEntity, { id: groupId });
    if (group) {
      const postgres = this.db.dialect === 'postgres';
      // The memberships are locked as read: one changed meanwhile waits for this unit, or has changed.
      const rows = await rawQuery<{ id: string; userId: string; decision: ReviewDecision; displayName: string; email: string }>(
        tx,
        `SELECT i.id, i.user_id AS "userId", i.decision, u.display_name AS "displayName", u.email
           FROM access_review_item i
           JOIN membership m ON m.group_id = i.group_id AND m.user_id = i.user_id AND m.source = i.source AND m.created_at = i.member_since
           JOIN user_account u ON u.id = i.user_id
          WHERE i.review_id = :reviewId AND i.group_id = :groupId AND ${currentMembershipSql('m')}${postgres ? ' FOR NO KEY UPDATE OF m' : ''}`,
        { reviewId, groupId, now },
      );
      const applied = rows.filter((r) => r.decision === 'KEEP').map((r) => r.id);
      const removals = rows.filter((r) => r.decision === 'REMOVE');
      if (removals.length) {
        const users = removals.map((r) => ({ id: r.userId, label: userLabel(r) }));
        const cascade = { userIds: users.map((u) => u.id), actor, cause: `removed from ${group.name} by the access review “${review.name}”` };
        const { result: ended } = await this.memberships.change(tx, { cascade }, async (unit) => {
          const ended = await unit.endMany(group, users, { actor, action: 'MEMBER_REMOVED', cause: 'REVIEW', reason: `Access review “${review.name}”` });
          unit.notify(ended, {
            kind: 'MEMBERSHIP_REMOVED',
            title: `You were removed from ${group.name}`,
            body: `The access review “${review.name}” ended your membership.`,
            link: `/groups/${group.id}`,
          });
          return ended;
        });
        const endedIds = new Set(ended);
        applied.push(...removals.filter((r) => endedIds.has(r.userId)).map((r) => r.id));
      }
      for (const part of chunks(applied)) await tx.update(AccessReviewItemEntity, { id: In(part) }, { applied: true });
    }
    await tx.update(AccessReviewGroupEntity, { reviewId, groupId }, { appliedAt: now });
  }

  // ---- the deadline job ----------------------------------------------------------------------

  /**
   * Once per deployment (SPEC §16), called by the sweeper: closes reviews past their deadline,
   * finishes applying closed reviews' groups (a crash between a close and its groups), and
   * reminds reviewers three days before a deadline, once. Each review and group is claimed in the
   * database (SKIP LOCKED, and re-read under the claim), so however many servers sweep at the same
   * moment, each is closed, applied and reminded once. On SQLite (one process) transactions run one
   * at a time, so the re-read is the claim.
   */
  async sweep(now = new Date()): Promise<ReviewSweepResult> {
    const m = this.db.manager;
    let closed = 0;
    const due = await m.find(AccessReviewEntity, { select: { id: true }, where: { status: 'OPEN', deadline: LessThanOrEqual(now) }, order: { deadline: 'ASC' }, take: SWEEP_BATCH });
    for (const { id } of due) {
      closed += await this.db.transaction(async (tx) => {
        const review = await this.claimReview(tx, id);
        if (!review || review.status !== 'OPEN' || review.deadline > now) return 0;
        await this.closeIn(tx, review, SYSTEM_ACTOR, now);
        return 1;
      });
    }
    const pending = await m
      .createQueryBuilder(AccessReviewGroupEntity, 'rg')
      .innerJoin(AccessReviewEntity, 'r', 'r.id = rg.reviewId')
      .where('r.status = :closed AND rg.appliedAt IS NULL', { closed: 'CLOSED' })
      .orderBy('rg.reviewId')
      .limit(SWEEP_BATCH)
      .getMany();
    for (const { reviewId, groupId } of pending) await this.db.transaction((tx) => this.applyGroup(tx, reviewId, groupId, SYSTEM_ACTOR, true));

    let reminded = 0;
    const soon = await m.find(AccessReviewEntity, {
      select: { id: true },
      where: { status: 'OPEN', remindedAt: IsNull(), deadline: LessThanOrEqual(new Date(now.getTime() + REMIND_BEFORE)) },
      take: SWEEP_BATCH,
    });
    for (const { id } of soon) reminded += await this.db.transaction((tx) => this.remind(tx, id, now));
    return { closed, reminded };
  }

  private async claimReview(tx: EntityManager, id: string): Promise<AccessReviewEntity | null> {
    const claim = this.db.claimLock();
    return tx.findOne(AccessReviewEntity, { where: { id }, ...(claim ? { lock: claim } : {}) });
  }

  /** Reminds the reviewers of the groups that still have undecided items, once per review. */
  private async remind(tx: EntityManager, id: string, now: Date): Promise<number> {
    const review = await this.claimReview(tx, id);
    if (!review || review.status !== 'OPEN' || review.remindedAt) return 0;
    const open = await tx
      .createQueryBuilder(AccessReviewItemEntity, 'i')
      .select('DISTINCT i.groupId', 'groupId')
      .where('i.reviewId = :id AND i.decision IS NULL', { id })
      .getRawMany<{ groupId: string }>();
    const groups = open.length ? await tx.findBy(GroupEntity, { id: In(open.map((r) => r.groupId)) }) : [];
    await this.notifyReviewers(tx, review, groups, null, (names) => ({
      title: `Reminder: review the members of ${names}`,
      body: `The access review “${review.name}” closes on ${day(review.deadline)} (UTC). Undecided memberships will be ${review.defaultDecision === 'KEEP' ? 'kept' : 'removed'}.`,
    }));
    await tx.update(AccessReviewEntity, { id }, { remindedAt: now });
    return 1;
  }
}
