import { Badge, Button, Code, Table, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyMessage } from '../../components/EmptyMessage';
import { formatDate, formatDateTime, formatExpiry } from '../../components/format-date';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { ScrollTable } from '../../components/ScrollTable';
import type { ApiTokensCard_UserFragment } from '../../gql/graphql';
import { useRevokeApiToken } from './use-revoke-api-token';

type Token = ApiTokensCard_UserFragment['apiTokens'][number];

export interface ApiTokensTableProps {
  ownerId: string;
  tokens: readonly Token[];
}

function TokenStatus({ token }: { token: Token }) {
  if (token.active) return <Badge color="green" variant="light">Active</Badge>;
  if (token.revokedAt) return <Badge color="gray" variant="light">Revoked {formatDate(token.revokedAt)}</Badge>;
  return <Badge color="orange" variant="light">Expired</Badge>;
}

/** Tokens newest first, with revoke for the active ones. */
export function ApiTokensTable({ ownerId, tokens }: ApiTokensTableProps) {
  const [revoke, { loading }] = useRevokeApiToken(ownerId);
  const [confirming, setConfirming] = useState<Token | null>(null);

  if (tokens.length === 0) {
    return <EmptyMessage title="No API tokens">Create one for scripts and integrations that call the API.</EmptyMessage>;
  }

  const confirmRevoke = async () => {
    if (!confirming) return;
    try {
      await revoke({ variables: { id: confirming.id } });
      notifySuccess(`Revoked the token “${confirming.name}”.`);
    } catch (error) {
      notifyFailure(problemMessage(error));
    } finally {
      setConfirming(null);
    }
  };

  return (
    <>
      <ScrollTable label="Token list" minWidth={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Token</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>{formatDate(token.createdAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Table.Td>
              <Table.Td>{token.expiresAt ? formatExpiry(token.expiresAt) : 'Never'}</Table.Td>
              <Table.Td>
                <TokenStatus token={token} />
              </Table.Td>
              <Table.Td ta="right">
                {token.active ? (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => setConfirming(token)}
                    aria-label={`Revoke ${token.name}`}
                  >
                    Revoke
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <ConfirmDialog
        opened={confirming !== null}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        danger
        loading={loading}
        onConfirm={() => void confirmRevoke()}
        onClose={() => setConfirming(null)}
      >
        {`“${confirming?.name ?? ''}” stops working on the very next request. Anything still using it will be refused.`}
      </ConfirmDialog>
    </>
  );
}
