import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { graphql } from '../../gql';
import type { GroupPermissionsForm_GroupFragment } from '../../gql/graphql';
import { EndingMembershipsConfirm, useEndingMembershipsGate } from '../permissions/EndingMembershipsConfirm';
import { PermissionImpactNotice } from '../permissions/PermissionImpactNotice';
import { PermissionSelect, type PermissionSelectFragment } from '../permissions/PermissionSelect';
import { useUpdateGroup } from './use-update-group';

export const GroupPermissionsFormFragment = graphql(`
  fragment GroupPermissionsForm_group on Group {
    id
    permissions
    viewerCan {
      setPermissions
    }
  }
`);

const sameKeys = (a: readonly string[], b: readonly string[]) => {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((key, index) => key === sortedB[index]);
};

export interface GroupPermissionsFormProps {
  group: FragmentType<typeof GroupPermissionsFormFragment>;
  catalog: readonly FragmentType<typeof PermissionSelectFragment>[];
}

/** The permissions every current member holds. Editable only when `viewerCan.setPermissions`. */
export function GroupPermissionsForm({ group, ...rest }: GroupPermissionsFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: GroupPermissionsFormFragment, fragmentName: 'GroupPermissionsForm_group', from: group }),
  );
  return data ? <GroupPermissionsFormView {...rest} group={data} /> : null;
}

interface GroupPermissionsFormViewProps extends Omit<GroupPermissionsFormProps, 'group'> {
  group: GroupPermissionsForm_GroupFragment;
}

function GroupPermissionsFormView({ group, catalog }: GroupPermissionsFormViewProps) {
  const [updateGroup, { loading }] = useUpdateGroup();
  const [value, setValue] = useState<string[]>([...group.permissions]);
  const [saved, setSaved] = useState<readonly string[]>(group.permissions);
  const [problem, setProblem] = useState<Problem | null>(null);
  const canSet = group.viewerCan.setPermissions;
  // A save that ends memberships waits for a second, explicit yes naming how many (SPEC §8).
  const gate = useEndingMembershipsGate({ kind: 'group', groupId: group.id });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (await gate.mayProceed(value)) await save();
  };

  const save = async () => {
    setProblem(null);
    try {
      const { data } = await updateGroup({ variables: { id: group.id, input: { permissions: value } } });
      if (!data) return;
      setSaved(data.updateGroup.permissions);
      setValue([...data.updateGroup.permissions]);
      notifySuccess('Group permissions saved.');
    } catch (error) {
      setProblem(readProblem(error, { fields: ['permissions'] }));
    } finally {
      gate.close();
    }
  };

  return (
    <>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Group permissions">
        <Stack gap="sm">
          {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          <PermissionSelect
            label="Permissions carried by membership"
            description={
              canSet
                ? 'Every current member holds these. Removing groups.request can remove members from other groups, depending on the permission-loss policy.'
                : 'Only administrators change the permissions a group carries.'
            }
            catalog={catalog}
            value={value}
            onChange={setValue}
            disabled={!canSet || loading}
            error={problem?.fields['permissions']}
          />
          {canSet && !sameKeys(value, saved) ? (
            <PermissionImpactNotice target={{ kind: 'group', groupId: group.id }} permissions={value} />
          ) : null}
          {canSet ? (
            <Group>
              <Button type="submit" loading={loading || gate.checking} disabled={sameKeys(value, saved)}>
                Save permissions
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
      {/* Outside the form: the dialog's own form must not submit this one through the portal. */}
      <EndingMembershipsConfirm gate={gate} loading={loading} onConfirm={() => void save()} />
    </>
  );
}
