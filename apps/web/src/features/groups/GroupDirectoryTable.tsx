import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { GroupDirectoryTable_GroupFragment } from '../../gql/graphql';
import { GroupFlagBadges } from './GroupFlagBadges';

export const GroupDirectoryTableFragment = graphql(`
  fragment GroupDirectoryTable_group on Group {
    id
    name
    description
    memberCount
    maxMembers
    joinPath
    ...GroupFlagBadges_group
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

/** The member's directory: each group with its flags and where the viewer stands with it. */
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
    <ScrollTable label="Group directory" minWidth={680}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">You</Table.Th>
          <Table.Th scope="col" ta="right">
            Members
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <Table.Tr key={group.id}>
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
            <Table.Td>
              <GroupFlagBadges group={group} />
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {group.viewerMembership ? (
                  <Badge size="sm" variant="light" color="indigo">
                    Member
                  </Badge>
                ) : null}
                {group.viewerPendingRequest ? (
                  <Badge size="sm" variant="light" color="yellow">
                    {group.viewerPendingRequest.kind === 'JOIN' ? 'Pending: join' : 'Pending: leave'}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td ta="right">
              {group.memberCount}
              {group.maxMembers ? ` / ${group.maxMembers}` : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
