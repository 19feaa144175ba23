import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { graphql } from '../../gql';
import type { DirectPermissionsForm_UserFragment } from '../../gql/graphql';
import { EndingMembershipsConfirm, useEndingMembershipsGate } from '../permissions/EndingMembershipsConfirm';
import { PermissionImpactNotice } from '../permissions/PermissionImpactNotice';
import { PermissionSelect, type PermissionSelectFragment } from '../permissions/PermissionSelect';
import { useSetUserPermissions } from './use-set-user-permissions';

export const DirectPermissionsFormFragment = graphql(`
  fragment DirectPermissionsForm_user on User {
    id
    isAdmin
    permissions
  }
`);

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((key, index) => key === [...b].sort()[index]);

export interface DirectPermissionsFormProps {
  user: FragmentType<typeof DirectPermissionsFormFragment>;
  catalog: readonly FragmentType<typeof PermissionSelectFragment>[];
}

/** The permissions given to a user directly, on top of their groups'. */
export function DirectPermissionsForm({ user, ...rest }: DirectPermissionsFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: DirectPermissionsFormFragment, fragmentName: 'DirectPermissionsForm_user', from: user }),
  );
  return data ? <DirectPermissionsFormView {...rest} user={data} /> : null;
}

interface DirectPermissionsFormViewProps extends Omit<DirectPermissionsFormProps, 'user'> {
  user: DirectPermissionsForm_UserFragment;
}

function DirectPermissionsFormView({ user, catalog }: DirectPermissionsFormViewProps) {
  const [setPermissions, { loading }] = useSetUserPermissions();
  const [value, setValue] = useState<string[]>([...user.permissions]);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Taking groups.request away may end this person's memberships: that waits for a named yes.
  const gate = useEndingMembershipsGate({ kind: 'user', userId: user.id });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (await gate.mayProceed(value)) await save();
  };

  const save = async () => {
    setProblem(null);
    try {
      const { data } = await setPermissions({ variables: { userId: user.id, permissions: value } });
      if (data) setValue([...data.setUserPermissions.permissions]);
      notifySuccess('Direct permissions saved.');
    } catch (error) {
      setProblem(readProblem(error, { fields: ['permissions'] }));
    } finally {
      gate.close();
    }
  };

  return (
    <>
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
            <Button type="submit" loading={loading || gate.checking} disabled={sameKeys(value, user.permissions)}>
              Save direct permissions
            </Button>
          </Group>
        </Stack>
      </form>
      {/* Outside the form: the dialog's own form must not submit this one through the portal. */}
      <EndingMembershipsConfirm gate={gate} loading={loading} onConfirm={() => void save()} />
    </>
  );
}
