import type { ErrorLike } from '@apollo/client';
import { useState } from 'react';
import { notifyFailure } from '../../components/notify';
import { problemMessage } from '../graphql-errors';
import { loadNextPage, pagedListStatus, type Connection, type FetchNextPage, type PagedListStatus } from './paged-list';

/** The parts of a `useQuery` result a paged list needs; pass the result itself. */
export interface PagedQueryResult<TData> {
  data?: TData | undefined;
  previousData?: TData | undefined;
  error?: ErrorLike | undefined;
  fetchMore: FetchNextPage;
}

export interface PagedListOptions {
  /** Show the error, not the previous answer's rows, when the latest fetch failed. */
  errorReplacesList?: boolean;
}

/** A cursor-paged list in one of its four states, ready for `<PagedList>`. */
export interface PagedList<TNode> {
  status: PagedListStatus;
  /** The rows on screen (empty while loading or failed). */
  nodes: readonly TNode[];
  error: ErrorLike | undefined;
  hasMore: boolean;
  total: number | undefined;
  loadingMore: boolean;
  /** Appends the next page; a failure is shown as a notification and the rows stay. */
  loadMore: () => void;
}

/**
 * The one paging scaffold: the route runs its own `useQuery` (it owns the query and its variables)
 * and hands the result here with where the connection sits in the answer. While new variables load,
 * the previous answer stays on screen instead of a skeleton.
 */
export function usePagedList<TData, TNode>(
  result: PagedQueryResult<TData>,
  connectionOf: (data: TData) => Connection<TNode> | null | undefined,
  options: PagedListOptions = {},
): PagedList<TNode> {
  const [loadingMore, setLoadingMore] = useState(false);
  const answer = result.data ?? result.previousData;
  const connection = answer === undefined ? undefined : (connectionOf(answer) ?? undefined);
  const nodes = connection?.edges.map((edge) => edge.node) ?? [];
  const status = pagedListStatus({
    hasConnection: connection !== undefined,
    nodeCount: nodes.length,
    error: result.error,
    errorReplacesList: options.errorReplacesList,
  });
  const endCursor = connection?.pageInfo.endCursor;
  const { fetchMore } = result;
  return {
    status,
    nodes: status === 'list' ? nodes : [],
    error: result.error,
    hasMore: connection?.pageInfo.hasNextPage ?? false,
    total: connection?.totalCount,
    loadingMore,
    loadMore: () =>
      void loadNextPage(endCursor, fetchMore, {
        setLoading: setLoadingMore,
        onFailure: (failure) => notifyFailure(problemMessage(failure)),
      }),
  };
}
