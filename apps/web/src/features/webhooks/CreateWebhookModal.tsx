import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useCreateWebhook } from './use-webhook-mutations';
import { WebhookFields } from './WebhookFields';
import { EMPTY_WEBHOOK, WEBHOOK_FIELDS, webhookFormProblems, webhookInputOf, type WebhookFormValues } from './webhook-form';

export interface CreatedWebhook {
  id: string;
  url: string;
  secret: string;
}

export interface CreateWebhookModalProps {
  opened: boolean;
  onClose: () => void;
  /** The new endpoint and its secret, to be shown once. */
  onCreated: (created: CreatedWebhook) => void;
}

/** Registers an endpoint; its secret comes back once, for the caller to show. */
export function CreateWebhookModal({ opened, onClose, onCreated }: CreateWebhookModalProps) {
  const [createWebhook, { loading }] = useCreateWebhook();
  const [values, setValues] = useState<WebhookFormValues>(EMPTY_WEBHOOK);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  const close = () => {
    setValues(EMPTY_WEBHOOK);
    setLocalErrors({});
    setProblem(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const errors = webhookFormProblems(values);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const { data } = await createWebhook({ variables: { input: webhookInputOf(values) } });
      if (!data) return;
      const { webhook, secret } = data.createWebhook;
      notifySuccess(`Created the webhook for ${webhook.url}.`);
      close();
      onCreated({ id: webhook.id, url: webhook.url, secret });
    } catch (error) {
      setProblem(readProblem(error, { fields: WEBHOOK_FIELDS }));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="New webhook" size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          <WebhookFields
            values={values}
            set={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
            errorOf={(field) => localErrors[field] ?? problem?.fields[field]}
            disabled={loading}
            autoFocus
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create webhook
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
