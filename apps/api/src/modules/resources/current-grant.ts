import { Brackets } from 'typeorm';

/**
 * The one spelling of "current grant" (SPEC §10, §20): a grant counts while it has no expiry or
 * its expiry is still ahead; from its `expiresAt` on it gives nothing, although its row stays until
 * the sweeper removes it. Every reader of grants asks through one of these forms, so the rule
 * cannot drift between SQL, the query builder and JavaScript (memberships/current.ts is the same
 * rule for memberships):
 * - `currentGrantSql` for hand-written SQL (column names; the caller binds `:now`),
 * - `currentGrant` for TypeORM's query builder over `GrantEntity` (property names; binds `:now`),
 * - `isCurrentGrant` for rows already in memory.
 * The SQL text is fixed for an alias, so named statements that embed it keep one plan.
 */
export const currentGrantSql = (alias: string): string => `(${alias}.expires_at IS NULL OR ${alias}.expires_at > :now)`;

/** The rule for the query builder over `GrantEntity` aliased `alias`; the caller binds `:now`. */
export const currentGrant = (alias: string): Brackets =>
  new Brackets((qb) => qb.where(`${alias}.expiresAt IS NULL`).orWhere(`${alias}.expiresAt > :now`));

/** The rule in JavaScript; null = never expires. */
export function isCurrentGrant(expiresAt: Date | null, now: Date = new Date()): boolean {
  return expiresAt === null || +expiresAt > +now;
}
