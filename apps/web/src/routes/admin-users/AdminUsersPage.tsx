import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { notifyFailure } from '../../components/notify';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SearchInput } from '../../components/SearchInput';
import { CreateUserModal } from '../../features/users/CreateUserModal';
import { UsersTable } from '../../features/users/UsersTable';
import { graphql } from '../../gql';

const PAGE_SIZE = 25;

const AdminUsersQuery = graphql(`
  query AdminUsers($search: String, $first: Int!, $after: String) {
    users(search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...UsersTable_user
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

export function AdminUsersPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [creating, createModal] = useDisclosure(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, previousData, error, fetchMore } = useQuery(AdminUsersQuery, {
    variables: { search: debounced || null, first: PAGE_SIZE },
  });
  // While a new search runs, the previous answer stays on screen instead of a skeleton.
  const users = (data ?? previousData)?.users;

  const loadMore = async () => {
    if (!users?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: users.pageInfo.endCursor } });
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title="Users" description="Create accounts, deactivate them, make administrators and give permissions directly.">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput label="Search users" placeholder="Name or email" value={search} onChange={setSearch} style={{ flex: '1 1 18rem' }} />
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={createModal.open}>
          New user
        </Button>
      </Group>
      {error && !users ? <ErrorAlert title="The users could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!users && !error ? <PageSkeleton /> : null}
      {users ? (
        users.edges.length === 0 ? (
          <EmptyMessage title={debounced ? 'Nobody matches' : 'No users yet'}>
            {debounced ? `No name or email contains “${debounced}”.` : 'Create the first account with New user.'}
          </EmptyMessage>
        ) : (
          <Stack gap="sm">
            <UsersTable users={users.edges.map((edge) => edge.node)} />
            <LoadMore
              shown={users.edges.length}
              total={users.totalCount}
              hasMore={users.pageInfo.hasNextPage}
              loading={loadingMore}
              onLoadMore={() => void loadMore()}
            />
          </Stack>
        )
      ) : null}
      <CreateUserModal opened={creating} onClose={createModal.close} />
    </Page>
  );
}
