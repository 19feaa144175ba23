import { useQuery } from '@apollo/client/react';
import { Group, SegmentedControl, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { notifyFailure } from '../../components/notify';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SearchInput } from '../../components/SearchInput';
import { GroupDirectoryTable } from '../../features/groups/GroupDirectoryTable';
import { graphql } from '../../gql';

const PAGE_SIZE = 25;

const GroupDirectoryQuery = graphql(`
  query GroupDirectory($filter: GroupFilter, $first: Int!, $after: String) {
    groups(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...GroupDirectoryTable_group
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

type Scope = 'all' | 'member' | 'led';

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'member', label: 'My groups' },
  { value: 'led', label: 'Groups I lead' },
];

const EMPTY_TEXT: Record<Scope, string> = {
  all: 'There is no group you can see yet.',
  member: 'You are not a member of any group yet.',
  led: 'You do not lead any group.',
};

export function GroupsPage() {
  const [search, setSearch] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, previousData, error, fetchMore } = useQuery(GroupDirectoryQuery, {
    variables: {
      filter: { search: debounced || null, memberOnly: scope === 'member' || null, ledOnly: scope === 'led' || null },
      first: PAGE_SIZE,
    },
  });
  const groups = (data ?? previousData)?.groups;

  const loadMore = async () => {
    if (!groups?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: groups.pageInfo.endCursor } });
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title="Groups" description="Find groups you can see, join open ones and ask to join the rest.">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput label="Search groups" placeholder="Group name" value={search} onChange={setSearch} style={{ flex: '1 1 18rem' }} />
        <SegmentedControl
          aria-label="Which groups"
          value={scope}
          onChange={(value) => setScope(value as Scope)}
          data={SCOPES}
        />
      </Group>
      {error && !groups ? <ErrorAlert title="The groups could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!groups && !error ? <PageSkeleton /> : null}
      {groups ? (
        groups.edges.length === 0 ? (
          <EmptyMessage title={debounced ? 'No group matches' : 'No groups'}>
            {debounced ? `No group name contains “${debounced}”.` : EMPTY_TEXT[scope]}
          </EmptyMessage>
        ) : (
          <Stack gap="sm">
            <GroupDirectoryTable groups={groups.edges.map((edge) => edge.node)} />
            <LoadMore
              shown={groups.edges.length}
              total={groups.totalCount}
              hasMore={groups.pageInfo.hasNextPage}
              loading={loadingMore}
              onLoadMore={() => void loadMore()}
            />
          </Stack>
        )
      ) : null}
    </Page>
  );
}
