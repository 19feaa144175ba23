import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { useSignedInViewer } from '../../app/session/viewer-context';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { GroupDirectoryTable_GroupFragment } from '../../gql/graphql';
import { joinOutcomeMessage } from '../requests/request-labels';
import { GroupFlagBadges } from './GroupFlagBadges';
import { useJoinGroup } from './use-join-group';

export const GroupDirectoryTableFragment = graphql(`
  fragment GroupDirectoryTable_group on Group {
    id
    name
    description
    memberCount
    maxMembers
    full
    joinPath
    ...GroupFlagBadges_group
    viewerCan {
      join
      requestJoin
    }
    viewerMembership {
      source
    }
    viewerPendingRequest {
      id
      kind
    }
  }
`);

export interface GroupDirectoryTableProps {
  groups: readonly FragmentType<typeof GroupDirectoryTableFragment>[];
}

/** The member's directory: each group with its flags, where the viewer stands, and what they can do now. */
export function GroupDirectoryTable({ groups, ...rest }: GroupDirectoryTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: GroupDirectoryTableFragment, fragmentName: 'GroupDirectoryTable_group', from: [...groups] }),
  );
  return data ? <GroupDirectoryTableView {...rest} groups={data} /> : null;
}

interface GroupDirectoryTableViewProps extends Omit<GroupDirectoryTableProps, 'groups'> {
  groups: readonly GroupDirectoryTable_GroupFragment[];
}

function GroupDirectoryTableView({ groups }: GroupDirectoryTableViewProps) {
  return (
    <ScrollTable label="Group directory" minWidth={780} cardsOnPhone>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">You</Table.Th>
          <Table.Th scope="col" ta="right">
            Members
          </Table.Th>
          <Table.Th scope="col">Join</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <Table.Tr key={group.id} data-testid={`directory-row-${group.name}`}>
            <Table.Td>
              <Anchor component={Link} to={group.joinPath} fw={500}>
                {group.name}
              </Anchor>
              {group.description ? (
                <Text size="xs" c="dimmed" lineClamp={1} maw={420}>
                  {group.description}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td data-label="Kind">
              <GroupFlagBadges group={group} />
            </Table.Td>
            <Table.Td data-label="You">
              <Group gap={4}>
                {group.viewerMembership ? (
                  <Badge size="sm" variant="light" color="indigo">
                    Member
                  </Badge>
                ) : null}
                {group.viewerPendingRequest ? (
                  <Badge size="sm" variant="light" color="yellow">
                    {group.viewerPendingRequest.kind === 'LEAVE' ? 'Pending: leave' : 'Pending: join'}
                  </Badge>
                ) : null}
                {!group.viewerMembership && !group.viewerPendingRequest ? (
                  <Text size="sm" c="dimmed">
                    Not a member
                  </Text>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td ta="right" data-label="Members">
              {group.memberCount}
              {group.maxMembers ? ` / ${group.maxMembers}` : null}
            </Table.Td>
            <Table.Td data-actions>
              <JoinAction group={group} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/**
 * What the viewer can do about joining, from the server's `viewerCan` and `full`: Join at once, or
 * Request to join (approval needed; the reason is asked on the group's page). A full group shows
 * Full instead of Join — it never offers an enabled Join — and beside a request (approvers can
 * only admit someone once a place is free).
 */
function JoinAction({ group }: { group: GroupDirectoryTable_GroupFragment }) {
  const me = useSignedInViewer();
  const [joinGroup, { loading }] = useJoinGroup(me.id);
  const fullBadge = group.full ? (
    <Badge size="sm" variant="light" color="orange" title={`${group.name} has ${group.memberCount} of ${group.maxMembers} members`}>
      Full
    </Badge>
  ) : null;
  // A full group one could otherwise join: the server's join ability is false while it is full.
  if (fullBadge && !group.viewerMembership && !group.viewerCan.requestJoin) return fullBadge;
  if (group.viewerCan.join) {
    const join = async () => {
      try {
        const { data } = await joinGroup({ variables: { groupId: group.id, reason: null } });
        if (data) notifySuccess(joinOutcomeMessage(data.joinGroup.outcome, group.name));
      } catch (error) {
        notifyFailure(problemMessage(error));
      }
    };
    return (
      <Button size="xs" loading={loading} onClick={() => void join()} aria-label={`Join ${group.name}`}>
        Join
      </Button>
    );
  }
  if (group.viewerCan.requestJoin) {
    return (
      <Group gap={6} wrap="wrap">
        <Badge size="sm" variant="light" color="yellow">
          Approval needed
        </Badge>
        {fullBadge}
        <Button
          size="xs"
          variant="light"
          component={Link}
          to={`${group.joinPath}?ask=join`}
          aria-label={`Request to join ${group.name}`}
        >
          Request to join
        </Button>
      </Group>
    );
  }
  return null;
}
