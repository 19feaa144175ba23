import type { Viewer } from './authz/viewer';
import type { Db } from './db/db';
import { createGroupLoaders } from './modules/groups/group.loaders';
import { createMembershipLoaders } from './modules/memberships/membership.loaders';
import { createPermissionLoaders } from './modules/permissions/permission.loaders';
import { createRequestLoaders } from './modules/requests/request.loaders';
import { createResourceLoaders } from './modules/resources/resource.loaders';
import { createTokenLoaders } from './modules/tokens/token.loaders';
import { createUserLoaders } from './modules/users/user.loaders';
import type { Services } from './services';

/**
 * Per-request DataLoaders: every relation field resolves through one of these, so a page of N
 * items costs a fixed number of statements, not N. Each slice keeps its own in
 * `modules/<slice>/<x>.loaders.ts`; this only merges them. Created fresh per request: nothing is
 * cached across requests or viewers, so a revocation is seen on the very next request.
 */
export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(db: Db, viewer: Viewer | null, services: Services) {
  const m = db.manager;
  const users = createUserLoaders(m);
  // Object.assign onto a fresh object, not `{ ...users, ...more }`: see eslint.config.mjs on
  // object literals that begin with a spread.
  return Object.assign(
    Object.assign({}, users, createPermissionLoaders(m, users), createGroupLoaders(m, viewer, services.groups)),
    createMembershipLoaders(m, viewer),
    createRequestLoaders(m, viewer),
    Object.assign({}, createResourceLoaders(m), createTokenLoaders(m)),
  );
}
