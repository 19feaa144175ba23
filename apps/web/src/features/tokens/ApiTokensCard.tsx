import { Stack } from '@mantine/core';
import { useState } from 'react';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import type { ApiTokens_UserFragment } from '../../gql/graphql';
import { ApiTokensTable } from './ApiTokensTable';
import { CreateTokenForm } from './CreateTokenForm';
import { TokenSecret } from './TokenSecret';

export const ApiTokensFragment = graphql(`
  fragment ApiTokens_user on User {
    id
    apiTokens {
      id
      name
      prefix
      createdAt
      lastUsedAt
      expiresAt
      revokedAt
      active
    }
  }
`);

export interface ApiTokensCardProps {
  user: ApiTokens_UserFragment;
  description: string;
  /** Offer "Create token" (your own tokens; an admin for a service account). */
  canCreate: boolean;
  /** Pass the owner's id to the API (an admin minting for a service account). */
  mintForOwner?: boolean;
}

/** A user's API tokens: list, create (secret shown once), revoke. */
export function ApiTokensCard({ user, description, canCreate, mintForOwner = false }: ApiTokensCardProps) {
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  return (
    <SectionCard title="API tokens" description={description}>
      <Stack gap="md">
        {created ? <TokenSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} /> : null}
        {canCreate ? (
          <CreateTokenForm ownerId={user.id} forUserId={mintForOwner ? user.id : undefined} onCreated={setCreated} />
        ) : null}
        <ApiTokensTable ownerId={user.id} tokens={user.apiTokens} />
      </Stack>
    </SectionCard>
  );
}
