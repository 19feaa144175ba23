import { Anchor, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatExpiry } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { GroupMembersTable_MembershipFragment } from '../../gql/graphql';
import { MemberExpiryCell } from '../memberships/MemberExpiryCell';
import { MEMBERSHIP_SOURCE_LABELS } from '../memberships/membership-source';

export const GroupMembersTableFragment = graphql(`
  fragment GroupMembersTable_membership on Membership {
    source
    createdAt
    expiresAt
    addedBy {
      id
      displayName
    }
    user {
      id
      displayName
      email
      kind
      isActive
    }
  }
`);

type Member = GroupMembersTable_MembershipFragment;

export interface GroupMembersTableProps {
  members: readonly Member[];
  /** Offer Remove on each row (`viewerCan.removeMembers`). */
  canRemove: boolean;
  /** Names link to the admin's user pages; otherwise they are plain text. */
  linkToAdmin?: boolean;
  onRemove: (member: Member) => void;
  /** Offer changing each expiry in place (`viewerCan.changeExpiry`; SPEC §20): needs the group's id. */
  expiry?: { groupId: string; canEdit: boolean };
}

export function GroupMembersTable({ members, canRemove, linkToAdmin = true, onRemove, expiry }: GroupMembersTableProps) {
  return (
    <ScrollTable label="Member list" minWidth={720} cardsOnPhone>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Email</Table.Th>
          <Table.Th scope="col">How</Table.Th>
          <Table.Th scope="col">Since</Table.Th>
          <Table.Th scope="col">Expires</Table.Th>
          {canRemove ? (
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          ) : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((member) => (
          <Table.Tr key={member.user.id}>
            <Table.Td>
              <Group gap={6}>
                {linkToAdmin ? (
                  <Anchor component={Link} to={`/admin/users/${member.user.id}`}>
                    {member.user.displayName}
                  </Anchor>
                ) : (
                  <Text size="sm">{member.user.displayName}</Text>
                )}
                {member.user.kind === 'SERVICE' ? (
                  <Badge size="xs" variant="light" color="cyan">
                    Service
                  </Badge>
                ) : null}
                {!member.user.isActive ? (
                  <Badge size="xs" variant="light" color="orange">
                    Deactivated
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td data-label="Email">
              <Text size="sm">{member.user.email ?? '—'}</Text>
            </Table.Td>
            <Table.Td data-label="How">
              <Text size="sm">{MEMBERSHIP_SOURCE_LABELS[member.source]}</Text>
              {member.addedBy ? (
                <Text size="xs" c="dimmed">
                  by {member.addedBy.displayName}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td data-label="Since">{formatDate(member.createdAt)}</Table.Td>
            <Table.Td data-label="Expires">
              {expiry ? <MemberExpiryCell groupId={expiry.groupId} member={member} canEdit={expiry.canEdit} /> : member.expiresAt ? formatExpiry(member.expiresAt) : 'Never'}
            </Table.Td>
            {canRemove ? (
              <Table.Td ta="right" data-actions>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => onRemove(member)}
                  aria-label={`Remove ${member.user.displayName}`}
                >
                  Remove
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
