import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Button, Checkbox, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatExpiry } from '../../components/dates';
import { formatDateTime } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { QueueTable_RequestFragment } from '../../gql/graphql';
import { ageOf, REQUEST_KIND_LABELS } from './request-labels';

export const QueueTableFragment = graphql(`
  fragment QueueTable_request on GroupRequest {
    id
    kind
    reason
    createdAt
    requestedUntil
    user {
      id
      displayName
      email
    }
    group {
      id
      name
      joinPath
    }
  }
`);

type Request = QueueTable_RequestFragment;

export interface QueueTableProps {
  requests: readonly FragmentType<typeof QueueTableFragment>[];
  selected: ReadonlySet<string>;
  onSelect: (ids: ReadonlySet<string>) => void;
  /** Why a request could not be decided in the last bulk decision, by request id. */
  failures: Readonly<Record<string, string>>;
  onDecide: (request: Request, approve: boolean) => void;
}

/** Pending requests, oldest first, with a checkbox per row for deciding several at once. */
export function QueueTable({ requests, ...rest }: QueueTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: QueueTableFragment, fragmentName: 'QueueTable_request', from: [...requests] }),
  );
  return data ? <QueueTableView {...rest} requests={data} /> : null;
}

interface QueueTableViewProps extends Omit<QueueTableProps, 'requests'> {
  requests: readonly Request[];
}

function QueueTableView({ requests, selected, onSelect, failures, onDecide }: QueueTableViewProps) {
  const allSelected = requests.length > 0 && requests.every((request) => selected.has(request.id));
  const someSelected = requests.some((request) => selected.has(request.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <ScrollTable label="Pending requests" minWidth={900} cardsOnPhone>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={40}>
            <Checkbox
              aria-label="Select all requests shown"
              checked={allSelected}
              indeterminate={someSelected && !allSelected}
              onChange={(event) => onSelect(event.currentTarget.checked ? new Set(requests.map((r) => r.id)) : new Set())}
            />
          </Table.Th>
          <Table.Th scope="col">Requester</Table.Th>
          <Table.Th scope="col">Group</Table.Th>
          <Table.Th scope="col">Reason</Table.Th>
          <Table.Th scope="col">Waiting</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.map((request) => {
          const failure = failures[request.id];
          return (
            <Table.Tr key={request.id}>
              <Table.Td>
                <Checkbox
                  aria-label={`Select the request of ${request.user.displayName} for ${request.group.name}`}
                  checked={selected.has(request.id)}
                  onChange={(event) => toggle(request.id, event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td data-label="Requester">
                <Text size="sm" fw={500}>
                  {request.user.displayName}
                </Text>
                {request.user.email ? (
                  <Text size="xs" c="dimmed">
                    {request.user.email}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td data-label="Group">
                <Group gap={6} wrap="nowrap">
                  <Badge size="xs" variant="light" color={request.kind === 'EXTEND' ? 'grape' : request.kind === 'LEAVE' ? 'orange' : 'blue'}>
                    {REQUEST_KIND_LABELS[request.kind]}
                  </Badge>
                  <Anchor component={Link} to={request.group.joinPath} size="sm">
                    {request.group.name}
                  </Anchor>
                </Group>
                {request.kind === 'EXTEND' && request.requestedUntil ? (
                  <Text size="xs" c="dimmed" data-testid="requested-until">
                    Asks to stay until {formatExpiry(request.requestedUntil)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td data-label="Reason">
                <Text size="sm" maw={320}>
                  {request.reason ?? <Text span size="sm" c="dimmed">No reason given</Text>}
                </Text>
                {failure ? (
                  <Text size="sm" c="red.8" role="alert">
                    Not decided: {failure}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td data-label="Waiting">
                <Text size="sm" title={formatDateTime(request.createdAt)}>
                  {ageOf(request.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td data-actions>
                <Group gap={6} wrap="nowrap" justify="flex-end">
                  <Button
                    size="xs"
                    variant="light"
                    color="green"
                    onClick={() => onDecide(request, true)}
                    aria-label={`Approve ${request.user.displayName} for ${request.group.name}`}
                  >
                    Approve
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => onDecide(request, false)}
                    aria-label={`Reject ${request.user.displayName} for ${request.group.name}`}
                  >
                    Reject
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
