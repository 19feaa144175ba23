import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Badge, Button, Code, Popover, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { localTimeZone } from '../../components/dates';
import { formatDateTime } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { AuditTable_EventFragment } from '../../gql/graphql';

export const AuditTableFragment = graphql(`
  fragment AuditTable_event on AuditEvent {
    id
    occurredAt
    action
    actionLabel
    # Dates in the sentence are days in the reader's zone (SPEC §20): every query passes $timeZone.
    summary(timeZone: $timeZone)
    actorId
    actorLabel
    groupId
    groupLabel
    userId
    userLabel
    resourceId
    resourceLabel
    details
  }
`);

type AuditEvent = AuditTable_EventFragment;

export type AuditFilterKey = 'actorId' | 'userId' | 'groupId' | 'resourceId';

export interface AuditTableProps {
  events: readonly FragmentType<typeof AuditTableFragment>[];
  /** Narrow the log to one actor, person, group or resource (clicking a name). */
  onFilter: (key: AuditFilterKey, id: string) => void;
}

/** Long names wrap inside their column (never pushing the others off-screen) and show whole on hover. */
const NAME_CELL = { maxWidth: '12rem', overflowWrap: 'anywhere' } as const;

function FilterLink({ label, onClick, description }: { label: string; onClick: () => void; description: string }) {
  return (
    <UnstyledButton onClick={onClick} aria-label={`${label}: ${description}`} title={`${label} — ${description}`} style={{ maxWidth: '100%' }}>
      <Text size="sm" td="underline" style={{ textDecorationStyle: 'dotted', overflowWrap: 'anywhere' }} lineClamp={2}>
        {label}
      </Text>
    </UnstyledButton>
  );
}

function NameCell({ id, label, filterKey, description, onFilter }: { id: string | null; label: string | null; filterKey: AuditFilterKey; description: string; onFilter: AuditTableProps['onFilter'] }) {
  if (!label && !id) return <Text size="sm" c="dimmed">—</Text>;
  if (!id) return <Text size="sm" style={{ overflowWrap: 'anywhere' }} lineClamp={2} title={label ?? undefined}>{label}</Text>;
  return <FilterLink label={label ?? 'Unnamed'} description={description} onClick={() => onFilter(filterKey, id)} />;
}

/** Everything recorded, on demand: the sentence says it in words. */
function DetailsButton({ event }: { event: AuditEvent }) {
  return (
    <Popover width={420} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" aria-label={`Details of: ${event.summary}`}>
          Details
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" c="dimmed" mb={4}>
          {event.action} · event {event.id}
        </Text>
        <Code block fz="xs" style={{ maxHeight: '20rem', overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {JSON.stringify(event.details, null, 2)}
        </Code>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The log, newest first: one sentence per change; names narrow the log to themselves. */
export function AuditTable({ events, ...rest }: AuditTableProps) {
  const data = useCompleteFragment(
    // The sentence was fetched for the reader's zone: read it back with the same argument.
    useFragment({ fragment: AuditTableFragment, fragmentName: 'AuditTable_event', from: [...events], variables: { timeZone: localTimeZone() } }),
  );
  return data ? <AuditTableView {...rest} events={data} /> : null;
}

interface AuditTableViewProps extends Omit<AuditTableProps, 'events'> {
  events: readonly AuditEvent[];
}

function AuditTableView({ events, onFilter }: AuditTableViewProps) {
  return (
    <ScrollTable label="Audit events" minWidth={900} cardsOnPhone>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Time</Table.Th>
          <Table.Th scope="col">What happened</Table.Th>
          <Table.Th scope="col">Done by</Table.Th>
          <Table.Th scope="col">Group</Table.Th>
          <Table.Th scope="col">About</Table.Th>
          <Table.Th scope="col">Resource</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Details</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => (
          <Table.Tr key={event.id}>
            <Table.Td data-label="Time" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(event.occurredAt)}
            </Table.Td>
            <Table.Td data-label="What happened" style={{ minWidth: '16rem', overflowWrap: 'anywhere' }}>
              <Text size="sm">{event.summary}</Text>
              <Badge size="xs" variant="light" color="gray" mt={4} style={{ maxWidth: '100%' }}>
                {event.actionLabel}
              </Badge>
            </Table.Td>
            <Table.Td data-label="Done by" style={NAME_CELL}>
              {event.actorId ? (
                <NameCell id={event.actorId} label={event.actorLabel} filterKey="actorId" description="show only what they did" onFilter={onFilter} />
              ) : (
                <Text size="sm" fs="italic">
                  {event.actorLabel}
                </Text>
              )}
            </Table.Td>
            <Table.Td data-label="Group" style={NAME_CELL}>
              <NameCell id={event.groupId} label={event.groupLabel} filterKey="groupId" description="show only this group’s events" onFilter={onFilter} />
            </Table.Td>
            <Table.Td data-label="About" style={NAME_CELL}>
              <NameCell id={event.userId} label={event.userLabel} filterKey="userId" description="show only events about them" onFilter={onFilter} />
            </Table.Td>
            <Table.Td data-label="Resource" style={NAME_CELL}>
              <NameCell id={event.resourceId} label={event.resourceLabel} filterKey="resourceId" description="show only this resource’s events" onFilter={onFilter} />
            </Table.Td>
            <Table.Td data-actions style={{ whiteSpace: 'nowrap' }}>
              <DetailsButton event={event} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
