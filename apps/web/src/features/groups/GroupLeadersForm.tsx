import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { graphql } from '../../gql';
import type { GroupLeadersForm_GroupFragment } from '../../gql/graphql';
import { UserPicker, type PickedUser } from '../users/UserPicker';
import { userLabel } from '../users/user-label';
import { GroupPicker, type PickedGroup } from './GroupPicker';
import { useSetGroupLeaders } from './use-set-group-leaders';

export const GroupLeadersFormFragment = graphql(`
  fragment GroupLeadersForm_group on Group {
    id
    leaders {
      id
      displayName
      email
    }
    leaderGroups {
      id
      name
    }
    viewerCan {
      setLeaders
    }
  }
`);

const FIELDS = ['leaders', 'leaderGroups'] as const;
const ALIASES = { userIds: 'leaders', groupIds: 'leaderGroups' };

const sameIds = (a: readonly { id: string }[], b: readonly { id: string }[]) =>
  a.length === b.length && a.every((item) => b.some((other) => other.id === item.id));

export interface GroupLeadersFormProps {
  group: FragmentType<typeof GroupLeadersFormFragment>;
}

/** Leader users and leader groups (whose direct members lead). Editable only when `viewerCan.setLeaders`. */
export function GroupLeadersForm({ group, ...rest }: GroupLeadersFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: GroupLeadersFormFragment, fragmentName: 'GroupLeadersForm_group', from: group }),
  );
  return data ? <GroupLeadersFormView {...rest} group={data} /> : null;
}

interface GroupLeadersFormViewProps extends Omit<GroupLeadersFormProps, 'group'> {
  group: GroupLeadersForm_GroupFragment;
}

function GroupLeadersFormView({ group }: GroupLeadersFormViewProps) {
  const savedUsers = group.leaders.map((user) => ({ id: user.id, label: userLabel(user) }));
  const savedGroups = group.leaderGroups.map((leaderGroup) => ({ id: leaderGroup.id, label: leaderGroup.name }));
  const [setLeaders, { loading }] = useSetGroupLeaders(group.leaders.map((user) => user.id));
  const [users, setUsers] = useState<PickedUser[]>(savedUsers);
  const [groups, setGroups] = useState<PickedGroup[]>(savedGroups);
  const [problem, setProblem] = useState<Problem | null>(null);
  const canSet = group.viewerCan.setLeaders;
  const dirty = !sameIds(users, savedUsers) || !sameIds(groups, savedGroups);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await setLeaders({
        variables: { groupId: group.id, userIds: users.map((user) => user.id), groupIds: groups.map((g) => g.id) },
      });
      notifySuccess('Leaders saved.');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS, aliases: ALIASES }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Leaders">
      <Stack gap="sm">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <UserPicker
          label="Leader users"
          description="They decide this group's requests and manage its members; they need not be members."
          value={users}
          onChange={setUsers}
          disabled={!canSet || loading}
          error={problem?.fields['leaders']}
        />
        <GroupPicker
          label="Leader groups"
          description="Direct, current members of these groups lead this one too (not their leaders)."
          value={groups}
          onChange={setGroups}
          excludeIds={[group.id]}
          disabled={!canSet || loading}
          error={problem?.fields['leaderGroups']}
        />
        {canSet ? (
          <Group>
            <Button type="submit" loading={loading} disabled={!dirty}>
              Save leaders
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
