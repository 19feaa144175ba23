import { useQuery } from '@apollo/client/react';
import { Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
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
  const [loadingMore, setLoadingMore] = useState(false);
  const [withdrawingId, setWithdrawingId] = useState<string | null>(null);
  const [withdraw] = useWithdrawRequest();
  // `status: null` explicitly: the filter's default is PENDING, and this page shows every status.
  const { data, previousData, error, fetchMore } = useQuery(MyRequestsQuery, {
    variables: { status: status === 'ALL' ? null : status, first: PAGE_SIZE },
  });
  const requests = (data ?? previousData)?.groupRequests;

  const loadMore = async () => {
    if (!requests?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: requests.pageInfo.endCursor } });
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  };

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
      {error && !requests ? <ErrorAlert title="Your requests could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!requests && !error ? <PageSkeleton /> : null}
      {requests ? (
        requests.edges.length === 0 ? (
          <EmptyMessage title="No requests">
            {status === 'ALL'
              ? 'When you ask to join or leave a group, the request shows here.'
              : `You have no ${REQUEST_STATUS[status].label.toLowerCase()} requests.`}
          </EmptyMessage>
        ) : (
          <Stack gap="sm">
            <MyRequestsTable
              requests={requests.edges.map((edge) => edge.node)}
              withdrawingId={withdrawingId}
              onWithdraw={(request) => {
                setWithdrawingId(request.id);
                withdraw({ variables: { requestId: request.id } })
                  .then(() => notifySuccess(`You withdrew your request for ${request.group.name}.`))
                  .catch((failure: unknown) => notifyFailure(problemMessage(failure)))
                  .finally(() => setWithdrawingId(null));
              }}
            />
            <LoadMore
              shown={requests.edges.length}
              total={requests.totalCount}
              hasMore={requests.pageInfo.hasNextPage}
              loading={loadingMore}
              onLoadMore={() => void loadMore()}
            />
          </Stack>
        )
      ) : null}
    </Page>
  );
}
