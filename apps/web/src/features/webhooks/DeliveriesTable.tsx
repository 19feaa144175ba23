import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { WEBHOOK_TEST_EVENT } from '@gatehouse/shared';
import { Badge, Button, Code, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatDateTime } from '../../components/format-date';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { DeliveriesTable_DeliveryFragment, WebhookDeliveryStatus } from '../../gql/graphql';
import { useRedeliverEvent } from './use-webhook-mutations';

export const DeliveriesTableFragment = graphql(`
  fragment DeliveriesTable_delivery on WebhookDelivery {
    id
    eventId
    eventType
    attempt
    status
    httpStatus
    durationMs
    error
    responseBody
    createdAt
    nextAttemptAt
  }
`);

const STATUS: Record<WebhookDeliveryStatus, { label: string; color: string }> = {
  PENDING: { label: 'Pending', color: 'blue' },
  RETRYING: { label: 'Failed, will retry', color: 'orange' },
  SUCCEEDED: { label: 'Succeeded', color: 'green' },
  FAILED: { label: 'Failed', color: 'red' },
};

export interface DeliveriesTableProps {
  webhookId: string;
  deliveries: readonly FragmentType<typeof DeliveriesTableFragment>[];
}

/** A webhook's delivery log: one row per attempt (and the one still to come), newest first. */
export function DeliveriesTable({ webhookId, deliveries }: DeliveriesTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: DeliveriesTableFragment, fragmentName: 'DeliveriesTable_delivery', from: [...deliveries] }),
  );
  return data ? <DeliveriesTableView webhookId={webhookId} deliveries={data} /> : null;
}

function DeliveriesTableView({ webhookId, deliveries }: { webhookId: string; deliveries: readonly DeliveriesTable_DeliveryFragment[] }) {
  const [redeliver] = useRedeliverEvent(webhookId);
  const [sending, setSending] = useState<string | null>(null);

  const resend = async (delivery: DeliveriesTable_DeliveryFragment) => {
    setSending(delivery.id);
    try {
      await redeliver({ variables: { webhookId, eventId: delivery.eventId } });
      notifySuccess(`Event ${delivery.eventId} (${delivery.eventType}) is queued to be sent again.`);
    } catch (error) {
      notifyFailure(`Event ${delivery.eventId} could not be sent again: ${problemMessage(error)}`);
    } finally {
      setSending(null);
    }
  };

  return (
    <ScrollTable label="Delivery attempts" minWidth={1180}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Time</Table.Th>
          <Table.Th scope="col">Event</Table.Th>
          <Table.Th scope="col">Attempt</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">HTTP</Table.Th>
          <Table.Th scope="col">Duration</Table.Th>
          <Table.Th scope="col">Error</Table.Th>
          <Table.Th scope="col">Response</Table.Th>
          <Table.Th scope="col">Next attempt</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deliveries.map((delivery) => {
          const status = STATUS[delivery.status];
          const isTest = delivery.eventType === WEBHOOK_TEST_EVENT;
          return (
            <Table.Tr key={delivery.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(delivery.createdAt)}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" ff="monospace">
                    {delivery.eventType}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    id {delivery.eventId}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{delivery.attempt}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={status.color} style={{ whiteSpace: 'nowrap' }}>
                  {status.label}
                </Badge>
              </Table.Td>
              <Table.Td>{delivery.httpStatus ?? <Text size="sm" c="dimmed">—</Text>}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {delivery.durationMs != null ? `${delivery.durationMs} ms` : <Text size="sm" c="dimmed">—</Text>}
              </Table.Td>
              <Table.Td style={{ maxWidth: '16rem' }}>
                {delivery.error ? <Text size="sm" style={{ wordBreak: 'break-word' }}>{delivery.error}</Text> : <Text size="sm" c="dimmed">—</Text>}
              </Table.Td>
              <Table.Td style={{ maxWidth: '20rem' }}>
                {delivery.responseBody ? (
                  <details>
                    <summary>
                      <Text span size="sm">
                        Show response
                      </Text>
                    </summary>
                    <Code block mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: '12rem', overflow: 'auto' }}>
                      {delivery.responseBody}
                    </Code>
                  </details>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {delivery.nextAttemptAt && (delivery.status === 'PENDING' || delivery.status === 'RETRYING') ? (
                  formatDateTime(delivery.nextAttemptAt)
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {isTest ? null : (
                  <Button
                    size="xs"
                    variant="default"
                    loading={sending === delivery.id}
                    disabled={sending !== null && sending !== delivery.id}
                    onClick={() => void resend(delivery)}
                    aria-label={`Re-send event ${delivery.eventId} (${delivery.eventType})`}
                  >
                    Re-send
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
