import { LIMITS } from '@gatehouse/shared';
import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface DecideDialogProps {
  /** What is being decided; null closes the dialog. */
  decision: { approve: boolean; what: string } | null;
  loading: boolean;
  /** A failure to show inside the dialog (it stays open). */
  error: string | null;
  onConfirm: (comment: string | null) => void;
  onClose: () => void;
}

/** Approve or reject, with one optional comment the requesters are told. Key it per decision to start empty. */
export function DecideDialog({ decision, loading, error, onConfirm, onClose }: DecideDialogProps) {
  const [comment, setComment] = useState('');
  const close = () => {
    setComment('');
    onClose();
  };
  const approve = decision?.approve ?? true;
  return (
    <ConfirmDialog
      opened={decision !== null}
      title={`${approve ? 'Approve' : 'Reject'} ${decision?.what ?? ''}`}
      confirmLabel={approve ? 'Approve' : 'Reject'}
      danger={!approve}
      loading={loading}
      onClose={close}
      onConfirm={() => onConfirm(comment.trim() || null)}
    >
      <Stack gap="sm">
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <Text size="sm">
          {approve
            ? 'Join requests make the requester a member; leave requests end the membership. Joins are checked again now.'
            : 'Nothing changes for the requester’s membership.'}{' '}
          They are notified with your comment.
        </Text>
        <Textarea
          label="Comment (optional)"
          description="Shown to the requester and kept with the request."
          autosize
          minRows={2}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          maxLength={LIMITS.reasonMax}
          disabled={loading}
        />
      </Stack>
    </ConfirmDialog>
  );
}
