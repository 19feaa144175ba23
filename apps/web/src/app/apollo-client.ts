import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * How the cache stores what the API returns:
 * - cursor-paged lists merge their pages ("Load more"); a fetch without `after` starts over, so a
 *   refetch after a mutation shows the new first page;
 * - lists of objects without ids (memberships, permission origins) are replaced whole;
 * - singletons and catalog entries get the keys they have.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          users: relayStylePagination(['search', 'first']),
          groups: relayStylePagination(['filter', 'first']),
          auditEvents: relayStylePagination(['filter']),
        },
      },
      User: {
        fields: {
          memberships: { merge: false },
          permissionOrigins: { merge: false },
          apiTokens: { merge: false },
          ledGroups: { merge: false },
        },
      },
      Group: {
        fields: {
          members: relayStylePagination(['search']),
          leaders: { merge: false },
          leaderGroups: { merge: false },
          viewerCan: { merge: true },
        },
      },
      PermissionInfo: { keyFields: ['key'] },
      AuthConfig: { keyFields: [] },
      Settings: { keyFields: [] },
      ServerInfo: { keyFields: [] },
    },
  });
}

/**
 * The one client for the app. Same-origin `/graphql` works both when the API serves the
 * built SPA and behind the Vite dev proxy, and sends the session cookie without CORS.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: createCache(),
  });
}
