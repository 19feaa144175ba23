import { ApolloClient, ApolloLink, gql, type TypedDocumentNode } from '@apollo/client';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createCache } from '../apollo-client';
import { loadNextPage, pagedListStatus, type Connection } from './paged-list';

describe('pagedListStatus', () => {
  const failure = new Error('boom');
  it.each([
    { hasConnection: false, nodeCount: 0, error: undefined, errorReplacesList: false, expected: 'loading' },
    { hasConnection: false, nodeCount: 0, error: failure, errorReplacesList: false, expected: 'error' },
    { hasConnection: true, nodeCount: 0, error: undefined, errorReplacesList: false, expected: 'empty' },
    { hasConnection: true, nodeCount: 3, error: undefined, errorReplacesList: false, expected: 'list' },
    // A failed refetch keeps the rows already shown...
    { hasConnection: true, nodeCount: 3, error: failure, errorReplacesList: false, expected: 'list' },
    // ...unless the list says the error replaces them (the audit log's filters).
    { hasConnection: true, nodeCount: 3, error: failure, errorReplacesList: true, expected: 'error' },
    { hasConnection: true, nodeCount: 0, error: failure, errorReplacesList: true, expected: 'error' },
  ] as const)('$expected when connection=$hasConnection rows=$nodeCount error=$error replaces=$errorReplacesList', (input) => {
    expect(pagedListStatus(input)).toBe(input.expected);
  });
});

interface Group {
  __typename: 'Group';
  id: string;
  name: string;
}
interface GroupsData {
  groups: Connection<Group> & { __typename: 'GroupConnection'; edges: { __typename: 'GroupEdge'; cursor: string; node: Group }[] };
}

const GroupsQuery: TypedDocumentNode<GroupsData, { first: number; after?: string | null }> = gql`
  query Groups($first: Int!, $after: String) {
    groups(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

const ALL = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ __typename: 'Group' as const, id, name: `Group ${id}` }));

/** A server of five groups, two per page; `failNext` makes the next request fail. */
function pagedServer() {
  const server = { failNext: false, requests: 0 };
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        server.requests += 1;
        if (server.failNext) {
          server.failNext = false;
          observer.error(new TypeError('Failed to fetch'));
          return;
        }
        const { first, after } = operation.variables as { first: number; after?: string | null };
        const start = after ? ALL.findIndex((group) => group.id === after) + 1 : 0;
        const page = ALL.slice(start, start + first);
        observer.next({
          data: {
            groups: {
              __typename: 'GroupConnection',
              edges: page.map((node) => ({ __typename: 'GroupEdge', cursor: node.id, node })),
              pageInfo: { __typename: 'PageInfo', hasNextPage: start + first < ALL.length, endCursor: page.at(-1)?.id ?? null },
              totalCount: ALL.length,
            },
          },
        });
        observer.complete();
      }),
  );
  // The app's own cache, so the pages merge through its `relayStylePagination` policies.
  const client = new ApolloClient({ link, cache: createCache() });
  return { server, client };
}

async function firstPage(client: ApolloClient) {
  const observable = client.watchQuery({ query: GroupsQuery, variables: { first: 2 } });
  const subscription = observable.subscribe(() => undefined);
  const { data } = await observable.refetch();
  return { observable, subscription, connection: data?.groups };
}

const shown = (client: ApolloClient) => client.readQuery({ query: GroupsQuery, variables: { first: 2 } })?.groups;

describe('loadNextPage', () => {
  it('appends the next page to the rows shown, until there is none', async () => {
    const { client } = pagedServer();
    const { observable, subscription, connection } = await firstPage(client);
    const loading: boolean[] = [];
    const handlers = { setLoading: (on: boolean) => loading.push(on), onFailure: () => expect.fail('no failure expected') };

    await loadNextPage(connection?.pageInfo.endCursor, (options) => observable.fetchMore(options), handlers);
    expect(shown(client)?.edges.map((edge) => edge.node.id)).toEqual(['a', 'b', 'c', 'd']);
    await loadNextPage(shown(client)?.pageInfo.endCursor, (options) => observable.fetchMore(options), handlers);

    const all = shown(client);
    expect(all?.edges.map((edge) => edge.node.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(all?.pageInfo.hasNextPage).toBe(false);
    expect(loading).toEqual([true, false, true, false]);
    subscription.unsubscribe();
  });

  it('reports a failed page and keeps the rows already shown', async () => {
    const { server, client } = pagedServer();
    const { observable, subscription, connection } = await firstPage(client);
    const failures: unknown[] = [];
    const loading: boolean[] = [];
    server.failNext = true;

    await loadNextPage(connection?.pageInfo.endCursor, (options) => observable.fetchMore(options), {
      setLoading: (on) => loading.push(on),
      onFailure: (failure) => failures.push(failure),
    });

    expect(failures).toHaveLength(1);
    expect(loading).toEqual([true, false]);
    expect(shown(client)?.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    subscription.unsubscribe();
  });

  it('asks for nothing without a cursor', async () => {
    const { server, client } = pagedServer();
    const { observable, subscription } = await firstPage(client);
    const before = server.requests;
    await loadNextPage(null, (options) => observable.fetchMore(options), {
      setLoading: () => expect.fail('nothing to load'),
      onFailure: () => expect.fail('nothing to fail'),
    });
    expect(server.requests).toBe(before);
    subscription.unsubscribe();
  });
});
