import { useQuery } from '@apollo/client/react';
import { Button, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { notifyFailure } from '../../components/notify';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
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
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, previousData, error, fetchMore } = useQuery(AuditLogQuery, {
    variables: { filter, first: PAGE_SIZE },
  });
  const events = (data ?? previousData)?.auditEvents;
  const filtered = Object.keys(filter).length > 0;

  const apply = (next: AuditFilterValues, nextFilter: AuditFilter) => {
    setValues(next);
    setFilter(nextFilter);
  };

  const loadMore = async () => {
    if (!events?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: events.pageInfo.endCursor } });
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    } finally {
      setLoadingMore(false);
    }
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
      {error ? <ErrorAlert title="The audit log could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!events && !error ? <PageSkeleton /> : null}
      {events && !error ? (
        events.edges.length === 0 ? (
          <EmptyMessage title="No events">
            {filtered ? 'Nothing recorded matches these filters.' : 'Nothing has been recorded yet.'}
          </EmptyMessage>
        ) : (
          <Stack gap="sm">
            <AuditTable
              events={events.edges.map((edge) => edge.node)}
              onFilter={(key, id) => {
                const next = { ...values, [key]: id };
                apply(next, auditFilterFrom(next).filter);
              }}
            />
            <LoadMore
              shown={events.edges.length}
              hasMore={events.pageInfo.hasNextPage}
              loading={loadingMore}
              onLoadMore={() => void loadMore()}
            />
          </Stack>
        )
      ) : null}
    </Page>
  );
}
