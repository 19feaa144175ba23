import type { ApolloClient, ApolloLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';

/** Reconnect back-off: 1 s, 2 s, 4 s … up to 30 s, each with up to a second of jitter. */
export function retryDelayMs(retries: number, jitter = Math.random()): number {
  return Math.min(1000 * 2 ** retries, 30_000) + Math.floor(jitter * 1000);
}

/** ws: or wss: on this page's own origin (so the session cookie goes along; CSP connect-src 'self'). */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/**
 * The WebSocket side of the client (SPEC §17 live updates): subscriptions go over graphql-ws on
 * this origin's `/graphql`, authenticated by the session cookie the browser sends with the
 * handshake. The socket opens with the first subscription, and reconnects with back-off when it
 * drops (a server restart, a network change) — but not after the server said the session has
 * ended (4401): the next subscription after signing in opens a fresh one.
 *
 * A reconnected socket has missed whatever happened meanwhile: the active queries are asked
 * again once it is back (the bell, the queue count, the open page), so the screen catches up
 * without a reload; the live streams themselves start afresh and repeat nothing.
 */
export function createLiveLink(): { link: ApolloLink; attach: (apollo: ApolloClient) => void } {
  let apollo: ApolloClient | null = null;
  let connectedBefore = false;
  const client: Client = createClient({
    url: () => liveUrl(window.location),
    lazy: true,
    // Keep the socket a little after the last subscription ends (page changes re-subscribe).
    lazyCloseTimeout: 3000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    on: {
      connected: () => {
        if (connectedBefore) void apollo?.refetchQueries({ include: 'active' }).catch(() => undefined);
        connectedBefore = true;
      },
    },
  });
  const wsLink = new GraphQLWsLink(client);
  return {
    link: wsLink,
    attach: (target) => {
      apollo = target;
      // Signing in or out resets the store: the socket was opened with the old cookie, so it is
      // replaced (subscriptions still running re-subscribe on the new one).
      const restart = async () => {
        connectedBefore = false;
        client.terminate();
      };
      target.onResetStore(restart);
      target.onClearStore(restart);
    },
  };
}

/** True for subscription operations: those go over the WebSocket, the rest over HTTP. */
export function isSubscription(operation: ApolloLink.Operation): boolean {
  const definition = getMainDefinition(operation.query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}
