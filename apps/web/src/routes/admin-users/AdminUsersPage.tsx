import { useQuery } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { SearchInput } from '../../components/SearchInput';
import { CreateUserModal } from '../../features/users/CreateUserModal';
import { UsersTable } from '../../features/users/UsersTable';
import { UserListFilters } from '../../features/users/UserListFilters';
import { userFilterFrom, userListParamsFrom, userListValuesFrom } from '../../features/users/user-list-filter';
import { graphql } from '../../gql';

const PAGE_SIZE = 25;

const AdminUsersQuery = graphql(`
  query AdminUsers($search: String, $filter: UserFilter, $first: Int!, $after: String) {
    users(search: $search, filter: $filter, first: $first, after: $after) {
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
  // Search and filters live in the URL: a filtered list can be shared, and Back returns to it.
  const [params, setParams] = useSearchParams();
  const values = userListValuesFrom(params);
  const [search, setSearch] = useState(values.q);
  // The URL changed under the box (Back, a shared link): the box follows it.
  const [shownQ, setShownQ] = useState(values.q);
  if (values.q !== shownQ) {
    setShownQ(values.q);
    setSearch(values.q);
  }
  // Typing replaces the URL's search (one history entry per list, not one per key); filters push.
  const writeSearch = useDebouncedCallback((text: string) => {
    setShownQ(text.trim());
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (text.trim()) next.set('q', text.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, 300);
  const [creating, createModal] = useDisclosure(false);
  const filter = userFilterFrom(values);
  const filtered = Object.keys(filter).length > 0;
  const result = useQuery(AdminUsersQuery, {
    variables: { search: values.q || null, filter, first: PAGE_SIZE },
  });
  const users = usePagedList(result, (data) => data.users);

  return (
    <Page title="Users" description="Create accounts, deactivate them, make administrators and give permissions directly.">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          label="Search users"
          placeholder="Name or email"
          value={search}
          onChange={(text) => {
            setSearch(text);
            writeSearch(text);
          }}
          style={{ flex: '1 1 18rem' }}
        />
        <UserListFilters values={values} onChange={(next) => setParams(userListParamsFrom({ ...next, q: search.trim() }))} />
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={createModal.open}>
          New user
        </Button>
      </Group>
      <PagedList
        list={users}
        errorTitle="The users could not be loaded"
        empty={
          <EmptyMessage title={values.q || filtered ? 'Nobody matches' : 'No users yet'}>
            {values.q ? `No name or email contains “${values.q}”${filtered ? ' among these filters' : ''}.` : filtered ? 'No account matches these filters.' : 'Create the first account with New user.'}
          </EmptyMessage>
        }
      >
        {(nodes) => <UsersTable users={nodes} />}
      </PagedList>
      <CreateUserModal opened={creating} onClose={createModal.close} />
    </Page>
  );
}
