import { useQuery } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { CreateWebhookModal, type CreatedWebhook } from '../../features/webhooks/CreateWebhookModal';
import { WebhookSecretDialog } from '../../features/webhooks/WebhookSecretDialog';
import { WebhooksTable } from '../../features/webhooks/WebhooksTable';
import { graphql } from '../../gql';

const AdminWebhooksQuery = graphql(`
  query AdminWebhooks {
    webhooks {
      id
      ...WebhooksTable_webhook
    }
  }
`);

export function AdminWebhooksPage() {
  const { data, error } = useQuery(AdminWebhooksQuery);
  const [creating, createModal] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  let content;
  if (!data) {
    content = error ? <ErrorAlert title="The webhooks could not be loaded">{problemMessage(error)}</ErrorAlert> : <PageSkeleton />;
  } else if (data.webhooks.length === 0) {
    content = (
      <EmptyMessage title="No webhooks yet">Add one with New webhook to tell another service about every change.</EmptyMessage>
    );
  } else {
    content = <WebhooksTable webhooks={data.webhooks} />;
  }

  return (
    <Page
      title="Webhooks"
      description="Endpoints that receive Gatehouse's events as signed HTTP POSTs (Standard Webhooks), retried until they answer."
    >
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
          New webhook
        </Button>
      </Group>
      {content}
      <CreateWebhookModal opened={creating} onClose={createModal.close} onCreated={setCreated} />
      <WebhookSecretDialog shown={created ? { reason: 'created', url: created.url, secret: created.secret } : null} onDone={() => setCreated(null)} />
    </Page>
  );
}
