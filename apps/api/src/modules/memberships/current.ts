import { And, Brackets, LessThanOrEqual, MoreThan, type FindOperator, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/**
 * The one spelling of "current membership" (SPEC §1, §7): a membership counts while it has no
 * expiry or its expiry is still ahead; from its `expiresAt` on it counts for nothing, although its
 * row stays until the sweeper ends it. Every reader of membership asks through one of these forms,
 * so the rule cannot drift between SQL, the query builder and JavaScript:
 * - `currentMembershipSql` for hand-written SQL (column names; the caller binds `:now`),
 * - `currentMembership` / `whereCurrentMembership` for TypeORM's query builder (property names),
 * - `isCurrentMembership` for rows already in memory (services, the access cache).
 * The SQL text is fixed for an alias, so named statements that embed it keep one plan.
 */
export const currentMembershipSql = (alias: string): string => `(${alias}.expires_at IS NULL OR ${alias}.expires_at > :now)`;

/** The negation in SQL: the rows that have stopped counting at `:now` (the sweeper has yet to end them). */
export const expiredMembershipSql = (alias: string): string => `${alias}.expires_at <= :now`;

/** The rule for the query builder over `MembershipEntity` aliased `alias`; the caller binds `:now`. */
export const currentMembership = (alias: string): Brackets =>
  new Brackets((qb) => qb.where(`${alias}.expiresAt IS NULL`).orWhere(`${alias}.expiresAt > :now`));

/** Restricts a query builder over memberships (alias `alias`) to current ones, binding `:now`. */
export function whereCurrentMembership<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, now = new Date()): SelectQueryBuilder<T> {
  return qb.andWhere(currentMembership(alias)).setParameter('now', now);
}

/**
 * The rule in JavaScript: `expiresAt` as a Date, or as ms since 1970 (the access cache keeps
 * numbers, Infinity for "never"); null = never expires.
 */
export function isCurrentMembership(expiresAt: Date | number | null, now: Date | number = Date.now()): boolean {
  return expiresAt === null || +expiresAt > +now;
}

/** The negation, for find options: memberships that have stopped counting at `now` (the sweeper's work). */
export const expiredBy = (now: Date): FindOperator<Date> => LessThanOrEqual(now);

/** For find options: memberships still current at `now` that stop counting by `horizon` (expiry warnings). */
export const expiringBetween = (now: Date, horizon: Date): FindOperator<Date> => And(MoreThan(now), LessThanOrEqual(horizon));
