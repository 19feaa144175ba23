import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { graphql } from '../../gql';
import type { ResourceDetailsForm_ResourceFragment } from '../../gql/graphql';
import { useUpdateResource } from './use-update-resource';

export const ResourceDetailsFormFragment = graphql(`
  fragment ResourceDetailsForm_resource on Resource {
    id
    name
    description
  }
`);

const FIELDS = ['name', 'description'] as const;

export interface ResourceDetailsFormProps {
  resource: FragmentType<typeof ResourceDetailsFormFragment>;
}

/** Name and description, for those who may write the resource. */
export function ResourceDetailsForm({ resource, ...rest }: ResourceDetailsFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: ResourceDetailsFormFragment, fragmentName: 'ResourceDetailsForm_resource', from: resource }),
  );
  return data ? <ResourceDetailsFormView {...rest} resource={data} /> : null;
}

interface ResourceDetailsFormViewProps extends Omit<ResourceDetailsFormProps, 'resource'> {
  resource: ResourceDetailsForm_ResourceFragment;
}

function ResourceDetailsFormView({ resource }: ResourceDetailsFormViewProps) {
  const [updateResource, { loading }] = useUpdateResource();
  const [name, setName] = useState(resource.name);
  const [description, setDescription] = useState(resource.description);
  const [problem, setProblem] = useState<Problem | null>(null);
  const changes = {
    ...(name.trim() !== resource.name ? { name: name.trim() } : {}),
    ...(description.trim() !== resource.description ? { description: description.trim() } : {}),
  };
  const unchanged = Object.keys(changes).length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (unchanged) return;
    setProblem(null);
    try {
      const { data } = await updateResource({ variables: { id: resource.id, input: changes } });
      if (data) {
        setName(data.updateResource.name);
        setDescription(data.updateResource.description);
      }
      notifySuccess('Saved.');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Name and description">
      <Stack gap="sm" maw={640}>
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={problem?.fields['name']}
          maxLength={200}
          disabled={loading}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={problem?.fields['description']}
          maxLength={2_000}
          disabled={loading}
        />
        <Group>
          <Button type="submit" loading={loading} disabled={unchanged}>
            Save name and description
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
