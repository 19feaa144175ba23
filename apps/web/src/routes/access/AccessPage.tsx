import { useQuery } from '@apollo/client/react';
import { Accordion, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { SearchInput } from '../../components/SearchInput';
import { SectionCard } from '../../components/SectionCard';
import { LevelBadge } from '../../features/resources/LevelBadge';
import { graphql } from '../../gql';
import type { MyAccessQuery } from '../../gql/graphql';
import { ExplanationPanel } from './ExplanationPanel';

const PAGE_SIZE = 50;

const MyAccessQueryDocument = graphql(`
  query MyAccess($search: String, $first: Int!, $after: String) {
    resources(filter: { minLevel: READ, search: $search }, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          kind
          name
          viewerLevel
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

type Row = MyAccessQuery['resources']['edges'][number]['node'];

/** Rows by kind, kinds in alphabetical order; rows keep the server's order inside a kind. */
function byKind(rows: readonly Row[]): [string, Row[]][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.kind, [...(groups.get(row.kind) ?? []), row]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function AccessPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [open, setOpen] = useState<string[]>([]);
  const result = useQuery(MyAccessQueryDocument, {
    variables: { search: debounced || null, first: PAGE_SIZE },
  });
  const resources = usePagedList(result, (data) => data.resources);

  return (
    <Page
      title="My access"
      description="The resources you can read or write, by kind. Open one to see which grant or group gives it to you."
    >
      <SearchInput label="Search my resources" placeholder="Name" value={search} onChange={setSearch} style={{ maxWidth: '24rem' }} />
      <PagedList
        list={resources}
        errorTitle="Your access could not be loaded"
        gap="md"
        empty={
          <EmptyMessage title={debounced ? 'No resource matches' : 'You reach no resources yet'}>
            {debounced
              ? `No resource you reach has “${debounced}” in its name.`
              : 'When someone shares a resource with you or one of your groups, it shows here.'}
          </EmptyMessage>
        }
      >
        {(nodes) =>
          byKind(nodes).map(([kind, rows]) => (
            <SectionCard
              key={kind}
              title={kind}
              titleExtra={
                <Text size="sm" c="dimmed">
                  {rows.length === 1 ? '1 resource' : `${rows.length} resources`}
                </Text>
              }
            >
              <Accordion multiple value={open} onChange={setOpen} variant="separated" chevronPosition="left">
                {rows.map((row) => (
                  <Accordion.Item key={row.id} value={row.id}>
                    <Accordion.Control>
                      <Group justify="space-between" wrap="nowrap" gap="sm">
                        <Text fw={500}>{row.name}</Text>
                        <LevelBadge level={row.viewerLevel} />
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      {open.includes(row.id) ? <ExplanationPanel resourceId={row.id} /> : null}
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            </SectionCard>
          ))
        }
      </PagedList>
    </Page>
  );
}
