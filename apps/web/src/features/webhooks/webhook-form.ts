import type { WebhookInput } from '../../gql/graphql';
import type { PickedGroup } from '../groups/GroupPicker';

/** What the create and edit forms hold (groups with their names, for the picker). */
export interface WebhookFormValues {
  url: string;
  description: string;
  eventTypes: string[];
  groups: PickedGroup[];
  enabled: boolean;
}

/** The form's fields, as the server names them in validation details. */
export const WEBHOOK_FIELDS = ['url', 'description', 'eventTypes', 'groupIds', 'enabled'] as const;

export const EMPTY_WEBHOOK: WebhookFormValues = { url: '', description: '', eventTypes: [], groups: [], enabled: true };

export function webhookInputOf(values: WebhookFormValues): WebhookInput {
  return {
    url: values.url.trim(),
    description: values.description.trim(),
    eventTypes: values.eventTypes,
    groupIds: values.groups.map((group) => group.id),
    enabled: values.enabled,
  };
}

/**
 * What the form itself can tell before sending: a URL is needed and must be http(s). The server
 * checks everything again (and says so beside the same fields).
 */
export function webhookFormProblems(values: WebhookFormValues): Record<string, string> {
  const url = values.url.trim();
  if (!url) return { url: 'Enter the address deliveries are posted to.' };
  if (!/^https?:\/\/\S+$/i.test(url)) return { url: 'The URL must start with https:// (or http://).' };
  return {};
}

/** Whether two sets of values would save the same webhook (order of filters does not matter). */
export function sameWebhook(a: WebhookFormValues, b: WebhookFormValues): boolean {
  const x = webhookInputOf(a);
  const y = webhookInputOf(b);
  const sameSet = (p: readonly (string | number)[] | null | undefined, q: readonly (string | number)[] | null | undefined) =>
    (p ?? []).map(String).sort().join('\n') === (q ?? []).map(String).sort().join('\n');
  return (
    x.url === y.url &&
    x.description === y.description &&
    x.enabled === y.enabled &&
    sameSet(x.eventTypes, y.eventTypes) &&
    sameSet(x.groupIds, y.groupIds)
  );
}
