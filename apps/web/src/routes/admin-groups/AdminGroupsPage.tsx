import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { notifyFailure } from '../../components/notify';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SearchInput } from '../../components/SearchInput';
import { CreateGroupModal } from '../../features/groups/CreateGroupModal';
import { GroupsTable } from '../../features/groups/GroupsTable';
import { graphql } from '../../gql';

const PAGE_SIZE = 25;

const AdminGroupsQuery = graphql(`
  query AdminGroups($search: String, $first: Int!, $after: String) {
    groups(filter: { search: $search }, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...GroupsTable_group
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

export function AdminGroupsPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [creating, createModal] = useDisclosure(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, previousData, error, fetchMore } = useQuery(AdminGroupsQuery, {
    variables: { search: debounced || null, first: PAGE_SIZE },
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
    <Page
      title="All groups"
      description="Create groups, set their flags and leaders, and choose the permissions membership carries."
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput label="Search groups" placeholder="Group name" value={search} onChange={setSearch} style={{ flex: '1 1 18rem' }} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
          New group
        </Button>
      </Group>
      {error && !groups ? <ErrorAlert title="The groups could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!groups && !error ? <PageSkeleton /> : null}
      {groups ? (
        groups.edges.length === 0 ? (
          <EmptyMessage title={debounced ? 'No group matches' : 'No groups yet'}>
            {debounced ? `No group name contains “${debounced}”.` : 'Create one with New group.'}
          </EmptyMessage>
        ) : (
          <Stack gap="sm">
            <GroupsTable groups={groups.edges.map((edge) => edge.node)} />
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
      <CreateGroupModal opened={creating} onClose={createModal.close} />
    </Page>
  );
}
