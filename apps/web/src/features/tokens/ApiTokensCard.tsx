import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import type { ApiTokensCard_UserFragment } from '../../gql/graphql';
import { ApiTokensTable } from './ApiTokensTable';
import { CreateTokenForm } from './CreateTokenForm';
import { TokenSecret } from './TokenSecret';

export const ApiTokensCardFragment = graphql(`
  fragment ApiTokensCard_user on User {
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
  user: FragmentType<typeof ApiTokensCardFragment>;
  description: string;
  /** Offer "Create token" (your own tokens; an admin for a service account). */
  canCreate: boolean;
  /** Pass the owner's id to the API (an admin minting for a service account). */
  mintForOwner?: boolean;
}

/** A user's API tokens: list, create (secret shown once), revoke. */
export function ApiTokensCard({ user, ...rest }: ApiTokensCardProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: ApiTokensCardFragment, fragmentName: 'ApiTokensCard_user', from: user }),
  );
  return data ? <ApiTokensCardView {...rest} user={data} /> : null;
}

interface ApiTokensCardViewProps extends Omit<ApiTokensCardProps, 'user'> {
  user: ApiTokensCard_UserFragment;
}

function ApiTokensCardView({ user, description, canCreate, mintForOwner = false }: ApiTokensCardViewProps) {
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
