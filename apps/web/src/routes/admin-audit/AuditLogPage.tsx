import { useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { SectionCard } from '../../components/SectionCard';
import { AuditFilters } from '../../features/audit/AuditFilters';
import { AuditTable } from '../../features/audit/AuditTable';
import { auditCsvHref, auditFilterFrom, EMPTY_AUDIT_FILTER, type AuditFilterValues } from '../../features/audit/audit-filter';
import { graphql } from '../../gql';
import type { AuditFilter } from '../../gql/graphql';

const PAGE_SIZE = 50;

const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...AuditTable_event
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function AuditLogPage() {
  const [values, setValues] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilter>({});
  const result = useQuery(AuditLogQuery, {
    variables: { filter, first: PAGE_SIZE },
  });
  // A failed filter shows its error, not the rows of the filter before it.
  const events = usePagedList(result, (data) => data.auditEvents, { errorReplacesList: true });
  const filtered = Object.keys(filter).length > 0;

  const apply = (next: AuditFilterValues, nextFilter: AuditFilter) => {
    setValues(next);
    setFilter(nextFilter);
  };

  return (
    <Page title="Audit log" description="Every change, newest first. Narrow it by action, people, group and days.">
      <SectionCard
        title="Filters"
        actions={
          <Button
            component="a"
            href={auditCsvHref(filter)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Export CSV
          </Button>
        }
      >
        <AuditFilters
          values={values}
          onApply={apply}
        />
      </SectionCard>
      <PagedList
        list={events}
        errorTitle="The audit log could not be loaded"
        empty={
          <EmptyMessage title="No events">
            {filtered ? 'Nothing recorded matches these filters.' : 'Nothing has been recorded yet.'}
          </EmptyMessage>
        }
      >
        {(nodes) => (
          <AuditTable
            events={nodes}
            onFilter={(key, id) => {
              const next = { ...values, [key]: id };
              apply(next, auditFilterFrom(next).filter);
            }}
          />
        )}
      </PagedList>
    </Page>
  );
}
