import { useQuery } from '@apollo/client/react';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useId } from 'react';
import { useUrlSearch, useUrlState } from '../../app/use-url-state';
import { usePagedList } from '../../app/paging/use-paged-list';
import { useSignedInViewer } from '../../app/session/viewer-context';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { SearchInput } from '../../components/SearchInput';
import { RegisterResourceModal } from '../../features/resources/RegisterResourceModal';
import { ResourceKindSelect } from '../../features/resources/ResourceKindSelect';
import { ResourcesTable } from '../../features/resources/ResourcesTable';
import { graphql } from '../../gql';
import type { AccessLevel } from '../../gql/graphql';

const PAGE_SIZE = 25;

const ResourcesQuery = graphql(`
  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {
    resources(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...ResourcesTable_resource
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

export function ResourcesPage() {
  const me = useSignedInViewer();
  const canRegister = me.isAdmin || me.effectivePermissions.includes('resources.create');
  // Kept in the URL: Back from a resource returns to the same search and filters.
  const { search, setSearch, debounced: debouncedSearch } = useUrlSearch();
  const [kind, setKind] = useUrlState<string>('kind', '');
  const [minLevel, setMinLevel] = useUrlState<AccessLevel>('level', 'READ', ['READ', 'WRITE']);
  const [registering, registerModal] = useDisclosure(false);
  const levelLabelId = useId();
  const result = useQuery(ResourcesQuery, {
    variables: {
      filter: { search: debouncedSearch || null, kind: kind || null, minLevel },
      first: PAGE_SIZE,
    },
  });
  const resources = usePagedList(result, (data) => data.resources);
  const filtered = Boolean(debouncedSearch || kind || minLevel === 'WRITE');

  return (
    <Page
      title="Resources"
      description={
        me.isAdmin
          ? 'Every resource: administrators reach them all. Open one to manage who may read or write it.'
          : 'The resources you can read or write. Open one to see it, and to share it if you may write it.'
      }
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput label="Search resources" placeholder="Name" value={search} onChange={setSearch} style={{ flex: '1 1 16rem' }} />
        <ResourceKindSelect value={kind} onChange={setKind} style={{ flex: '0 1 12rem' }} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={levelLabelId}>
            At least
          </Text>
          <SegmentedControl
            aria-labelledby={levelLabelId}
            value={minLevel}
            onChange={(value) => setMinLevel(value === 'WRITE' ? 'WRITE' : 'READ')}
            data={[
              { value: 'READ', label: 'Read' },
              { value: 'WRITE', label: 'Write' },
            ]}
          />
        </Stack>
        {canRegister ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={registerModal.open}>
            Register resource
          </Button>
        ) : null}
      </Group>
      <PagedList
        list={resources}
        errorTitle="The resources could not be loaded"
        empty={
          <EmptyMessage title={filtered ? 'No resource matches' : 'No resources yet'}>
            {filtered
              ? 'Try another name, kind or level.'
              : canRegister
                ? 'Register the first one with Register resource.'
                : 'Nothing has been shared with you or your groups yet.'}
          </EmptyMessage>
        }
      >
        {(nodes) => <ResourcesTable resources={nodes} />}
      </PagedList>
      {canRegister ? <RegisterResourceModal opened={registering} onClose={registerModal.close} /> : null}
    </Page>
  );
}
