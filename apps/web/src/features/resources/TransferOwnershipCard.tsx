import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { UserPicker, type PickedUser } from '../users/UserPicker';
import { useTransferResourceOwnership } from './use-transfer-resource-ownership';

export interface TransferOwnershipCardProps {
  resourceId: string;
  resourceName: string;
  ownerName: string | null;
  /** The reader owns it (and is not an admin): they may lose write access with it. */
  viewerIsOwner: boolean;
}

/** Gives the resource to another active user (owner and admins). */
export function TransferOwnershipCard({ resourceId, resourceName, ownerName, viewerIsOwner }: TransferOwnershipCardProps) {
  const [transfer, { loading }] = useTransferResourceOwnership();
  const [picked, setPicked] = useState<PickedUser[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const target = picked[0] ?? null;

  const confirm = async () => {
    if (!target) return;
    setFailure(null);
    try {
      await transfer({ variables: { resourceId, userId: target.id } });
      notifySuccess(`${target.label} now owns ${resourceName}.`);
      setPicked([]);
    } catch (error) {
      setFailure(problemMessage(error));
    } finally {
      setConfirming(false);
    }
  };

  return (
    <SectionCard
      title="Owner"
      description={`Owned by ${ownerName ?? 'nobody'}. The owner always writes it, and with administrators is the only one who may delete it or give it away.`}
    >
      <Stack gap="sm">
        {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 20rem' }}>
            <UserPicker
              label="New owner"
              placeholder="Search an active user by name or email"
              // One owner: a new pick replaces the previous one.
              value={picked}
              onChange={(users) => setPicked(users.slice(-1))}
              disabled={loading}
            />
          </div>
          <Button variant="default" disabled={!target} onClick={() => setConfirming(true)}>
            Transfer ownership
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={`Give ${resourceName} to ${target?.label ?? 'someone else'}?`}
        confirmLabel="Transfer ownership"
        loading={loading}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">
          {viewerIsOwner
            ? 'You stop being its owner. Unless a grant or a group gives you access, you lose it.'
            : 'The current owner stops being its owner and keeps only what grants give them.'}
        </Text>
      </ConfirmDialog>
    </SectionCard>
  );
}
