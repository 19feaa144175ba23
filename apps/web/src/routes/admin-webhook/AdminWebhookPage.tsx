import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Breadcrumbs, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format-date';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { DeliveriesTable } from '../../features/webhooks/DeliveriesTable';
import { deliveryFilterFrom, deliveryLogPollMs, type DeliveryFilter } from '../../features/webhooks/delivery-log';
import { useNow } from '../../features/webhooks/use-now';
import { WebhookActionsCard } from '../../features/webhooks/WebhookActionsCard';
import { WebhookHealthBadge } from '../../features/webhooks/WebhookHealthBadge';
import { lastStatusText, webhookHealth } from '../../features/webhooks/webhook-health';
import { WebhookSettingsForm } from '../../features/webhooks/WebhookSettingsForm';
import { graphql } from '../../gql';

const PAGE_SIZE = 20;

const AdminWebhookQuery = graphql(`
  query AdminWebhook($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean!) {
    webhook(id: $id) {
      id
      url
      enabled
      createdAt
      lastDeliveryAt
      lastHttpStatus
      failingSince
      ...WebhookSettingsForm_webhook
      deliveries(first: $first, after: $after, failedOnly: $failedOnly) {
        edges {
          cursor
          node {
            id
            status
            nextAttemptAt
            ...DeliveriesTable_delivery
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const FILTERS: { value: DeliveryFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'failed', label: 'Failed only' },
];

export function AdminWebhookPage() {
  const { webhookId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = deliveryFilterFrom(params);
  const now = useNow(10_000);
  const result = useQuery(AdminWebhookQuery, {
    variables: { id: webhookId, first: PAGE_SIZE, failedOnly: filter === 'failed' },
  });
  const deliveries = usePagedList(result, (data) => data.webhook?.deliveries);
  // While a delivery is about to go out, ask again until its outcome is known.
  const pollMs = deliveryLogPollMs(deliveries.nodes, now);
  const { startPolling, stopPolling } = result;
  useEffect(() => {
    if (pollMs === 0) return;
    startPolling(pollMs);
    return () => stopPolling();
  }, [pollMs, startPolling, stopPolling]);

  const { data, error } = result;
  const webhook = data?.webhook;
  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/admin/webhooks" size="sm">
        Webhooks
      </Anchor>
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {webhook?.url ?? 'Webhook'}
      </Text>
    </Breadcrumbs>
  );

  if (!data) {
    return (
      <Page title="Webhook">
        {crumbs}
        {error ? <ErrorAlert title="This webhook could not be loaded">{problemMessage(error)}</ErrorAlert> : <PageSkeleton />}
      </Page>
    );
  }
  if (!webhook) {
    return (
      <Page title="Webhook not found">
        {crumbs}
        <Text>No webhook has this id, or it has been deleted.</Text>
      </Page>
    );
  }

  const health = webhookHealth(webhook);
  return (
    <Page
      title="Webhook"
      description={
        <>
          Created {formatDateTime(webhook.createdAt)} · last delivery{' '}
          {webhook.lastDeliveryAt ? `${formatDateTime(webhook.lastDeliveryAt)} (${lastStatusText(webhook)})` : 'never'}
        </>
      }
    >
      {crumbs}
      <Group gap="xs">
        <WebhookHealthBadge facts={webhook} />
        <Text size="sm" c="dimmed">
          {health.explanation}
        </Text>
      </Group>
      {webhook.failingSince ? (
        <Alert color={webhook.enabled ? 'orange' : 'red'} variant="light" icon={<IconAlertTriangle aria-hidden />}>
          Every delivery has failed since {formatDateTime(webhook.failingSince)}.{' '}
          {webhook.enabled
            ? 'After 5 days of failures the endpoint is disabled and administrators are told.'
            : 'Fix the endpoint, then enable it again below.'}
        </Alert>
      ) : null}
      <Stack gap="lg">
        <SectionCard title="Endpoint and filters" description="Where deliveries go and which events are sent.">
          <WebhookSettingsForm webhook={webhook} />
        </SectionCard>
        <WebhookActionsCard webhookId={webhook.id} url={webhook.url} enabled={webhook.enabled} afterDelete="/admin/webhooks" />
        <SectionCard
          title="Delivery log"
          description="Every attempt, newest first, and the one still to come. A failed event is retried with growing delays; Re-send sends it again with the same webhook-id."
          actions={
            <Button
              variant="default"
              size="xs"
              leftSection={<IconRefresh size={14} aria-hidden />}
              onClick={() => void result.refetch().catch(() => undefined)}
            >
              Refresh
            </Button>
          }
        >
          <SegmentedControl
            aria-label="Which deliveries"
            w="fit-content"
            value={filter}
            onChange={(value) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (value === 'failed') next.set('status', 'failed');
                  else next.delete('status');
                  return next;
                },
                { replace: true },
              )
            }
            data={FILTERS}
          />
          <PagedList
            list={deliveries}
            errorTitle="The delivery log could not be loaded"
            empty={
              <EmptyMessage title={filter === 'failed' ? 'No failed deliveries' : 'No deliveries yet'}>
                {filter === 'failed'
                  ? 'Every attempt so far has succeeded (or is still to come).'
                  : 'Events this endpoint takes appear here as they are sent. Send test to try it now.'}
              </EmptyMessage>
            }
          >
            {(nodes) => <DeliveriesTable webhookId={webhook.id} deliveries={nodes} />}
          </PagedList>
        </SectionCard>
      </Stack>
    </Page>
  );
}
