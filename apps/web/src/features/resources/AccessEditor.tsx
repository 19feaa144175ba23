import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { problemMessage, readProblem } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import type { AccessEditor_ResourceFragment } from '../../gql/graphql';
import { AddGrantForm } from './AddGrantForm';
import { GrantsTable, principalLabel, type GrantRow } from './GrantsTable';
import type { GrantLevel } from './level-options';
import { shareProblemText } from './share-problem';
import { useGrantAccess } from './use-grant-access';
import { useRevokeAccess } from './use-revoke-access';
import { useSetResourceAccess } from './use-set-resource-access';

export const AccessEditorFragment = graphql(`
  fragment AccessEditor_resource on Resource {
    id
    name
    visibility
    grants {
      id
      level
      createdAt
      expiresAt
      user {
        id
        displayName
        email
      }
      group {
        id
        name
      }
      grantedBy {
        id
        displayName
      }
    }
  }
`);

/** The whole list in `setResourceAccess`'s shape, as it stands (grants that stay keep their expiry). */
function accessListOf(grants: readonly GrantRow[]) {
  const ids = (level: GrantLevel) => ({
    userIds: grants.flatMap((grant) => (grant.level === level && grant.user ? [grant.user.id] : [])),
    groupIds: grants.flatMap((grant) => (grant.level === level && grant.group ? [grant.group.id] : [])),
  });
  return { read: ids('READ'), write: ids('WRITE') };
}

/** An expiry worth keeping when the level changes (a past one would be refused). */
function futureExpiry(grant: GrantRow): string | null {
  return grant.expiresAt && new Date(grant.expiresAt).getTime() > Date.now() ? grant.expiresAt : null;
}

export interface AccessEditorProps {
  resource: FragmentType<typeof AccessEditorFragment>;
}

/** Visibility and the access list, for the resource's editors (owner, admins, WRITE holders). */
export function AccessEditor({ resource, ...rest }: AccessEditorProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: AccessEditorFragment, fragmentName: 'AccessEditor_resource', from: resource }),
  );
  return data ? <AccessEditorView {...rest} resource={data} /> : null;
}

interface AccessEditorViewProps extends Omit<AccessEditorProps, 'resource'> {
  resource: AccessEditor_ResourceFragment;
}

function AccessEditorView({ resource }: AccessEditorViewProps) {
  const [setAccess, { loading: savingVisibility }] = useSetResourceAccess();
  const [grantAccess] = useGrantAccess();
  const [revokeAccess, { loading: revoking }] = useRevokeAccess(resource.id);
  const [busyGrantId, setBusyGrantId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<GrantRow | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const setVisibility = async (isPublic: boolean) => {
    setFailure(null);
    try {
      await setAccess({
        variables: {
          resourceId: resource.id,
          input: { visibility: isPublic ? 'PUBLIC' : 'PRIVATE', ...accessListOf(resource.grants) },
        },
      });
      notifySuccess(isPublic ? 'Every active user may now read it.' : 'Only the access list below reaches it now.');
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };

  const changeLevel = async (grant: GrantRow, level: GrantLevel) => {
    setFailure(null);
    setBusyGrantId(grant.id);
    try {
      await grantAccess({
        variables: {
          resourceId: resource.id,
          level,
          userId: grant.user?.id ?? null,
          groupId: grant.group?.id ?? null,
          expiresAt: futureExpiry(grant),
        },
      });
      notifySuccess(`${principalLabel(grant)} now has ${level === 'WRITE' ? 'write' : 'read'} access.`);
    } catch (error) {
      setFailure(shareProblemText(readProblem(error)));
    } finally {
      setBusyGrantId(null);
    }
  };

  const remove = async () => {
    if (!removing) return;
    try {
      await revokeAccess({ variables: { grantId: removing.id } });
      notifySuccess(`Removed the access of ${principalLabel(removing)}.`);
    } catch (error) {
      notifyFailure(problemMessage(error));
    } finally {
      setRemoving(null);
    }
  };

  return (
    <SectionCard
      title="Access"
      description="Who may read or write it besides its owner and administrators. Write includes read; someone reached several ways gets the highest level."
    >
      <Stack gap="md">
        {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
        <Switch
          label="Public"
          description="Every active user may read it. Grants below still decide who may write."
          checked={resource.visibility === 'PUBLIC'}
          onChange={(event) => void setVisibility(event.currentTarget.checked)}
          disabled={savingVisibility}
        />
        {resource.grants.length === 0 ? (
          <EmptyMessage title="Not shared with anyone">Share it with people or groups below.</EmptyMessage>
        ) : (
          <GrantsTable
            grants={resource.grants}
            resourceId={resource.id}
            busyGrantId={busyGrantId}
            onChangeLevel={(grant, level) => void changeLevel(grant, level)}
            onRemove={setRemoving}
          />
        )}
        <AddGrantForm resourceId={resource.id} />
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={removing ? `Remove the access of ${principalLabel(removing)}?` : 'Remove access?'}
        confirmLabel="Remove access"
        danger
        loading={revoking}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        {removing?.group
          ? `Members of ${removing.group.name} lose what this grant gave them on their next request, unless another path still reaches it.`
          : 'They lose what this grant gave them on their next request, unless another path still reaches it.'}
      </ConfirmDialog>
    </SectionCard>
  );
}
