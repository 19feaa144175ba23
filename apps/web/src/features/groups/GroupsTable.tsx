import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { GroupsTable_GroupFragment } from '../../gql/graphql';
import { GroupFlagBadges } from './GroupFlagBadges';

export const GroupsTableFragment = graphql(`
  fragment GroupsTable_group on Group {
    id
    name
    description
    memberCount
    maxMembers
    ...GroupFlagBadges_group
  }
`);

export interface GroupsTableProps {
  groups: readonly FragmentType<typeof GroupsTableFragment>[];
}

export function GroupsTable({ groups, ...rest }: GroupsTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: GroupsTableFragment, fragmentName: 'GroupsTable_group', from: [...groups] }),
  );
  return data ? <GroupsTableView {...rest} groups={data} /> : null;
}

interface GroupsTableViewProps extends Omit<GroupsTableProps, 'groups'> {
  groups: readonly GroupsTable_GroupFragment[];
}

function GroupsTableView({ groups }: GroupsTableViewProps) {
  return (
    <ScrollTable label="Groups" minWidth={680}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Flags</Table.Th>
          <Table.Th scope="col" ta="right">
            Members
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <Table.Tr key={group.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/groups/${group.id}`} fw={500}>
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
