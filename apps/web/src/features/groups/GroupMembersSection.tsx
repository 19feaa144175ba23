import { useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { PagedList } from '../../components/PagedList';
import { SearchInput } from '../../components/SearchInput';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import { AddMembersForm } from './AddMembersForm';
import { GroupMembersTable } from './GroupMembersTable';
import { RemoveMemberDialog } from './RemoveMemberDialog';

const PAGE_SIZE = 25;

// The member list has its own variables (search, cursor), so this part of a page runs its own query
// (the admin's group page and the member-facing group page both show it). A membership has no id,
// so the cache cannot hand it to `useFragment`: the table's fragment is unmasked.
const GroupMembersQuery = graphql(`
  query GroupMembers($id: ID!, $search: String, $first: Int!, $after: String) {
    group(id: $id) {
      id
      members(search: $search, first: $first, after: $after) {
        edges {
          cursor
          node {
            ...GroupMembersTable_membership @unmask
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

export interface GroupMembersSectionProps {
  groupId: string;
  groupName: string;
  canAdd: boolean;
  canRemove: boolean;
  /** Names link to the admin's user pages (only admins can open them). */
  linkToAdmin?: boolean;
  /** `viewerCan.changeExpiry`: each member's expiry can be changed in place (SPEC §20). */
  canChangeExpiry?: boolean;
}

export function GroupMembersSection({ groupId, groupName, canAdd, canRemove, linkToAdmin = true, canChangeExpiry = false }: GroupMembersSectionProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [removing, setRemoving] = useState<{ id: string; displayName: string } | null>(null);
  const result = useQuery(GroupMembersQuery, {
    variables: { id: groupId, search: debounced || null, first: PAGE_SIZE },
  });
  const members = usePagedList(result, (data) => data.group?.members);

  return (
    <SectionCard
      title="Members"
      description={
        canAdd || canRemove
          ? 'Current members. Added members are notified; so are removed ones, with your reason.'
          : 'Who is in this group now.'
      }
    >
      <Stack gap="md">
        {canAdd ? <AddMembersForm groupId={groupId} /> : null}
        <SearchInput label="Search members" placeholder="Name or email" value={search} onChange={setSearch} />
        <PagedList
          list={members}
          errorTitle="The members could not be loaded"
          gap="md"
          empty={
            <EmptyMessage title={debounced ? 'Nobody matches' : 'No members'}>
              {debounced ? `No member's name or email contains “${debounced}”.` : 'This group has no current members.'}
            </EmptyMessage>
          }
        >
          {(nodes) => (
            <GroupMembersTable
              members={nodes}
              canRemove={canRemove}
              linkToAdmin={linkToAdmin}
              expiry={{ groupId, canEdit: canChangeExpiry }}
              onRemove={(member) => setRemoving({ id: member.user.id, displayName: member.user.displayName })}
            />
          )}
        </PagedList>
      </Stack>
      <RemoveMemberDialog groupId={groupId} groupName={groupName} member={removing} onClose={() => setRemoving(null)} />
    </SectionCard>
  );
}
