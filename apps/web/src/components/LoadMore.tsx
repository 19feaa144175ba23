import { Button, Center, Text } from '@mantine/core';

export interface LoadMoreProps {
  /** How many rows are on screen, and how many exist (when the server counts them). */
  shown: number;
  total?: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "Showing 50 of 120" and a button for the next page of a cursor-paged list. */
export function LoadMore({ shown, total, hasMore, loading, onLoadMore }: LoadMoreProps) {
  return (
    <Center>
      {hasMore ? (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          Load more
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {total === undefined ? `Showing all ${shown}` : `Showing ${shown} of ${total}`}
        </Text>
      )}
    </Center>
  );
}
