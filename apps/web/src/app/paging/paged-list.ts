import type { ErrorLike } from '@apollo/client';

/** The part of a Relay-style connection a paged list reads. */
export interface Connection<TNode> {
  edges: readonly { node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  /** Absent where the server does not count the rows (the audit log). */
  totalCount?: number;
}

/** What a paged list shows: exactly one of the four states. */
export type PagedListStatus = 'loading' | 'error' | 'empty' | 'list';

export interface PagedListStatusInput {
  /** A connection is on screen (the current answer, or the previous one while new variables load). */
  hasConnection: boolean;
  nodeCount: number;
  error: ErrorLike | undefined;
  /**
   * When the latest fetch failed but an older answer is still held: true shows the error instead
   * of the older rows; false (the default) keeps the rows on screen.
   */
  errorReplacesList?: boolean;
}

export function pagedListStatus({ hasConnection, nodeCount, error, errorReplacesList = false }: PagedListStatusInput): PagedListStatus {
  if (error && (!hasConnection || errorReplacesList)) return 'error';
  if (!hasConnection) return 'loading';
  return nodeCount === 0 ? 'empty' : 'list';
}

/** `fetchMore` as a paged list uses it: the next page after a cursor. */
export type FetchNextPage = (options: { variables: { after: string } }) => Promise<unknown>;

export interface LoadNextPageHandlers {
  setLoading: (loading: boolean) => void;
  onFailure: (failure: unknown) => void;
}

/**
 * Asks for the page after `endCursor`; the cache's `relayStylePagination` appends it to the list.
 * A failure is reported, not thrown: the rows already shown stay and "Load more" can be tried again.
 */
export async function loadNextPage(
  endCursor: string | null | undefined,
  fetchMore: FetchNextPage,
  { setLoading, onFailure }: LoadNextPageHandlers,
): Promise<void> {
  if (!endCursor) return;
  setLoading(true);
  try {
    await fetchMore({ variables: { after: endCursor } });
  } catch (failure) {
    onFailure(failure);
  } finally {
    setLoading(false);
  }
}
