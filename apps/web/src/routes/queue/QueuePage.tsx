import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { DecideDialog } from '../../features/requests/DecideDialog';
import { QueueTable } from '../../features/requests/QueueTable';
import { useApproveRequest } from '../../features/requests/use-approve-request';
import { useDecideRequests } from '../../features/requests/use-decide-requests';
import { useRejectRequest } from '../../features/requests/use-reject-request';
import { graphql } from '../../gql';
import type { RequestKind } from '../../gql/graphql';

const PAGE_SIZE = 50;

const QueueQuery = graphql(`
  query Queue($kind: RequestKind!, $groupId: ID, $first: Int!, $after: String) {
    list: groupRequests(filter: { status: PENDING, kind: $kind, groupId: $groupId }, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...QueueTable_request
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
    joins: groupRequests(filter: { status: PENDING, kind: JOIN, groupId: $groupId }, first: 1) {
      totalCount
    }
    leaves: groupRequests(filter: { status: PENDING, kind: LEAVE, groupId: $groupId }, first: 1) {
      totalCount
    }
  }
`);

interface Decision {
  approve: boolean;
  /** One request, or the selected ones. */
  ids: string[];
  what: string;
  /** Chosen with the checkboxes: decided together, with per-row results. */
  bulk: boolean;
  key: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function QueuePage() {
  const [params] = useSearchParams();
  const groupId = params.get('groupId');
  const [kind, setKind] = useState<RequestKind>('JOIN');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [failures, setFailures] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [approveOne, approveState] = useApproveRequest();
  const [rejectOne, rejectState] = useRejectRequest();
  const [decideMany, manyState] = useDecideRequests();
  const { data, previousData, error, fetchMore } = useQuery(QueueQuery, {
    variables: { kind, groupId, first: PAGE_SIZE },
  });
  const answer = data ?? previousData;
  const list = answer?.list;
  const deciding = approveState.loading || rejectState.loading || manyState.loading;

  const switchKind = (next: RequestKind) => {
    setKind(next);
    setSelected(new Set());
    setFailures({});
  };

  const open = (approve: boolean, ids: string[], what: string, bulk: boolean) => {
    setDialogError(null);
    setDecision((current) => ({ approve, ids, what, bulk, key: (current?.key ?? 0) + 1 }));
  };

  const decide = async (comment: string | null) => {
    if (!decision) return;
    setDialogError(null);
    const verb = decision.approve ? 'Approved' : 'Rejected';
    try {
      if (!decision.bulk) {
        const [requestId = ''] = decision.ids;
        if (decision.approve) await approveOne({ variables: { requestId, comment } });
        else await rejectOne({ variables: { requestId, comment } });
        const message = `${verb} ${decision.what}.`;
        setSummary(message);
        notifySuccess(message);
      } else {
        const { data: result } = await decideMany({ variables: { requestIds: decision.ids, approve: decision.approve, comment } });
        const results = result?.decideRequests ?? [];
        const failed = Object.fromEntries(
          results.flatMap((r) => (r.ok ? [] : [[r.requestId, r.error?.message ?? 'It could not be decided.']])),
        );
        const done = results.filter((r) => r.ok).length;
        setFailures(failed);
        setSelected(new Set(Object.keys(failed)));
        const failedCount = Object.keys(failed).length;
        const message =
          failedCount === 0
            ? `${verb} ${plural(done, 'request')}.`
            : `${verb} ${done} of ${plural(results.length, 'request')}; ${failedCount} could not be decided (see the rows).`;
        setSummary(message);
        if (failedCount === 0) notifySuccess(message);
        else notifyFailure(message);
      }
      setDecision(null);
    } catch (failure) {
      setDialogError(problemMessage(failure));
    }
  };

  const loadMore = async () => {
    if (!list?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: list.pageInfo.endCursor } });
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  const tabLabel = (label: string, count: number | undefined) => (
    <Group gap={6} wrap="nowrap">
      {label}
      {count !== undefined ? (
        <Badge size="sm" variant="light" color={count > 0 ? 'red' : 'gray'}>
          {count}
        </Badge>
      ) : null}
    </Group>
  );

  const listContent = (
    <Stack gap="sm">
      {error && !list ? <ErrorAlert title="The queue could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!list && !error ? <PageSkeleton /> : null}
      {list ? (
        list.edges.length === 0 ? (
          <EmptyMessage title="Nothing waiting">
            {kind === 'JOIN' ? 'No join requests wait for your decision.' : 'No leave requests wait for your decision.'}
          </EmptyMessage>
        ) : (
          <Stack gap="sm">
            <Group gap="sm">
              <Text size="sm" c="dimmed">
                {selected.size > 0 ? `${plural(selected.size, 'request')} selected` : 'Select requests to decide several at once.'}
              </Text>
              <Button
                size="xs"
                color="green"
                variant="light"
                disabled={selected.size === 0 || deciding}
                onClick={() => open(true, [...selected], plural(selected.size, 'request'), true)}
              >
                Approve selected
              </Button>
              <Button
                size="xs"
                color="red"
                variant="light"
                disabled={selected.size === 0 || deciding}
                onClick={() => open(false, [...selected], plural(selected.size, 'request'), true)}
              >
                Reject selected
              </Button>
            </Group>
            <QueueTable
              requests={list.edges.map((edge) => edge.node)}
              selected={selected}
              onSelect={setSelected}
              failures={failures}
              onDecide={(request, approve) =>
                open(approve, [request.id], `the request of ${request.user.displayName} for ${request.group.name}`, false)
              }
            />
            <LoadMore
              shown={list.edges.length}
              total={list.totalCount}
              hasMore={list.pageInfo.hasNextPage}
              loading={loadingMore}
              onLoadMore={() => void loadMore()}
            />
          </Stack>
        )
      ) : null}
    </Stack>
  );

  return (
    <Page title="Approval queue" description="Join and leave requests waiting for your decision in the groups you approve for.">
      {groupId ? (
        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
          <Group gap="sm" justify="space-between">
            <Text size="sm">Showing the requests of one group only.</Text>
            <Button component={Link} to="/queue" size="compact-sm" variant="default">
              Show every group
            </Button>
          </Group>
        </Alert>
      ) : null}
      {summary ? (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setSummary(null)}>
          {summary}
        </Alert>
      ) : null}
      <Tabs value={kind} onChange={(value) => switchKind(value === 'LEAVE' ? 'LEAVE' : 'JOIN')}>
        <Tabs.List>
          <Tabs.Tab value="JOIN">{tabLabel('Join requests', answer?.joins.totalCount)}</Tabs.Tab>
          <Tabs.Tab value="LEAVE">{tabLabel('Leave requests', answer?.leaves.totalCount)}</Tabs.Tab>
        </Tabs.List>
        {(['JOIN', 'LEAVE'] as const).map((panel) => (
          <Tabs.Panel key={panel} value={panel} pt="md">
            {panel === kind ? listContent : null}
          </Tabs.Panel>
        ))}
      </Tabs>
      <DecideDialog
        key={decision?.key ?? 0}
        decision={decision}
        loading={deciding}
        error={dialogError}
        onConfirm={(comment) => void decide(comment)}
        onClose={() => setDecision(null)}
      />
    </Page>
  );
}
