import { In, IsNull, Not, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { inList, isPostgres, listParam, rawQuery } from '../../db/raw-sql';
import { ownTallyNotesSql } from '../../db/tally-notes';
import { toDate } from '../../db/timestamp';
import { GroupEntity } from '../groups/group.entity';
import { UserEntity } from '../users/user.entity';
import { currentMembership, currentMembershipSql, expiredBy, expiredMembershipSql, expiringBetween, whereCurrentMembership } from './current';
import { MembershipEntity, type MembershipSource } from './membership.entity';

/**
 * Every read of membership rows that the slice's callers need, each "current" spelled through
 * current.ts. Writes are not here: only the unit of work (memberships.service.ts) changes rows.
 */

type Lock = { lock?: { mode: 'for_no_key_update'; onLocked?: 'skip_locked' } };

/** Whether `userId` is a current member of `groupId`. */
export async function isCurrentMember(manager: EntityManager, userId: string, groupId: string, now = new Date()): Promise<boolean> {
  const row = await rawQuery<{ one: number }>(
    manager,
    `SELECT 1 AS "one" FROM membership m WHERE m.user_id = :userId AND m.group_id = :groupId AND ${currentMembershipSql('m')}`,
    { userId, groupId, now },
  );
  return row.length > 0;
}

/**
 * SQL for how many current members the group whose id is `groupColumn` has, as an integer (the
 * caller binds `:now`): its rows in member_tally, kept by triggers on membership (migration
 * MemberTally), less — when some of its rows have an expiry — those past it that the sweeper has
 * not ended yet, read from IX_membership_group_live (usually none). Counting the current rows
 * instead grew with the group: the directory counted every member of each group on its page
 * (Member holds everyone). An integer, not COUNT's bigint, which the driver hands over as text.
 *
 * On PostgreSQL a transaction's changes reach member_tally as it commits; until then, one that
 * has written (it has a transaction id) adds its own noted changes, and leaves out expired rows
 * whatever the tally says of expiries. There the expired rows are counted by the function
 * gh_expired_members (migration ExpiredMembersFunction: the same rule), so that statements
 * embedding this keep their generic plan: as a subquery, its unknown `:now` made PostgreSQL
 * re-plan the directory on every call once groups had grown.
 */
export function currentMemberCountSql(groupColumn: string, postgres: boolean): string {
  const expired = (group: string) =>
    postgres ? `gh_expired_members(${group}, :now)` : `(SELECT COUNT(*) FROM membership mx WHERE mx.group_id = ${group} AND ${expiredMembershipSql('mx')})`;
  const committed = `COALESCE((SELECT CAST(t.members - CASE WHEN t.expiring = 0 THEN 0 ELSE ${expired('t.group_id')} END AS INTEGER)
    FROM member_tally t WHERE t.group_id = ${groupColumn}), 0)`;
  if (!postgres) return committed;
  return `CASE WHEN txid_current_if_assigned() IS NULL THEN ${committed}
    ELSE CAST(COALESCE((SELECT t.members FROM member_tally t WHERE t.group_id = ${groupColumn}), 0)
      + ${ownTallyNotesSql('member_tally_change', 'members', [`c.group_id = ${groupColumn}`])}
      - ${expired(groupColumn)} AS INTEGER) END`;
}

/** How many current members `groupId` has (for `maxMembers`). */
export async function currentMemberCount(manager: EntityManager, groupId: string, now = new Date()): Promise<number> {
  return (await currentMemberCounts(manager, [groupId], now)).get(groupId) ?? 0;
}

/** How many current members each of `groupIds` has (Group.memberCount; one named statement). */
export async function currentMemberCounts(manager: EntityManager, groupIds: readonly string[], now = new Date()): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await rawQuery<{ groupId: string; count: string | number }>(
    manager,
    `SELECT g.id AS "groupId", ${currentMemberCountSql('g.id', isPostgres(manager))} AS "count" FROM user_group g WHERE ${inList(manager, 'g.id', 'ids')}`,
    { ids: listParam(manager, groupIds), now },
    'gh_member_counts',
  );
  return new Map(rows.map((r) => [r.groupId, Number(r.count)]));
}

/** The row (current or not) of `userId` in `groupId`, if any: callers judge currency with `isCurrentMembership`. */
export async function membershipRow(manager: EntityManager, userId: string, groupId: string): Promise<MembershipEntity | null> {
  return manager.findOneBy(MembershipEntity, { userId, groupId });
}

/** Which of `userIds` are current members of `groupId`. */
export async function currentMemberIdsAmong(manager: EntityManager, groupId: string, userIds: readonly string[], now = new Date()): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await whereCurrentMembership(
    manager.createQueryBuilder(MembershipEntity, 'm').select('m.userId', 'userId').where('m.groupId = :groupId AND m.userId IN (:...userIds)', { groupId, userIds: [...userIds] }),
    'm',
    now,
  ).getRawMany<{ userId: string }>();
  return new Set(rows.map((r) => r.userId));
}

/** Which of `groupIds` `userId` is a current member of. One named statement whatever the list's length. */
export async function currentGroupIdsAmong(manager: EntityManager, userId: string, groupIds: readonly string[], now = new Date()): Promise<Set<string>> {
  return new Set((await currentMembershipsAmong(manager, userId, groupIds, now)).keys());
}

/** Of `groupIds`, those the user is a current member of, each with whether that membership expires. */
export async function currentMembershipsAmong(manager: EntityManager, userId: string, groupIds: readonly string[], now = new Date()): Promise<Map<string, { expires: boolean }>> {
  if (groupIds.length === 0) return new Map();
  const rows = await rawQuery<{ groupId: string; expires: number | string }>(
    manager,
    `SELECT m.group_id AS "groupId", CASE WHEN m.expires_at IS NULL THEN 0 ELSE 1 END AS "expires" FROM membership m
      WHERE m.user_id = :userId AND ${inList(manager, 'm.group_id', 'ids')} AND ${currentMembershipSql('m')}`,
    { userId, ids: listParam(manager, groupIds), now },
    'gh_viewer_memberships_among',
  );
  return new Map(rows.map((r) => [r.groupId, { expires: Number(r.expires) === 1 }]));
}

/**
 * The columns of a membership that statements folding `currentMembershipsOfSql` into a larger
 * query read: whole (`membershipFromRow`), or as listed — that there is one and when it ends,
 * what a group's facts need (`listedMembershipFromRow`).
 */
export const MEMBERSHIP_ROW_COLUMNS = {
  full: ['source', 'added_by_id', 'created_at', 'expires_at', 'expiry_warned_at'],
  listed: ['expires_at'],
} as const;

/** A current membership read as listed (MEMBERSHIP_ROW_COLUMNS.listed). */
export type ListedMembership = Pick<MembershipEntity, 'userId' | 'groupId' | 'expiresAt'>;

/**
 * SQL selecting the current membership rows of the user bound to `:<userParam>` (group_id and
 * MEMBERSHIP_ROW_COLUMNS.full), for statements that fold them into a larger query (the directory
 * page); the caller binds `:now`. Read back with `membershipFromRow` or `listedMembershipFromRow`.
 */
export const currentMembershipsOfSql = (userParam: string): string =>
  `SELECT m.group_id, ${MEMBERSHIP_ROW_COLUMNS.full.map((c) => `m.${c}`).join(', ')} FROM membership m
    WHERE m.user_id = :${userParam} AND ${currentMembershipSql('m')}`;

/** A listed membership read by hand-written SQL: `row` holds MEMBERSHIP_ROW_COLUMNS.listed under `prefix`. */
export function listedMembershipFromRow(userId: string, groupId: string, row: Record<string, unknown>, prefix: string): ListedMembership {
  return { userId, groupId, expiresAt: toDate(row[`${prefix}expires_at`]) };
}

/** A membership read by hand-written SQL: `row` holds MEMBERSHIP_ROW_COLUMNS.full under `prefix`. */
export function membershipFromRow(userId: string, groupId: string, row: Record<string, unknown>, prefix: string): MembershipEntity {
  return Object.assign(new MembershipEntity(), {
    userId,
    groupId,
    source: row[`${prefix}source`] as MembershipSource,
    addedById: (row[`${prefix}added_by_id`] as string | null) ?? null,
    createdAt: toDate(row[`${prefix}created_at`])!,
    expiresAt: toDate(row[`${prefix}expires_at`]),
    expiryWarnedAt: toDate(row[`${prefix}expiry_warned_at`]),
  });
}

/** The user's current memberships (SSO sync plans against them). */
export async function currentMembershipsOf(manager: EntityManager, userId: string, now = new Date()): Promise<MembershipEntity[]> {
  return whereCurrentMembership(manager.createQueryBuilder(MembershipEntity, 'm').where('m.userId = :userId', { userId }), 'm', now).getMany();
}

/** Members of these groups (current or not): the users a change to the groups can affect. */
export async function memberIdsOf(manager: EntityManager, groupIds: readonly string[], exceptUserIds: readonly string[] = []): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await manager.find(MembershipEntity, {
    select: { userId: true },
    where: { groupId: In([...groupIds]), ...(exceptUserIds.length ? { userId: Not(In([...exceptUserIds])) } : {}) },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/** Rows (current or not) of `groupId`, optionally only of `userIds`, with their users. */
export async function rowsOfGroup(manager: EntityManager, groupId: string, userIds?: readonly string[]): Promise<MembershipEntity[]> {
  return manager.find(MembershipEntity, { where: { groupId, ...(userIds ? { userId: In([...userIds]) } : {}) }, relations: { user: true }, order: { userId: 'ASC' } });
}

/** Rows (current or not) of `userId`, with their groups. */
export async function rowsOfUser(manager: EntityManager, userId: string): Promise<MembershipEntity[]> {
  return manager.find(MembershipEntity, { where: { userId }, relations: { group: true }, order: { groupId: 'ASC' } });
}

/**
 * The user's rows in groups that are neither public nor System, with their groups (the cascade's
 * candidates, SPEC §8). Memberships SCIM made are not candidates: the identity provider owns them (§19).
 */
export async function nonPublicRowsOf(manager: EntityManager, userId: string): Promise<MembershipEntity[]> {
  return manager
    .createQueryBuilder(MembershipEntity, 'm')
    .innerJoinAndMapOne('m.group', GroupEntity, 'g', 'g.id = m.groupId')
    .where('m.userId = :userId', { userId })
    .andWhere('m.source <> :scim', { scim: 'SCIM' })
    .andWhere('g.public = :no AND g.system = :no', { no: false })
    .getMany();
}

/** Up to `limit` users with a membership that stopped counting by `now` (read outside a transaction: possibly stale). */
export async function usersWithExpired(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
  const rows = await manager
    .createQueryBuilder(MembershipEntity, 'm')
    .select('m.userId', 'userId')
    .distinct(true)
    .where({ expiresAt: expiredBy(now) })
    .orderBy('m.userId')
    .limit(limit)
    .getRawMany<{ userId: string }>();
  return rows.map((r) => r.userId);
}

/** The user's memberships that stopped counting by `now`, claimed with `lock` when given. */
export async function expiredRowsOf(tx: EntityManager, userId: string, now: Date, lock: Lock['lock']): Promise<MembershipEntity[]> {
  return tx.find(MembershipEntity, { where: { userId, expiresAt: expiredBy(now) }, order: { groupId: 'ASC' }, ...(lock ? { lock } : {}) });
}

/** Current memberships that stop counting by `horizon` and whose member was not warned yet, claimed with `lock`. */
export async function expiringUnwarned(tx: EntityManager, now: Date, horizon: Date, limit: number, lock: Lock['lock']): Promise<MembershipEntity[]> {
  return tx.find(MembershipEntity, {
    where: { expiresAt: expiringBetween(now, horizon), expiryWarnedAt: IsNull() },
    take: limit,
    ...(lock ? { lock } : {}),
  });
}

/**
 * A subquery of `qb` (its text, to embed as `g.id IN …`) for the ids of groups `:${userParam}` is
 * a current member of; the caller binds `userParam` and `:now` on `qb`.
 */
export function currentGroupIdsSubquery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, userParam: string): string {
  return qb.subQuery().select('m.groupId').from(MembershipEntity, 'm').where(`m.userId = :${userParam}`).andWhere(currentMembership('m')).getQuery();
}

/** Rows (current or not) of `groupId` that came from `source`, with their users. */
export async function rowsOfGroupFrom(manager: EntityManager, groupId: string, source: MembershipSource): Promise<MembershipEntity[]> {
  return manager.find(MembershipEntity, { where: { groupId, source }, relations: { user: true } });
}

/** Rows (current or not) of `userId` that came from `source`, with their groups. */
export async function rowsOfUserFrom(manager: EntityManager, userId: string, source: MembershipSource): Promise<MembershipEntity[]> {
  return manager.find(MembershipEntity, { where: { userId, source }, relations: { group: true } });
}

/** Members of these groups (current or not) that came from `source`, with display names, by user id. */
export async function memberNamesFrom(manager: EntityManager, groupIds: readonly string[], source: MembershipSource): Promise<{ groupId: string; userId: string; displayName: string }[]> {
  if (groupIds.length === 0) return [];
  return manager
    .createQueryBuilder(MembershipEntity, 'm')
    .innerJoin(UserEntity, 'u', 'u.id = m.userId')
    .select(['m.groupId AS "groupId"', 'm.userId AS "userId"', 'u.displayName AS "displayName"'])
    .where('m.groupId IN (:...groupIds) AND m.source = :source', { groupIds: [...groupIds], source })
    .orderBy('m.userId')
    .getRawMany<{ groupId: string; userId: string; displayName: string }>();
}
