import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { useDeleteResource } from './use-delete-resource';

export interface DeleteResourceCardProps {
  resourceId: string;
  resourceName: string;
  /** Where to go once it is gone. */
  afterDelete: string;
}

/** Deleting a resource and its grants (owner and admins), confirmed. */
export function DeleteResourceCard({ resourceId, resourceName, afterDelete }: DeleteResourceCardProps) {
  const [deleteResource, { loading }] = useDeleteResource();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const confirm = async () => {
    setFailure(null);
    try {
      await deleteResource({ variables: { id: resourceId } });
      notifySuccess(`Deleted ${resourceName}.`);
      setOpened(false);
      await navigate(afterDelete, { replace: true });
    } catch (error) {
      setOpened(false);
      setFailure(problemMessage(error));
    }
  };

  return (
    <SectionCard title="Delete resource" description="Its grants go with it; applications asking about it get no access. This cannot be undone.">
      <Stack gap="sm">
        {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
        <Button color="red" variant="light" w="fit-content" onClick={() => setOpened(true)}>
          Delete this resource
        </Button>
      </Stack>
      <ConfirmDialog
        opened={opened}
        title={`Delete ${resourceName}?`}
        confirmLabel="Delete resource"
        danger
        loading={loading}
        onConfirm={() => void confirm()}
        onClose={() => setOpened(false)}
      >
        <Text size="sm">Everyone who reaches it only through its grants or visibility loses it at once.</Text>
      </ConfirmDialog>
    </SectionCard>
  );
}
