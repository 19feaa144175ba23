import { useQuery } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
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
  const result = useQuery(AdminUsersQuery, {
    variables: { search: debounced || null, first: PAGE_SIZE },
  });
  const users = usePagedList(result, (data) => data.users);

  return (
    <Page title="Users" description="Create accounts, deactivate them, make administrators and give permissions directly.">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput label="Search users" placeholder="Name or email" value={search} onChange={setSearch} style={{ flex: '1 1 18rem' }} />
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={createModal.open}>
          New user
        </Button>
      </Group>
      <PagedList
        list={users}
        errorTitle="The users could not be loaded"
        empty={
          <EmptyMessage title={debounced ? 'Nobody matches' : 'No users yet'}>
            {debounced ? `No name or email contains “${debounced}”.` : 'Create the first account with New user.'}
          </EmptyMessage>
        }
      >
        {(nodes) => <UsersTable users={nodes} />}
      </PagedList>
      <CreateUserModal opened={creating} onClose={createModal.close} />
    </Page>
  );
}
