import { Extensions } from 'type-graphql';

/**
 * Every Query and Mutation field declares who may call it: `@Authorized(...)` (type-graphql; no
 * roles = any signed-in user, roles = permission keys or ADMIN) or `@Public()`. A test walks the
 * schema and fails the build when a root field declares neither (authz/access.test.ts).
 */
export const PUBLIC_EXTENSION = 'gatehousePublic';

/** Marks a root field as callable by anyone, signed in or not. */
export function Public(): MethodDecorator {
  return Extensions({ [PUBLIC_EXTENSION]: true });
}

/** The pseudo-role that only admins hold; other roles are permission keys. */
export const ADMIN = 'ADMIN';
