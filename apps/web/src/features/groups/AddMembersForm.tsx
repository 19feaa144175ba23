import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { expiryOfDay, todayInputValue } from '../../components/dates';
import { notifySuccess } from '../../components/notify';
import { UserPicker, type PickedUser } from '../users/UserPicker';
import { useAddGroupMembers } from './use-add-group-members';

const FIELDS = ['members', 'expiresAt'] as const;
const ALIASES = { userIds: 'members' };

export interface AddMembersFormProps {
  groupId: string;
}

/** Picks people and adds them at once, optionally until a date. */
export function AddMembersForm({ groupId }: AddMembersFormProps) {
  const [addMembers, { loading }] = useAddGroupMembers(groupId);
  const [users, setUsers] = useState<PickedUser[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const expiresAt = expiresOn ? expiryOfDay(expiresOn) : null;
    if (expiresOn && !expiresAt) {
      setProblem({ code: null, reason: null, message: null, fields: { expiresAt: 'Enter a date, or leave it empty.' } });
      return;
    }
    try {
      const { data } = await addMembers({ variables: { groupId, userIds: users.map((user) => user.id), expiresAt } });
      const added = data?.addGroupMembers.length ?? 0;
      const skipped = users.length - added;
      notifySuccess(
        added === 0
          ? 'Everyone you chose is already a member.'
          : `Added ${added} member${added === 1 ? '' : 's'}${skipped > 0 ? ` (${skipped} already in)` : ''}.`,
      );
      setUsers([]);
      setExpiresOn('');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS, aliases: ALIASES }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Add members">
      <Stack gap="sm">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 20rem' }}>
            <UserPicker
              label="Add members"
              description="Search people by name or email; current members are skipped."
              value={users}
              onChange={setUsers}
              disabled={loading}
              error={problem?.fields['members']}
            />
          </div>
          <TextInput
            label="Until (optional)"
            description="Membership ends after this day."
            type="date"
            min={todayInputValue()}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            error={problem?.fields['expiresAt']}
            disabled={loading}
            style={{ flex: '0 1 12rem' }}
          />
          <Button type="submit" loading={loading} disabled={users.length === 0}>
            Add
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
