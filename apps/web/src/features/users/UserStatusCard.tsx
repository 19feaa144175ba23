import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { problemMessage } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import type { UpdateUserInput, UserStatusCard_UserFragment } from '../../gql/graphql';
import { useUpdateUser } from './use-update-user';

export const UserStatusCardFragment = graphql(`
  fragment UserStatusCard_user on User {
    id
    displayName
    kind
    isActive
    isAdmin
    viewerCan {
      setActive
      setAdmin
    }
  }
`);

interface StatusChange {
  title: string;
  body: string;
  confirmLabel: string;
  danger: boolean;
  input: UpdateUserInput;
  done: string;
}

export interface UserStatusCardProps {
  user: FragmentType<typeof UserStatusCardFragment>;
}

/** Activate / deactivate and make / unmake administrator, each confirmed with its consequence. */
export function UserStatusCard({ user, ...rest }: UserStatusCardProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: UserStatusCardFragment, fragmentName: 'UserStatusCard_user', from: user }),
  );
  return data ? <UserStatusCardView {...rest} user={data} /> : null;
}

interface UserStatusCardViewProps extends Omit<UserStatusCardProps, 'user'> {
  user: UserStatusCard_UserFragment;
}

function UserStatusCardView({ user }: UserStatusCardViewProps) {
  const [updateUser, { loading }] = useUpdateUser();
  const [pending, setPending] = useState<StatusChange | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const name = user.displayName;

  const activeChange: StatusChange = user.isActive
    ? {
        title: `Deactivate ${name}?`,
        body: 'Their sessions and API tokens stop working at once and they hold no permissions while deactivated. Losing groups.request also applies the permission-loss policy (by default they leave every group that is not public, Member included); reactivating does not bring those memberships back.',
        confirmLabel: 'Deactivate',
        danger: true,
        input: { isActive: false },
        done: `${name} is deactivated.`,
      }
    : {
        title: `Reactivate ${name}?`,
        body: 'They can sign in again and hold the permissions of their direct grants and current groups. Groups they left when deactivated are not rejoined; add them again if needed.',
        confirmLabel: 'Reactivate',
        danger: false,
        input: { isActive: true },
        done: `${name} is active again.`,
      };
  const adminChange: StatusChange = user.isAdmin
    ? {
        title: `Remove ${name} as administrator?`,
        body: 'They keep only the permissions given to them directly and by their groups.',
        confirmLabel: 'Remove administrator',
        danger: true,
        input: { isAdmin: false },
        done: `${name} is no longer an administrator.`,
      }
    : {
        title: `Make ${name} an administrator?`,
        body: 'Administrators hold every permission and may change everything, including other administrators.',
        confirmLabel: 'Make administrator',
        danger: false,
        input: { isAdmin: true },
        done: `${name} is now an administrator.`,
      };

  const confirm = async () => {
    if (!pending) return;
    setFailure(null);
    try {
      await updateUser({ variables: { id: user.id, input: pending.input } });
      notifySuccess(pending.done);
    } catch (error) {
      // e.g. FORBIDDEN / LAST_ADMIN: the server's sentence says why.
      setFailure(problemMessage(error));
    } finally {
      setPending(null);
    }
  };

  return (
    <SectionCard
      title="Status"
      description="Deactivating ends the person's sessions and API tokens at once. At least one active administrator must remain."
    >
      <Stack gap="md">
        {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
        <Group gap="lg" wrap="wrap">
          <Group gap="xs">
            <Text size="sm" fw={500}>
              Account:
            </Text>
            {user.isActive ? (
              <Badge color="green" variant="light">
                Active
              </Badge>
            ) : (
              <Badge color="orange" variant="light">
                Deactivated
              </Badge>
            )}
            {user.viewerCan.setActive ? (
              <Button
                size="xs"
                variant={user.isActive ? 'light' : 'filled'}
                color={user.isActive ? 'red' : undefined}
                onClick={() => setPending(activeChange)}
              >
                {user.isActive ? 'Deactivate' : 'Reactivate'}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                Another administrator can change this.
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              Administrator:
            </Text>
            {user.isAdmin ? (
              <Badge color="red" variant="light">
                Yes
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                No
              </Badge>
            )}
            {!user.viewerCan.setAdmin ? (
              <Text size="sm" c="dimmed">
                {user.kind === 'SERVICE' ? 'Service accounts cannot be administrators.' : 'Another administrator can change this.'}
              </Text>
            ) : (
              <Button
                size="xs"
                variant="light"
                color={user.isAdmin ? 'red' : undefined}
                onClick={() => setPending(adminChange)}
              >
                {user.isAdmin ? 'Remove administrator' : 'Make administrator'}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={pending !== null}
        title={pending?.title ?? ''}
        confirmLabel={pending?.confirmLabel ?? ''}
        danger={pending?.danger}
        loading={loading}
        onConfirm={() => void confirm()}
        onClose={() => setPending(null)}
      >
        {pending?.body ?? ''}
      </ConfirmDialog>
    </SectionCard>
  );
}
