import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { problemMessage } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import type { DeleteGroupCard_GroupFragment } from '../../gql/graphql';
import { useDeleteGroup } from './use-delete-group';

export const DeleteGroupCardFragment = graphql(`
  fragment DeleteGroupCard_group on Group {
    id
    name
    builtIn
    memberCount
    viewerCan {
      delete
    }
  }
`);

export interface DeleteGroupCardProps {
  group: FragmentType<typeof DeleteGroupCardFragment>;
  /** Where to go once the group is gone. */
  afterDelete: string;
}

/** Deleting a group, confirmed by typing its name. Offered only when `viewerCan.delete`. */
export function DeleteGroupCard({ group, ...rest }: DeleteGroupCardProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: DeleteGroupCardFragment, fragmentName: 'DeleteGroupCard_group', from: group }),
  );
  return data ? <DeleteGroupCardView {...rest} group={data} /> : null;
}

interface DeleteGroupCardViewProps extends Omit<DeleteGroupCardProps, 'group'> {
  group: DeleteGroupCard_GroupFragment;
}

function DeleteGroupCardView({ group, afterDelete }: DeleteGroupCardViewProps) {
  const [deleteGroup, { loading }] = useDeleteGroup();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setOpened(false);
    setTyped('');
  };

  const confirm = async () => {
    setFailure(null);
    try {
      await deleteGroup({ variables: { id: group.id } });
      notifySuccess(`Deleted the group ${group.name}.`);
      close();
      await navigate(afterDelete, { replace: true });
    } catch (error) {
      close();
      setFailure(problemMessage(error));
    }
  };

  return (
    <SectionCard
      title="Delete group"
      description={
        group.builtIn
          ? 'Built-in groups cannot be deleted.'
          : 'Its memberships end (each one audited) and its resource grants go. This cannot be undone.'
      }
    >
      <Stack gap="sm">
        {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
        <Button color="red" variant="light" w="fit-content" disabled={!group.viewerCan.delete} onClick={() => setOpened(true)}>
          Delete this group
        </Button>
      </Stack>
      <ConfirmDialog
        opened={opened}
        title={`Delete ${group.name}?`}
        confirmLabel="Delete group"
        danger
        loading={loading}
        confirmDisabled={typed.trim() !== group.name}
        onConfirm={() => void confirm()}
        onClose={close}
      >
        <Stack gap="sm">
          <Text size="sm">
            {group.memberCount === 1 ? 'Its one member loses' : `Its ${group.memberCount} members lose`} the membership
            and whatever it carried. This cannot be undone.
          </Text>
          <TextInput
            label={`Type “${group.name}” to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            disabled={loading}
          />
        </Stack>
      </ConfirmDialog>
    </SectionCard>
  );
}
