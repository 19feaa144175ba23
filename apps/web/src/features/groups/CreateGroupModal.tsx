import { LIMITS } from '@gatehouse/shared';
import { Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { GROUP_FLAGS } from './group-settings';
import { useCreateGroup } from './use-create-group';

const FIELDS = ['name', 'description', 'internal'] as const;
const INTERNAL = GROUP_FLAGS.find((flag) => flag.key === 'internal');

export interface CreateGroupModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Name, description and whether it is internal; the group's page sets everything else. */
export function CreateGroupModal({ opened, onClose }: CreateGroupModalProps) {
  const [createGroup, { loading }] = useCreateGroup();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [internal, setInternal] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);

  const close = () => {
    setName('');
    setDescription('');
    setInternal(true);
    setProblem(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const { data } = await createGroup({ variables: { input: { name: name.trim(), description, internal } } });
      if (!data) return;
      notifySuccess(`Created the group ${data.createGroup.name}.`);
      close();
      await navigate(`/admin/groups/${data.createGroup.id}`);
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="New group" size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          <TextInput
            label="Name"
            description="Unique, whatever the capitals."
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problem?.fields['name']}
            maxLength={LIMITS.groupNameMax}
            disabled={loading}
            data-autofocus
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            maxRows={6}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={problem?.fields['description']}
            maxLength={LIMITS.groupDescriptionMax}
            disabled={loading}
          />
          <Switch
            label="Internal"
            description={`${INTERNAL?.explanation ?? ''} Turn it off for a self-service group.`}
            checked={internal}
            onChange={(event) => setInternal(event.currentTarget.checked)}
            error={problem?.fields['internal']}
            disabled={loading}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create group
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
