import { useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { usePagedList } from '../../app/paging/use-paged-list';
import { localTimeZone } from '../../components/dates';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { SectionCard } from '../../components/SectionCard';
import { AuditFilters } from '../../features/audit/AuditFilters';
import { AuditTable } from '../../features/audit/AuditTable';
import { auditCsvHref, auditFilterFrom, auditParamsFrom, auditValuesFromParams, type AuditFilterValues } from '../../features/audit/audit-filter';
import { graphql } from '../../gql';

const PAGE_SIZE = 50;

const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int!, $after: String, $timeZone: String) {
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
  // The filters live in the URL: a filtered log can be shared, and Back returns to the filters before.
  const [params, setParams] = useSearchParams();
  const values = auditValuesFromParams(params);
  const { filter, errors } = auditFilterFrom(values);
  const valid = Object.keys(errors).length === 0;
  const result = useQuery(AuditLogQuery, {
    variables: { filter, first: PAGE_SIZE, timeZone: localTimeZone() },
    skip: !valid,
  });
  // A failed filter shows its error, not the rows of the filter before it.
  const events = usePagedList(result, (data) => data.auditEvents, { errorReplacesList: true });
  const filtered = Object.keys(filter).length > 0;

  const apply = (next: AuditFilterValues) => setParams(auditParamsFrom(next));

  return (
    <Page title="Audit log" description="Every change, newest first. Narrow it by action, people, group, resource and days.">
      <SectionCard
        title="Filters"
        actions={
          <Button
            component="a"
            href={auditCsvHref(filter, localTimeZone())}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Export CSV
          </Button>
        }
      >
        <AuditFilters values={values} onChange={apply} />
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
        {(nodes) => <AuditTable events={nodes} onFilter={(key, id) => apply({ ...values, [key]: id })} />}
      </PagedList>
    </Page>
  );
}
