import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { LIMITS } from '@gatehouse/shared';
import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { problemMessage, readProblem } from '../../app/graphql-errors';
import { useSignedInViewer } from '../../app/session/viewer-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatExpiry } from '../../components/format-date';
import { lengthLimit } from '../../components/length-limit';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import type { GroupMembershipCard_GroupFragment } from '../../gql/graphql';
import { MEMBERSHIP_SOURCE_LABELS } from '../memberships/membership-source';
import { RequestExtensionButton } from '../memberships/RequestExtensionButton';
import { joinOutcomeMessage, leaveOutcomeMessage, REQUEST_KIND_LABELS } from '../requests/request-labels';
import { useWithdrawRequest } from '../requests/use-withdraw-request';
import { useGroupGives, type GroupGives } from './use-group-gives';
import { LEVEL_LABELS } from '../resources/access-words';
import { useJoinGroup } from './use-join-group';
import { useLeaveGroup } from './use-leave-group';

export const GroupMembershipCardFragment = graphql(`
  fragment GroupMembershipCard_group on Group {
    id
    name
    memberCount
    maxMembers
    full
    permissions
    viewerCan {
      join
      requestJoin
      leave
      requestLeave
      requestExtension
    }
    viewerMembership {
      source
      createdAt
      expiresAt
      addedBy {
        id
        displayName
      }
    }
    viewerPendingRequest {
      id
      kind
      reason
      createdAt
    }
  }
`);

type Asking = 'join' | 'leave' | null;

export interface GroupMembershipCardProps {
  group: FragmentType<typeof GroupMembershipCardFragment>;
}

/**
 * "You and this group": your membership, your pending request, and the join / leave buttons the
 * server offers (`viewerCan`). What a click did is said in words afterwards.
 */
export function GroupMembershipCard({ group, ...rest }: GroupMembershipCardProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: GroupMembershipCardFragment, fragmentName: 'GroupMembershipCard_group', from: group }),
  );
  return data ? <GroupMembershipCardView {...rest} group={data} /> : null;
}

interface GroupMembershipCardViewProps extends Omit<GroupMembershipCardProps, 'group'> {
  group: GroupMembershipCard_GroupFragment;
}

function GroupMembershipCardView({ group }: GroupMembershipCardViewProps) {
  const me = useSignedInViewer();
  const [joinGroup, joinState] = useJoinGroup(me.id);
  const [leaveGroup, leaveState] = useLeaveGroup(me.id);
  const [withdraw, withdrawState] = useWithdrawRequest();
  // The directory's "Request to join" links here with ?ask=join: the reason dialog opens at once.
  const [params, setParams] = useSearchParams();
  const askJoin = params.get('ask') === 'join';
  const [asking, setAsking] = useState<Asking>(() => (askJoin && group.viewerCan.requestJoin ? 'join' : null));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const { viewerCan: can, viewerMembership: membership, viewerPendingRequest: pending } = group;
  // What leaving takes away, named in the leave dialog (the server's explanations, read once a member).
  const gives = useGroupGives(group.id, membership !== null && membership !== undefined && (can.leave || can.requestLeave));
  // …and the one-off ?ask=join leaves the URL, so a reload or Back does not ask again.
  useEffect(() => {
    if (!askJoin) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('ask');
        return next;
      },
      { replace: true },
    );
  }, [askJoin, setParams]);

  const closeDialog = () => {
    setAsking(null);
    setReason('');
    setReasonError(null);
    setDialogError(null);
  };

  const say = (message: string) => {
    setOutcome(message);
    notifySuccess(message);
  };

  const join = async (withReason: string | null) => {
    const { data } = await joinGroup({ variables: { groupId: group.id, reason: withReason } });
    if (data) say(joinOutcomeMessage(data.joinGroup.outcome, group.name));
  };
  const leave = async (withReason: string | null) => {
    const { data } = await leaveGroup({ variables: { groupId: group.id, reason: withReason } });
    if (data) say(leaveOutcomeMessage(data.leaveGroup.outcome, group.name));
  };

  const submitReason = async () => {
    setReasonError(null);
    setDialogError(null);
    try {
      if (asking === 'join') await join(reason.trim() || null);
      else await leave(reason.trim() || null);
      closeDialog();
    } catch (error) {
      const problem = readProblem(error, { fields: ['reason'] });
      setReasonError(problem.fields['reason'] ?? null);
      setDialogError(problem.message);
    }
  };

  const act = async (action: () => Promise<void>) => {
    setOutcome(null);
    try {
      await action();
    } catch (error) {
      notifyFailure(problemMessage(error));
    }
  };

  const reasonLimit = lengthLimit(reason, LIMITS.reasonMax, 'Tell the approvers why. They see it with your request.');
  const busy = joinState.loading || leaveState.loading || withdrawState.loading;
  const noAction = !can.join && !can.requestJoin && !can.leave && !can.requestLeave && !pending;

  return (
    <SectionCard title="You and this group">
      <Stack gap="sm">
        {outcome ? (
          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} role="status" data-testid="membership-outcome">
            {outcome}
          </Alert>
        ) : null}
        {membership ? (
          <Text size="sm">
            You are a member since {formatDate(membership.createdAt)} ({MEMBERSHIP_SOURCE_LABELS[membership.source].toLowerCase()}
            {membership.addedBy ? ` by ${membership.addedBy.displayName}` : ''}).{' '}
            {membership.expiresAt ? `Your membership ends on ${formatExpiry(membership.expiresAt)}.` : 'It does not expire.'}
          </Text>
        ) : (
          <Text size="sm">You are not a member.</Text>
        )}
        {pending ? (
          <Stack gap={4}>
            <Text size="sm">
              Your request to {REQUEST_KIND_LABELS[pending.kind].toLowerCase()} is waiting for the approvers (sent{' '}
              {formatDateTime(pending.createdAt)}).
            </Text>
            {pending.reason ? (
              <Text size="sm" c="dimmed">
                Your reason: {pending.reason}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <Group gap="sm">
          <RequestExtensionButton groupId={group.id} groupName={group.name} expiresAt={membership?.expiresAt} canRequest={can.requestExtension} />
          {can.join ? (
            <Button loading={joinState.loading} disabled={busy} onClick={() => void act(() => join(null))}>
              Join
            </Button>
          ) : null}
          {/* The server's join ability is false while the group is full; say why there is no Join. */}
          {group.full && !membership ? (
            <Text size="sm" c="dimmed" data-testid="group-full">
              This group is full ({group.memberCount} of {group.maxMembers} members): nobody can join until someone leaves.
            </Text>
          ) : null}
          {can.requestJoin ? (
            <Button disabled={busy} onClick={() => setAsking('join')}>
              Request to join
            </Button>
          ) : null}
          {can.leave ? (
            <Button color="red" variant="light" disabled={busy} onClick={() => setConfirmLeave(true)}>
              Leave
            </Button>
          ) : null}
          {can.requestLeave ? (
            <Button color="red" variant="light" disabled={busy} onClick={() => setAsking('leave')}>
              Request to leave
            </Button>
          ) : null}
          {pending ? (
            <Button
              variant="default"
              loading={withdrawState.loading}
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await withdraw({ variables: { requestId: pending.id } });
                  say('You withdrew your request.');
                })
              }
            >
              Withdraw request
            </Button>
          ) : null}
        </Group>
        {noAction ? (
          <Text size="sm" c="dimmed">
            There is nothing you can do with this group yourself: only admins and the system change its membership, or it
            is not open to you.
          </Text>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirmLeave}
        title={`Leave ${group.name}?`}
        confirmLabel="Leave group"
        danger
        loading={leaveState.loading}
        onClose={() => setConfirmLeave(false)}
        onConfirm={() =>
          void act(async () => {
            try {
              await leave(null);
            } finally {
              setConfirmLeave(false);
            }
          })
        }
      >
        <LeaveConsequences permissions={group.permissions} gives={gives} />
      </ConfirmDialog>
      <ConfirmDialog
        opened={asking !== null}
        title={asking === 'join' ? `Ask to join ${group.name}` : `Ask to leave ${group.name}`}
        confirmLabel="Send request"
        loading={joinState.loading || leaveState.loading}
        onClose={closeDialog}
        onConfirm={() => void submitReason()}
      >
        <Stack gap="sm">
          {dialogError ? <ErrorAlert>{dialogError}</ErrorAlert> : null}
          <Text size="sm">The group’s approvers decide; you are notified of their decision.</Text>
          {asking === 'leave' ? <LeaveConsequences permissions={group.permissions} gives={gives} /> : null}
          <Textarea
            label="Reason"
            description={reasonLimit.description}
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError ?? reasonLimit.error}
            disabled={joinState.loading || leaveState.loading}
          />
        </Stack>
      </ConfirmDialog>
    </SectionCard>
  );
}

/** What leaving takes away, named: the group's permissions and the resources it gives the viewer. */
function LeaveConsequences({ permissions, gives }: { permissions: readonly string[]; gives: GroupGives }) {
  const lost = gives.resources.filter((resource) => !resource.alsoOtherwise);
  const kept = gives.resources.filter((resource) => resource.alsoOtherwise);
  return (
    <Stack gap="xs" data-testid="leave-consequences">
      <Text size="sm">You lose the membership at once, and with it:</Text>
      <List size="sm" spacing={2}>
        <List.Item>
          {permissions.length > 0 ? `the permission${permissions.length === 1 ? '' : 's'} ${permissions.join(', ')}` : 'no permissions (this group carries none)'}
        </List.Item>
        {gives.loading ? <List.Item>… looking up the resources it gives you</List.Item> : null}
        {lost.map((resource) => (
          <List.Item key={resource.id}>
            {LEVEL_LABELS[resource.level].toLowerCase()} access to {resource.name} ({resource.kind})
          </List.Item>
        ))}
        {!gives.loading && lost.length === 0 ? <List.Item>no resources (none reaches you only through this group)</List.Item> : null}
      </List>
      {kept.length > 0 ? (
        <Text size="sm" c="dimmed">
          You keep {kept.map((resource) => resource.name).join(', ')}: another path reaches {kept.length === 1 ? 'it' : 'them'} too.
        </Text>
      ) : null}
      {gives.partial ? (
        <Text size="xs" c="dimmed">
          Only your first 100 resources were looked through.
        </Text>
      ) : null}
    </Stack>
  );
}
