import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { BulkDecisionBar } from '../../features/requests/BulkDecisionBar';
import { DecideDialog } from '../../features/requests/DecideDialog';
import { DecisionSummary } from '../../features/requests/DecisionSummary';
import { QueueTable } from '../../features/requests/QueueTable';
import { useRequestDecisions } from '../../features/requests/use-request-decisions';
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
    extensions: groupRequests(filter: { status: PENDING, kind: EXTEND, groupId: $groupId }, first: 1) {
      totalCount
    }
  }
`);

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

export function QueuePage() {
  const [params] = useSearchParams();
  const groupId = params.get('groupId');
  const [kind, setKind] = useState<RequestKind>('JOIN');
  const decisions = useRequestDecisions();
  const result = useQuery(QueueQuery, {
    variables: { kind, groupId, first: PAGE_SIZE },
  });
  const answer = result.data ?? result.previousData;
  const list = usePagedList(result, (data) => data.list);

  const switchKind = (next: RequestKind) => {
    setKind(next);
    decisions.reset();
  };

  const listContent = (
    <Stack gap="sm">
      <PagedList
        list={list}
        errorTitle="The queue could not be loaded"
        empty={
          <EmptyMessage title="Nothing waiting">
            {`No ${kind === 'JOIN' ? 'join' : kind === 'LEAVE' ? 'leave' : 'extension'} requests wait for your decision.`}
          </EmptyMessage>
        }
      >
        {(nodes) => (
          <>
            <BulkDecisionBar decisions={decisions} />
            <QueueTable
              requests={nodes}
              selected={decisions.selected}
              onSelect={decisions.setSelected}
              failures={decisions.failures}
              onDecide={decisions.decideOne}
            />
          </>
        )}
      </PagedList>
    </Stack>
  );

  return (
    <Page title="Approval queue" description="Join, leave and extension requests waiting for your decision in the groups you approve for.">
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
      <DecisionSummary decisions={decisions} />
      <Tabs value={kind} onChange={(value) => switchKind(value === 'LEAVE' || value === 'EXTEND' ? value : 'JOIN')}>
        <Tabs.List>
          <Tabs.Tab value="JOIN">{tabLabel('Join requests', answer?.joins.totalCount)}</Tabs.Tab>
          <Tabs.Tab value="LEAVE">{tabLabel('Leave requests', answer?.leaves.totalCount)}</Tabs.Tab>
          <Tabs.Tab value="EXTEND">{tabLabel('Extension requests', answer?.extensions.totalCount)}</Tabs.Tab>
        </Tabs.List>
        {(['JOIN', 'LEAVE', 'EXTEND'] as const).map((panel) => (
          <Tabs.Panel key={panel} value={panel} pt="md">
            {panel === kind ? listContent : null}
          </Tabs.Panel>
        ))}
      </Tabs>
      <DecideDialog
        key={decisions.decision?.key ?? 0}
        decision={decisions.decision}
        loading={decisions.deciding}
        error={decisions.dialogError}
        onConfirm={decisions.confirm}
        onClose={decisions.closeDialog}
      />
    </Page>
  );
}
