import { LIMITS } from '@gatehouse/shared';
import { Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { expiryOfDay, todayInputValue } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { RequestKind } from '../../gql/graphql';
import { lengthLimit } from '../../components/length-limit';

export interface DecideDialogProps {
  /** What is being decided; null closes the dialog. */
  decision: { approve: boolean; what: string; kind?: RequestKind | null } | null;
  loading: boolean;
  /** A failure to show inside the dialog (it stays open). */
  error: string | null;
  /** `expiresAt`: approving one join, when the membership ends (the end of the picked day; null: never). */
  onConfirm: (comment: string | null, expiresAt: string | null) => void;
  onClose: () => void;
}

/** Approve or reject, with one optional comment the requesters are told. Key it per decision to start empty. */
export function DecideDialog({ decision, loading, error, onConfirm, onClose }: DecideDialogProps) {
  const [comment, setComment] = useState('');
  const [until, setUntil] = useState('');
  const [untilError, setUntilError] = useState<string | null>(null);
  const close = () => {
    setComment('');
    setUntil('');
    setUntilError(null);
    onClose();
  };
  const approve = decision?.approve ?? true;
  // Approving one join may give the membership an end (SPEC §20); an extension sets the asked one.
  const withExpiry = approve && decision?.kind === 'JOIN';
  const confirm = () => {
    const expiresAt = withExpiry && until ? expiryOfDay(until) : null;
    if (withExpiry && until && !expiresAt) {
      setUntilError('Pick a day, or leave it empty for a membership that does not expire.');
      return;
    }
    onConfirm(comment.trim() || null, expiresAt);
  };
  return (
    <ConfirmDialog
      opened={decision !== null}
      title={`${approve ? 'Approve' : 'Reject'} ${decision?.what ?? ''}`}
      confirmLabel={approve ? 'Approve' : 'Reject'}
      danger={!approve}
      loading={loading}
      onClose={close}
      onConfirm={confirm}
    >
      <Stack gap="sm">
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <Text size="sm">
          {approve
            ? 'Join requests make the requester a member; leave requests end the membership; extensions set the expiry asked for. Joins are checked again now.'
            : 'Nothing changes for the requester’s membership.'}{' '}
          They are notified with your comment.
        </Text>
        {withExpiry ? (
          <TextInput
            type="date"
            label="Membership ends (optional)"
            description="The membership ends at the end of this day (your time zone). Empty: it does not expire."
            min={todayInputValue()}
            value={until}
            onChange={(event) => setUntil(event.currentTarget.value)}
            error={untilError}
            disabled={loading}
          />
        ) : null}
        <Textarea
          label="Comment (optional)"
          {...lengthLimit(comment, LIMITS.reasonMax, 'Shown to the requester and kept with the request.')}
          autosize
          minRows={2}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          disabled={loading}
        />
      </Stack>
    </ConfirmDialog>
  );
}
