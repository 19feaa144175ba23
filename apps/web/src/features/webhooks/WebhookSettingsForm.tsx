import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSkeleton } from '../../components/PageSkeleton';
import { useSettingsForm } from '../../components/use-settings-form';
import { graphql } from '../../gql';
import type { WebhookInput, WebhookSettingsForm_WebhookFragment } from '../../gql/graphql';
import type { PickedGroup } from '../groups/GroupPicker';
import { useGroupLabels } from './use-group-labels';
import { useUpdateWebhook } from './use-webhook-mutations';
import { WebhookFields } from './WebhookFields';
import { sameWebhook, WEBHOOK_FIELDS, webhookFormProblems, webhookInputOf, type WebhookFormValues } from './webhook-form';

export const WebhookSettingsFormFragment = graphql(`
  fragment WebhookSettingsForm_webhook on Webhook {
    id
    url
    description
    eventTypes
    groupIds
    enabled
  }
`);

export interface WebhookSettingsFormProps {
  webhook: FragmentType<typeof WebhookSettingsFormFragment>;
}

/** An endpoint's URL, description, filters and enabled state. */
export function WebhookSettingsForm({ webhook }: WebhookSettingsFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: WebhookSettingsFormFragment, fragmentName: 'WebhookSettingsForm_webhook', from: webhook }),
  );
  const groups = useGroupLabels(data?.groupIds ?? []);
  // The form starts from the saved values, group names included: wait for them.
  if (!data || !groups) return <PageSkeleton />;
  return <WebhookSettingsFormView webhook={data} groups={groups} />;
}

function valuesOf(webhook: WebhookSettingsForm_WebhookFragment, groups: readonly PickedGroup[]): WebhookFormValues {
  return {
    url: webhook.url,
    description: webhook.description,
    eventTypes: [...webhook.eventTypes],
    groups: webhook.groupIds.map((id) => groups.find((group) => group.id === id) ?? { id, label: id }),
    enabled: webhook.enabled,
  };
}

function WebhookSettingsFormView({ webhook, groups }: { webhook: WebhookSettingsForm_WebhookFragment; groups: readonly PickedGroup[] }) {
  const [updateWebhook] = useUpdateWebhook();
  const form = useSettingsForm<WebhookFormValues, { webhook?: WebhookInput; groups?: PickedGroup[] }>({
    initial: () => valuesOf(webhook, groups),
    // The API replaces the whole webhook: send every field once anything differs.
    changes: (initial, values) => ({
      input: sameWebhook(initial, values) ? {} : { webhook: webhookInputOf(values), groups: values.groups },
      errors: webhookFormProblems(values),
    }),
    save: async ({ webhook: input, groups: picked = [] }) => {
      if (!input) return null;
      const { data } = await updateWebhook({ variables: { id: webhook.id, input } });
      if (!data) return null;
      // The names of the groups kept come from the form; the server answers with ids only.
      const saved = data.updateWebhook;
      return {
        url: saved.url,
        description: saved.description,
        eventTypes: [...saved.eventTypes],
        groups: saved.groupIds.map((id) => picked.find((group) => group.id === id) ?? { id, label: id }),
        enabled: saved.enabled,
      };
    },
    problemOf: (error) => readProblem(error, { fields: WEBHOOK_FIELDS }),
    savedMessage: 'Webhook saved.',
  });
  const { values, set, fieldError, problem, dirty, saving } = form;

  return (
    <form onSubmit={form.submit} noValidate aria-label="Webhook settings">
      <Stack gap="sm">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <WebhookFields values={values} set={set} errorOf={fieldError} disabled={saving} />
        <Group gap="sm" mt="xs">
          <Button type="submit" loading={saving} disabled={!dirty}>
            Save webhook
          </Button>
          {dirty ? (
            <Button variant="default" onClick={form.discard} disabled={saving}>
              Discard changes
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
