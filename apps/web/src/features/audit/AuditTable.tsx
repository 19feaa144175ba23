import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Code, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatDateTime } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { AuditTable_EventFragment } from '../../gql/graphql';
import { actionLabel, summarizeDetails } from './audit-details';

export const AuditTableFragment = graphql(`
  fragment AuditTable_event on AuditEvent {
    id
    occurredAt
    action
    actorId
    actorLabel
    groupId
    groupLabel
    userId
    userLabel
    resourceId
    details
  }
`);

type AuditEvent = AuditTable_EventFragment;

export interface AuditTableProps {
  events: readonly FragmentType<typeof AuditTableFragment>[];
  /** Narrow the log to one actor, user or group (clicking a name). */
  onFilter: (key: 'actorId' | 'userId' | 'groupId', id: string) => void;
}

function FilterLink({ label, onClick, description }: { label: string; onClick: () => void; description: string }) {
  return (
    <UnstyledButton onClick={onClick} aria-label={`${label}: ${description}`} title={description}>
      <Text size="sm" td="underline" style={{ textDecorationStyle: 'dotted' }}>
        {label}
      </Text>
    </UnstyledButton>
  );
}

/** The log, newest first. Names narrow the log to themselves; the group and user link to their pages. */
export function AuditTable({ events, ...rest }: AuditTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: AuditTableFragment, fragmentName: 'AuditTable_event', from: [...events] }),
  );
  return data ? <AuditTableView {...rest} events={data} /> : null;
}

interface AuditTableViewProps extends Omit<AuditTableProps, 'events'> {
  events: readonly AuditEvent[];
}

function AuditTableView({ events, onFilter }: AuditTableViewProps) {
  return (
    <ScrollTable label="Audit events" minWidth={960}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Time</Table.Th>
          <Table.Th scope="col">Action</Table.Th>
          <Table.Th scope="col">Actor</Table.Th>
          <Table.Th scope="col">Group</Table.Th>
          <Table.Th scope="col">User</Table.Th>
          <Table.Th scope="col">Details</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => {
          const summary = summarizeDetails(event.details);
          return (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{actionLabel(event.action)}</Text>
                <Code fz="xs">{event.action}</Code>
              </Table.Td>
              <Table.Td>
                {event.actorId ? (
                  <FilterLink
                    label={event.actorLabel}
                    description="show only what they did"
                    onClick={() => onFilter('actorId', event.actorId ?? '')}
                  />
                ) : (
                  <Text size="sm" fs="italic">
                    {event.actorLabel}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {event.groupId ? (
                  <Anchor component={Link} to={`/admin/groups/${event.groupId}`} size="sm">
                    {event.groupLabel ?? event.groupId}
                  </Anchor>
                ) : (
                  <Text size="sm">{event.groupLabel ?? '—'}</Text>
                )}
              </Table.Td>
              <Table.Td>
                {event.userId ? (
                  <Anchor component={Link} to={`/admin/users/${event.userId}`} size="sm">
                    {event.userLabel ?? event.userId}
                  </Anchor>
                ) : (
                  <Text size="sm">{event.userLabel ?? '—'}</Text>
                )}
              </Table.Td>
              <Table.Td maw={360}>
                {summary ? (
                  <Tooltip
                    label={<pre style={{ margin: 0 }}>{JSON.stringify(event.details, null, 2)}</pre>}
                    multiline
                    maw={480}
                  >
                    <Text size="xs" ff="monospace" lineClamp={2} tabIndex={0}>
                      {summary}
                    </Text>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
