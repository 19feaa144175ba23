import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatDateTime } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { WebhooksTable_WebhookFragment } from '../../gql/graphql';
import { eventTypesSummary } from './event-types';
import { lastStatusText } from './webhook-health';
import { WebhookHealthBadge } from './WebhookHealthBadge';

export const WebhooksTableFragment = graphql(`
  fragment WebhooksTable_webhook on Webhook {
    id
    url
    description
    eventTypes
    groupIds
    enabled
    lastDeliveryAt
    lastHttpStatus
    failingSince
  }
`);

export interface WebhooksTableProps {
  webhooks: readonly FragmentType<typeof WebhooksTableFragment>[];
}

export function WebhooksTable({ webhooks }: WebhooksTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: WebhooksTableFragment, fragmentName: 'WebhooksTable_webhook', from: [...webhooks] }),
  );
  return data ? <WebhooksTableView webhooks={data} /> : null;
}

function WebhooksTableView({ webhooks }: { webhooks: readonly WebhooksTable_WebhookFragment[] }) {
  return (
    <ScrollTable label="Webhook list" minWidth={960}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Endpoint</Table.Th>
          <Table.Th scope="col">Events</Table.Th>
          <Table.Th scope="col">Groups</Table.Th>
          <Table.Th scope="col">Health</Table.Th>
          <Table.Th scope="col">Last status</Table.Th>
          <Table.Th scope="col">Last delivery</Table.Th>
          <Table.Th scope="col">Failing since</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {webhooks.map((webhook) => (
          <Table.Tr key={webhook.id}>
            <Table.Td>
              <Stack gap={2}>
                <Anchor component={Link} to={`/admin/webhooks/${webhook.id}`} fw={500} style={{ wordBreak: 'break-all' }}>
                  {webhook.url}
                </Anchor>
                {webhook.description ? (
                  <Text size="xs" c="dimmed">
                    {webhook.description}
                  </Text>
                ) : null}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{eventTypesSummary(webhook.eventTypes)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {webhook.groupIds.length === 0 ? 'Any' : webhook.groupIds.length === 1 ? '1 group' : `${webhook.groupIds.length} groups`}
              </Text>
            </Table.Td>
            <Table.Td>
              <WebhookHealthBadge facts={webhook} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{lastStatusText(webhook)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {webhook.lastDeliveryAt ? formatDateTime(webhook.lastDeliveryAt) : <Text size="sm" c="dimmed">Never</Text>}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {webhook.failingSince ? formatDateTime(webhook.failingSince) : <Text size="sm" c="dimmed">—</Text>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
