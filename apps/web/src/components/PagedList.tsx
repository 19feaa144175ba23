import { Stack, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { problemMessage } from '../app/graphql-errors';
import type { PagedList as PagedListState } from '../app/paging/use-paged-list';
import { ErrorAlert } from './ErrorAlert';
import { LoadMore } from './LoadMore';
import { PageSkeleton } from './PageSkeleton';

export interface PagedListProps<TNode> {
  list: PagedListState<TNode>;
  /** The alert's title when the list cannot be loaded ("The groups could not be loaded"). */
  errorTitle: string;
  /** What shows when the list has no rows, usually an `EmptyMessage` saying why. */
  empty: ReactNode;
  /** Space between the rows' content and "Load more". */
  gap?: MantineSpacing;
  /** The rows, given the nodes on screen. */
  children: (nodes: readonly TNode[]) => ReactNode;
}

/** A cursor-paged list's four states: skeleton, error, empty message, or the rows and "Load more". */
export function PagedList<TNode>({ list, errorTitle, empty, gap = 'sm', children }: PagedListProps<TNode>) {
  switch (list.status) {
    case 'loading':
      return <PageSkeleton />;
    case 'error':
      return <ErrorAlert title={errorTitle}>{problemMessage(list.error)}</ErrorAlert>;
    case 'empty':
      return <>{empty}</>;
    case 'list':
      return (
        <Stack gap={gap}>
          {children(list.nodes)}
          <LoadMore
            shown={list.nodes.length}
            total={list.total}
            hasMore={list.hasMore}
            loading={list.loadingMore}
            onLoadMore={list.loadMore}
          />
        </Stack>
      );
  }
}
