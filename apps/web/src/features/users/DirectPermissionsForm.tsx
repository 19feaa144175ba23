import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { graphql } from '../../gql';
import type { DirectPermissions_UserFragment, PermissionSelect_PermissionFragment } from '../../gql/graphql';
import { PermissionImpactNotice } from '../permissions/PermissionImpactNotice';
import { PermissionSelect } from '../permissions/PermissionSelect';
import { useSetUserPermissions } from './use-set-user-permissions';

export const DirectPermissionsFragment = graphql(`
  fragment DirectPermissions_user on User {
    id
    isAdmin
    permissions
  }
`);

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((key, index) => key === [...b].sort()[index]);

export interface DirectPermissionsFormProps {
  user: DirectPermissions_UserFragment;
  catalog: readonly PermissionSelect_PermissionFragment[];
}

/** The permissions given to a user directly, on top of their groups'. */
export function DirectPermissionsForm({ user, catalog }: DirectPermissionsFormProps) {
  const [setPermissions, { loading }] = useSetUserPermissions();
  const [value, setValue] = useState<string[]>([...user.permissions]);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const { data } = await setPermissions({ variables: { userId: user.id, permissions: value } });
      if (data) setValue([...data.setUserPermissions.permissions]);
      notifySuccess('Direct permissions saved.');
    } catch (error) {
      setProblem(readProblem(error, { fields: ['permissions'] }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Direct permissions">
      <Stack gap="sm">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <PermissionSelect
          label="Direct permissions"
          description={
            user.isAdmin
              ? 'Administrators hold every permission anyway; these matter only if they stop being one.'
              : 'Given to this user whatever groups they are in. Removing groups.request may remove them from groups, depending on the permission-loss policy.'
          }
          catalog={catalog}
          value={value}
          onChange={setValue}
          disabled={loading}
          error={problem?.fields['permissions']}
        />
        {!sameKeys(value, user.permissions) ? (
          <PermissionImpactNotice target={{ kind: 'user', userId: user.id }} permissions={value} />
        ) : null}
        <Group>
          <Button type="submit" loading={loading} disabled={sameKeys(value, user.permissions)}>
            Save direct permissions
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
