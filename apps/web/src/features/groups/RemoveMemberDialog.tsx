import { LIMITS } from '@gatehouse/shared';
import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { useRemoveGroupMembers } from './use-remove-group-members';
import { lengthLimit } from '../../components/length-limit';

export interface RemoveMemberDialogProps {
  groupId: string;
  groupName: string;
  /** The member to remove; null closes the dialog. */
  member: { id: string; displayName: string } | null;
  onClose: () => void;
}

/** Confirms removing one member, with an optional reason they are told. */
export function RemoveMemberDialog({ groupId, groupName, member, onClose }: RemoveMemberDialogProps) {
  const [removeMembers, { loading }] = useRemoveGroupMembers(groupId);
  const [reason, setReason] = useState('');

  const close = () => {
    setReason('');
    onClose();
  };

  const confirm = async () => {
    if (!member) return;
    try {
      const { data } = await removeMembers({
        variables: { groupId, userIds: [member.id], reason: reason.trim() || null },
      });
      notifySuccess(
        data?.removeGroupMembers ? `Removed ${member.displayName} from ${groupName}.` : `${member.displayName} was not a member any more.`,
      );
    } catch (error) {
      notifyFailure(problemMessage(error));
    } finally {
      close();
    }
  };

  return (
    <ConfirmDialog
      opened={member !== null}
      title={`Remove ${member?.displayName ?? ''}?`}
      confirmLabel="Remove member"
      danger
      loading={loading}
      onConfirm={() => void confirm()}
      onClose={close}
    >
      <Stack gap="sm">
        <Text size="sm">They lose the membership of {groupName} and whatever it carried, and are notified.</Text>
        <Textarea
          label="Reason (optional)"
          {...lengthLimit(reason, LIMITS.reasonMax, 'Shown to them and kept in the audit log.')}
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          disabled={loading}
        />
      </Stack>
    </ConfirmDialog>
  );
}
