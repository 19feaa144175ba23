import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconKey, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { useDeleteWebhook, useRotateWebhookSecret, useSendTestWebhook } from './use-webhook-mutations';
import { WebhookSecretDialog, type ShownSecret } from './WebhookSecretDialog';

export interface WebhookActionsCardProps {
  webhookId: string;
  url: string;
  /** A disabled endpoint is sent nothing, test events included: Send test waits for it. */
  enabled: boolean;
  /** Where to go once the webhook is deleted. */
  afterDelete: string;
}

type Confirming = 'rotate' | 'delete' | null;

/** Send a test event, rotate the signing secret (shown once), delete the endpoint. */
export function WebhookActionsCard({ webhookId, url, enabled, afterDelete }: WebhookActionsCardProps) {
  const [sendTest, sendingTest] = useSendTestWebhook(webhookId);
  const [rotate, rotating] = useRotateWebhookSecret();
  const [deleteWebhook, deleting] = useDeleteWebhook();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const test = async () => {
    setFailure(null);
    try {
      await sendTest({ variables: { id: webhookId } });
      notifySuccess(`A test event is on its way to ${url}.`);
    } catch (error) {
      setFailure(`The test event could not be sent: ${problemMessage(error)}`);
    }
  };

  const confirmRotate = async () => {
    setFailure(null);
    try {
      const { data } = await rotate({ variables: { id: webhookId } });
      setConfirming(null);
      if (data) setSecret({ reason: 'rotated', url, secret: data.rotateWebhookSecret.secret });
    } catch (error) {
      setConfirming(null);
      setFailure(`The secret was not rotated: ${problemMessage(error)}`);
    }
  };

  const confirmDelete = async () => {
    setFailure(null);
    try {
      await deleteWebhook({ variables: { id: webhookId } });
      notifySuccess(`Deleted the webhook for ${url}.`);
      setConfirming(null);
      await navigate(afterDelete, { replace: true });
    } catch (error) {
      setConfirming(null);
      setFailure(`The webhook was not deleted: ${problemMessage(error)}`);
    }
  };

  return (
    <SectionCard title="Test, secret and deletion" description="Check the endpoint, replace its signing secret, or remove it.">
      <Stack gap="sm">
        {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconSend size={16} aria-hidden />}
            loading={sendingTest.loading}
            disabled={!enabled}
            onClick={() => void test()}
          >
            Send test
          </Button>
          <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => setConfirming('rotate')}>
            Rotate secret
          </Button>
          <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming('delete')}>
            Delete webhook
          </Button>
        </Group>
        {!enabled ? (
          <Text size="sm" c="dimmed">
            The endpoint is disabled, so nothing is sent to it, test events included. Enable it above to send a test.
          </Text>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirming === 'rotate'}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        loading={rotating.loading}
        onConfirm={() => void confirmRotate()}
        onClose={() => setConfirming(null)}
      >
        A new secret is made and shown once. The old one keeps signing beside it for 24 hours, so the receiver can switch
        without missing a delivery.
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'delete'}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        danger
        loading={deleting.loading}
        onConfirm={() => void confirmDelete()}
        onClose={() => setConfirming(null)}
      >
        <Stack gap="xs">
          <Text size="sm">Nothing more is sent to:</Text>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {url}
          </Code>
          <Text size="sm">Its queued deliveries and its delivery log are deleted with it. This cannot be undone.</Text>
        </Stack>
      </ConfirmDialog>
      <WebhookSecretDialog shown={secret} onDone={() => setSecret(null)} />
    </SectionCard>
  );
}
