import type { ApolloCache } from '@apollo/client';

/**
 * Who reaches a resource changed (a grant, a revocation, visibility, a new owner): every answer
 * derived from it is dropped, so whatever shows them asks the server again. Access is never
 * recomputed on the client (SPEC §11: no stale answers).
 */
export function forgetAccess(cache: ApolloCache, resourceId: string): void {
  cache.evict({ id: cache.identify({ __typename: 'Resource', id: resourceId }), fieldName: 'accessors' });
  for (const fieldName of ['resources', 'explainAccess', 'checkAccess', 'accessLevel']) {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
}
