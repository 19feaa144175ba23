import { useQuery } from '@apollo/client/react';
import { Group, SegmentedControl } from '@mantine/core';
import { useUrlSearch, useUrlState } from '../../app/use-url-state';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
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
  // Kept in the URL: Back from a group returns to the same search and tab.
  const { search, setSearch, debounced } = useUrlSearch();
  const [scope, setScope] = useUrlState<Scope>('scope', 'all', ['all', 'member', 'led']);
  const result = useQuery(GroupDirectoryQuery, {
    variables: {
      filter: { search: debounced || null, memberOnly: scope === 'member' || null, ledOnly: scope === 'led' || null },
      first: PAGE_SIZE,
    },
  });
  const groups = usePagedList(result, (data) => data.groups);

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
      <PagedList
        list={groups}
        errorTitle="The groups could not be loaded"
        empty={
          <EmptyMessage title={debounced ? 'No group matches' : 'No groups'}>
            {debounced ? `No group name contains “${debounced}”.` : EMPTY_TEXT[scope]}
          </EmptyMessage>
        }
      >
        {(nodes) => <GroupDirectoryTable groups={nodes} />}
      </PagedList>
    </Page>
  );
}
