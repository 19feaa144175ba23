import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { createLiveLink, isSubscription } from './live-link';

/** Operations whose UNAUTHENTICATED answer is expected and says nothing about the session. */
const SESSION_OPERATIONS = new Set(['SignIn', 'Viewer']);

/**
 * A session can end under an open tab (idle expiry, a password change elsewhere, deactivation).
 * The first UNAUTHENTICATED answer makes the viewer query ask again; it then says "signed out"
 * and the route guard sends the person to sign-in, with the way back.
 */
/**
 * True while this tab signs out on purpose: polls already in flight (notification bell, queue
 * count) then answer UNAUTHENTICATED, and must not race sign-out's own trip to the sign-in page.
 */
let signingOut = false;
export function setSigningOut(on: boolean): void {
  signingOut = on;
}

const sessionEndedLink = new ErrorLink(({ error, operation }) => {
  if (signingOut || SESSION_OPERATIONS.has(operation.operationName ?? '')) return;
  const unauthenticated =
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
  if (unauthenticated) void operation.client.refetchQueries({ include: ['Viewer'] }).catch(() => undefined);
});

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
          resources: relayStylePagination(['filter', 'userId', 'first']),
          groupRequests: relayStylePagination(['filter', 'first']),
          notifications: relayStylePagination(['unreadOnly', 'first']),
          accessReviews: relayStylePagination(['status', 'first']),
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
      Resource: {
        fields: {
          grants: { merge: false },
          accessors: relayStylePagination(['minLevel']),
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
      AccessReview: {
        fields: {
          items: relayStylePagination(['groupId', 'undecidedOnly', 'mine', 'first']),
          groups: { merge: false },
          groupProgress: { merge: false },
          reviewerProgress: { merge: false },
        },
      },
      Webhook: {
        fields: {
          deliveries: relayStylePagination(['failedOnly']),
        },
      },
      PermissionInfo: { keyFields: ['key'] },
      AuthConfig: { keyFields: [] },
      Settings: { keyFields: [] },
      // One per deployment; identified so the SSO form can read its fragment with `useFragment`.
      SsoSettings: { keyFields: [] },
      ServerInfo: { keyFields: [] },
    },
  });
}

/**
 * The one client for the app. Same-origin `/graphql` works both when the API serves the
 * built SPA and behind the Vite dev proxy, and sends the session cookie without CORS.
 *
 * Pages show what is cached at once and ask the server again when they mount: one change can
 * move facts elsewhere (a group's permissions change every member's), and a page opened later
 * must show the truth, not the cache's memory. After that first answer, cache updates suffice.
 */
export function createApolloClient(): ApolloClient {
  // Subscriptions (the live bell, an open group page) over WebSocket; everything else over HTTP.
  const live = createLiveLink();
  const client = new ApolloClient({
    link: ApolloLink.from([
      sessionEndedLink,
      ApolloLink.split(isSubscription, live.link, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })),
    ]),
    cache: createCache(),
    // Each component sees only the fields its own query or fragment asks for (see masking.ts).
    dataMasking: true,
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });
  live.attach(client);
  return client;
}
