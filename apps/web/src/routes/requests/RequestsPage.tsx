import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { MyRequestsTable } from '../../features/requests/MyRequestsTable';
import { REQUEST_STATUS } from '../../features/requests/request-labels';
import { useWithdrawRequest } from '../../features/requests/use-withdraw-request';
import { graphql } from '../../gql';
import type { RequestStatus } from '../../gql/graphql';

const PAGE_SIZE = 25;

const MyRequestsQuery = graphql(`
  query MyRequests($status: RequestStatus, $first: Int!, $after: String) {
    groupRequests(filter: { mine: true, status: $status }, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...MyRequestsTable_request
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

const STATUS_OPTIONS = [
  { value: 'ALL', label: 'Every status' },
  ...(Object.keys(REQUEST_STATUS) as RequestStatus[]).map((status) => ({ value: status, label: REQUEST_STATUS[status].label })),
];

export function RequestsPage() {
  const [status, setStatus] = useState<RequestStatus | 'ALL'>('ALL');
  const [withdrawingId, setWithdrawingId] = useState<string | null>(null);
  const [withdraw] = useWithdrawRequest();
  // `status: null` explicitly: the filter's default is PENDING, and this page shows every status.
  const result = useQuery(MyRequestsQuery, {
    variables: { status: status === 'ALL' ? null : status, first: PAGE_SIZE },
  });
  const requests = usePagedList(result, (data) => data.groupRequests);

  return (
    <Page title="My requests" description="Your join and leave requests, pending and decided; withdraw a pending one here.">
      <Select
        label="Status"
        data={STATUS_OPTIONS}
        value={status}
        onChange={(value) => setStatus((value as RequestStatus | 'ALL' | null) ?? 'ALL')}
        allowDeselect={false}
        maw={240}
      />
      <PagedList
        list={requests}
        errorTitle="Your requests could not be loaded"
        empty={
          <EmptyMessage title="No requests">
            {status === 'ALL'
              ? 'When you ask to join or leave a group, the request shows here.'
              : `You have no ${REQUEST_STATUS[status].label.toLowerCase()} requests.`}
          </EmptyMessage>
        }
      >
        {(nodes) => (
          <MyRequestsTable
            requests={nodes}
            withdrawingId={withdrawingId}
            onWithdraw={(request) => {
              setWithdrawingId(request.id);
              withdraw({ variables: { requestId: request.id } })
                .then(() => notifySuccess(`You withdrew your request for ${request.group.name}.`))
                .catch((failure: unknown) => notifyFailure(problemMessage(failure)))
                .finally(() => setWithdrawingId(null));
            }}
          />
        )}
      </PagedList>
    </Page>
  );
}
