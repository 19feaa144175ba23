import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { notifyFailure } from '../../components/notify';
import { useCreateScimToken } from './use-create-scim-token';

export interface CreateScimTokenButtonProps {
  onCreated: (created: { name: string; secret: string }) => void;
}

/** Names and makes a provisioning token (the SCIM service account is made on first use). */
export function CreateScimTokenButton({ onCreated }: CreateScimTokenButtonProps) {
  const [name, setName] = useState('');
  const [create, { loading }] = useCreateScimToken();
  const submit = async () => {
    try {
      const result = await create({ variables: { name: name.trim() || null } });
      const token = result.data?.createScimToken.token;
      if (token) onCreated({ name: name.trim() || 'Identity provider', secret: token });
      setName('');
    } catch (error) {
      notifyFailure(problemMessage(error));
    }
  };
  return (
    <Group align="flex-end" gap="sm">
      <TextInput label="Token name" placeholder="Identity provider" value={name} maxLength={100} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1, maxWidth: 360 }} />
      <Button onClick={() => void submit()} loading={loading}>
        Create provisioning token
      </Button>
    </Group>
  );
}
