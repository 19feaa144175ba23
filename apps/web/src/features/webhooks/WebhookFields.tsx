import { MultiSelect, Switch, Textarea, TextInput } from '@mantine/core';
import { GroupPicker } from '../groups/GroupPicker';
import { eventTypeOptions } from './event-types';
import type { WebhookFormValues } from './webhook-form';

export interface WebhookFieldsProps {
  values: WebhookFormValues;
  set: <K extends keyof WebhookFormValues>(key: K, value: WebhookFormValues[K]) => void;
  /** A field's message (the form's own check, then the server's), by the API's field name. */
  errorOf: (field: string) => string | undefined;
  disabled?: boolean;
  /** Focus the URL when the form opens (a dialog). */
  autoFocus?: boolean;
}

/** URL, description, filters and enabled: the same fields to create an endpoint and to edit one. */
export function WebhookFields({ values, set, errorOf, disabled = false, autoFocus = false }: WebhookFieldsProps) {
  return (
    <>
      <TextInput
        label="URL"
        description="Deliveries are POSTed here. Redirects are not followed."
        placeholder="https://hooks.example.com/gatehouse"
        type="url"
        required
        value={values.url}
        onChange={(event) => set('url', event.currentTarget.value)}
        error={errorOf('url')}
        maxLength={2000}
        disabled={disabled}
        data-autofocus={autoFocus || undefined}
      />
      <Textarea
        label="Description"
        description="What receives these events, so others can tell."
        autosize
        minRows={1}
        maxRows={4}
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={errorOf('description')}
        maxLength={500}
        disabled={disabled}
      />
      <MultiSelect
        label="Event types"
        description="Only these are sent; leave empty for every event."
        placeholder={values.eventTypes.length === 0 ? 'All events' : undefined}
        data={eventTypeOptions(values.eventTypes)}
        value={values.eventTypes}
        onChange={(types) => set('eventTypes', types)}
        error={errorOf('eventTypes')}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage="No event type matches"
        disabled={disabled}
      />
      <GroupPicker
        label="Groups"
        description="Only events naming one of these groups; leave empty for all."
        value={values.groups}
        onChange={(groups) => set('groups', groups)}
        error={errorOf('groupIds')}
        disabled={disabled}
      />
      <Switch
        label="Enabled"
        description="While off, nothing is sent to this endpoint."
        checked={values.enabled}
        onChange={(event) => set('enabled', event.currentTarget.checked)}
        error={errorOf('enabled')}
        disabled={disabled}
      />
    </>
  );
}
