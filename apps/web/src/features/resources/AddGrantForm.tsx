import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { expiryOfDay, todayInputValue } from '../../components/dates';
import { notifySuccess } from '../../components/notify';
import type { PickedGroup } from '../groups/GroupPicker';
import { UserPicker, type PickedUser } from '../users/UserPicker';
import { GRANT_LEVEL_OPTIONS, isGrantLevel, type GrantLevel } from './level-options';
import { ShareGroupPicker } from './ShareGroupPicker';
import { shareRefusalsText } from './share-problem';
import { useGrantAccess } from './use-grant-access';

const FIELDS = ['users', 'groups', 'expiresAt'] as const;
const ALIASES = { userId: 'users', groupId: 'groups' };

export interface AddGrantFormProps {
  resourceId: string;
}

/**
 * Shares the resource with people and groups at one level, optionally until a date. Each
 * principal is one `grantAccess`: one that is refused does not stop the others, and the message
 * names every one that was refused, with the reason, and those that were shared.
 */
export function AddGrantForm({ resourceId }: AddGrantFormProps) {
  const [grantAccess, { loading }] = useGrantAccess();
  const [users, setUsers] = useState<PickedUser[]>([]);
  const [groups, setGroups] = useState<PickedGroup[]>([]);
  const [level, setLevel] = useState<GrantLevel>('READ');
  const [expiresOn, setExpiresOn] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const nothingPicked = users.length === 0 && groups.length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const expiresAt = expiresOn ? expiryOfDay(expiresOn) : null;
    if (expiresOn && !expiresAt) {
      setProblem({ code: null, reason: null, message: null, fields: { expiresAt: 'Enter a date, or leave it empty.' } });
      return;
    }
    const principals = [
      ...users.map((user) => ({ userId: user.id, groupId: null, label: user.label, user, group: null })),
      ...groups.map((group) => ({ userId: null, groupId: group.id, label: group.label, user: null, group })),
    ];
    const done: string[] = [];
    const refusals: { label: string; problem: Problem }[] = [];
    for (const principal of principals) {
      try {
        await grantAccess({
          variables: { resourceId, level, userId: principal.userId, groupId: principal.groupId, expiresAt },
        });
        done.push(principal.label);
        if (principal.user) setUsers((current) => current.filter((user) => user.id !== principal.user.id));
        if (principal.group) setGroups((current) => current.filter((group) => group.id !== principal.group.id));
      } catch (error) {
        refusals.push({ label: principal.label, problem: readProblem(error, { fields: FIELDS, aliases: ALIASES }) });
      }
    }
    if (refusals.length > 0) {
      const message = shareRefusalsText(done, refusals);
      const fields = Object.assign({}, ...refusals.map((r) => r.problem.fields)) as Problem['fields'];
      setProblem({ ...refusals[0]!.problem, fields, message });
      return;
    }
    notifySuccess(`Shared with ${done.join(', ')}.`);
    setExpiresOn('');
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Share">
      <Stack gap="sm">
        {problem?.message ? <ErrorAlert title="Not shared">{problem.message}</ErrorAlert> : null}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 16rem' }}>
            <UserPicker
              label="Share with people"
              value={users}
              onChange={setUsers}
              disabled={loading}
              error={problem?.fields['users']}
            />
          </div>
          <div style={{ flex: '1 1 16rem' }}>
            <ShareGroupPicker value={groups} onChange={setGroups} disabled={loading} error={problem?.fields['groups']} />
          </div>
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Level"
            data={GRANT_LEVEL_OPTIONS.map((option) => ({ ...option }))}
            value={level}
            onChange={(value) => {
              if (isGrantLevel(value)) setLevel(value);
            }}
            allowDeselect={false}
            disabled={loading}
            w={200}
          />
          <TextInput
            label="Until (optional)"
            type="date"
            min={todayInputValue()}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            error={problem?.fields['expiresAt']}
            disabled={loading}
            style={{ flex: '0 1 12rem' }}
          />
          <Button type="submit" loading={loading} disabled={nothingPicked}>
            Share
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
