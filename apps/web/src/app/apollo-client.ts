import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * The one client for the app. Same-origin `/graphql` works both when the API serves the
 * built SPA and behind the Vite dev proxy, and sends the session cookie without CORS.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache(),
  });
}
