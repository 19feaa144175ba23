import { Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useCreateResource } from './use-create-resource';

const FIELDS = ['kind', 'name', 'description', 'externalId', 'visibility'] as const;

// The server's own rules (resources.service.ts), repeated only as hints and input limits.
const KIND_MAX = 40;
const NAME_MAX = 200;
const DESCRIPTION_MAX = 2_000;
const EXTERNAL_ID_MAX = 200;

export interface RegisterResourceModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Registers a resource you will own (resources.create), then opens its page. */
export function RegisterResourceModal({ opened, onClose }: RegisterResourceModalProps) {
  const [createResource, { loading }] = useCreateResource();
  const navigate = useNavigate();
  const [kind, setKind] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [externalId, setExternalId] = useState('');
  const [isPublic, setIsPublic] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const close = () => {
    setKind('');
    setName('');
    setDescription('');
    setExternalId('');
    setIsPublic(false);
    setProblem(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const { data } = await createResource({
        variables: {
          input: {
            kind: kind.trim(),
            name: name.trim(),
            description: description.trim(),
            externalId: externalId.trim() || null,
            visibility: isPublic ? 'PUBLIC' : 'PRIVATE',
          },
        },
      });
      notifySuccess(`Registered ${name.trim()}.`);
      close();
      if (data) await navigate(`/resources/${data.createResource.id}`);
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Register resource" size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          <TextInput
            label="Kind"
            description="A lowercase slug such as model, knowledge, tool or document."
            required
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value)}
            error={problem?.fields['kind']}
            maxLength={KIND_MAX}
            disabled={loading}
            data-autofocus
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problem?.fields['name']}
            maxLength={NAME_MAX}
            disabled={loading}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={problem?.fields['description']}
            maxLength={DESCRIPTION_MAX}
            disabled={loading}
          />
          <TextInput
            label="External id (optional)"
            description="The id the owning application uses; unique per kind, so it can look the resource up."
            value={externalId}
            onChange={(event) => setExternalId(event.currentTarget.value)}
            error={problem?.fields['externalId']}
            maxLength={EXTERNAL_ID_MAX}
            disabled={loading}
          />
          <Switch
            label="Public"
            description="Every active user may read it. Otherwise only you, admins and those you share it with."
            checked={isPublic}
            onChange={(event) => setIsPublic(event.currentTarget.checked)}
            error={problem?.fields['visibility']}
            disabled={loading}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Register
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
