import { useQuery } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
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
  const result = useQuery(AdminGroupsQuery, {
    variables: { search: debounced || null, first: PAGE_SIZE },
  });
  const groups = usePagedList(result, (data) => data.groups);

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
      <PagedList
        list={groups}
        errorTitle="The groups could not be loaded"
        empty={
          <EmptyMessage title={debounced ? 'No group matches' : 'No groups yet'}>
            {debounced ? `No group name contains “${debounced}”.` : 'Create one with New group.'}
          </EmptyMessage>
        }
      >
        {(nodes) => <GroupsTable groups={nodes} />}
      </PagedList>
      <CreateGroupModal opened={creating} onClose={createModal.close} />
    </Page>
  );
}
