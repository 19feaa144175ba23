import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatDateTime } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { MyRequestsTable_RequestFragment } from '../../gql/graphql';
import { REQUEST_KIND_LABELS } from './request-labels';
import { RequestStatusBadge } from './RequestStatusBadge';

export const MyRequestsTableFragment = graphql(`
  fragment MyRequestsTable_request on GroupRequest {
    id
    kind
    status
    reason
    createdAt
    decidedAt
    decisionComment
    decidedBy {
      id
      displayName
    }
    group {
      id
      name
      joinPath
    }
  }
`);

type Request = MyRequestsTable_RequestFragment;

export interface MyRequestsTableProps {
  requests: readonly FragmentType<typeof MyRequestsTableFragment>[];
  /** The request being withdrawn, for its button's spinner. */
  withdrawingId: string | null;
  onWithdraw: (request: Request) => void;
}

/** The viewer's own requests: what they asked, and what became of it. */
export function MyRequestsTable({ requests, ...rest }: MyRequestsTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: MyRequestsTableFragment, fragmentName: 'MyRequestsTable_request', from: [...requests] }),
  );
  return data ? <MyRequestsTableView {...rest} requests={data} /> : null;
}

interface MyRequestsTableViewProps extends Omit<MyRequestsTableProps, 'requests'> {
  requests: readonly Request[];
}

function MyRequestsTableView({ requests, withdrawingId, onWithdraw }: MyRequestsTableViewProps) {
  return (
    <ScrollTable label="My requests" minWidth={860}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Group</Table.Th>
          <Table.Th scope="col">Asked to</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Sent</Table.Th>
          <Table.Th scope="col">Decision</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.map((request) => (
          <Table.Tr key={request.id}>
            <Table.Td>
              <Anchor component={Link} to={request.group.joinPath}>
                {request.group.name}
              </Anchor>
              {request.reason ? (
                <Text size="xs" c="dimmed" maw={320}>
                  Your reason: {request.reason}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{REQUEST_KIND_LABELS[request.kind]}</Table.Td>
            <Table.Td>
              <RequestStatusBadge status={request.status} />
            </Table.Td>
            <Table.Td>{formatDateTime(request.createdAt)}</Table.Td>
            <Table.Td>
              {request.decidedAt ? (
                <Stack gap={2}>
                  <Text size="sm">
                    {formatDateTime(request.decidedAt)}
                    {request.decidedBy ? ` by ${request.decidedBy.displayName}` : ''}
                  </Text>
                  {request.decisionComment ? (
                    <Text size="sm" c="dimmed" maw={320}>
                      “{request.decisionComment}”
                    </Text>
                  ) : null}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {request.status === 'PENDING' ? 'Waiting for the approvers' : '—'}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {request.status === 'PENDING' ? (
                <Button
                  size="xs"
                  variant="default"
                  loading={withdrawingId === request.id}
                  onClick={() => onWithdraw(request)}
                  aria-label={`Withdraw request for ${request.group.name}`}
                >
                  Withdraw
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
