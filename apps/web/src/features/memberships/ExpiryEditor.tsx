import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { expiryDayOf, expiryOfDay, formatExpiry, todayInputValue } from '../../components/dates';

export interface ExpiryEditorProps {
  /** The current expiry (an instant), or null: never expires. */
  expiresAt: string | null | undefined;
  /** Whose expiry, for labels: "Ann Lee", "Platform team". */
  subject: string;
  /** Offer "Change" (the server's answer: `viewerCan.changeExpiry`, or editing a resource's access). */
  canEdit: boolean;
  /** What "no expiry" is called here ("Never", "No expiry"). */
  neverLabel?: string;
  /** Mark an expiry already past (grants stay listed after they lapse). */
  expired?: boolean;
  /** Saves the new expiry (an instant; null clears it). Rejects with a message to show on failure. */
  onSave: (expiresAt: string | null) => Promise<void>;
}

/**
 * An expiry shown inline, with an editor in place (SPEC §20): pick a day — meaning the end of that
 * day in your time zone (components/dates) — or clear it. Used by the member list and the grants
 * table; what saving does is the caller's.
 */
export function ExpiryEditor({ expiresAt, subject, canEdit, neverLabel = 'Never', expired = false, onSave }: ExpiryEditorProps) {
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = () => {
    setDay(expiryDayOf(expiresAt) ?? '');
    setError(null);
    setEditing(true);
  };

  const save = async (value: string | null) => {
    setError(null);
    setSaving(true);
    try {
      await onSave(value);
      setEditing(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const instant = expiryOfDay(day);
    if (!instant) {
      setError('Pick a day, or choose “No expiry”.');
      return;
    }
    void save(instant);
  };

  if (!editing) {
    return (
      <Group gap={6} wrap="nowrap">
        <Text size="sm" c={expired ? 'orange.8' : undefined}>
          {expiresAt ? formatExpiry(expiresAt) : neverLabel}
          {expiresAt && expired ? ' (expired)' : ''}
        </Text>
        {canEdit ? (
          <Button size="compact-xs" variant="subtle" onClick={open} aria-label={`Change the expiry of ${subject}`}>
            Change
          </Button>
        ) : null}
      </Group>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Expiry of ${subject}`}>
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            type="date"
            size="xs"
            aria-label={`New expiry of ${subject}`}
            min={todayInputValue()}
            value={day}
            onChange={(event) => setDay(event.currentTarget.value)}
            error={error}
            disabled={saving}
            data-autofocus
            w={150}
          />
          <Button type="submit" size="xs" loading={saving}>
            Save
          </Button>
          <Button size="xs" variant="default" disabled={saving} onClick={() => void save(null)}>
            No expiry
          </Button>
          <Button size="xs" variant="subtle" disabled={saving} onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Ends at the end of the day you pick, in your time zone.
        </Text>
      </Stack>
    </form>
  );
}
