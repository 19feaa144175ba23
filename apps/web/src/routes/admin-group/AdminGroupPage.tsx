import { useQuery } from '@apollo/client/react';
import { Anchor, Breadcrumbs, Code, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format-date';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { DeleteGroupCard } from '../../features/groups/DeleteGroupCard';
import { GroupFlagBadges } from '../../features/groups/GroupFlagBadges';
import { GroupLeadersForm } from '../../features/groups/GroupLeadersForm';
import { GroupMembersSection } from '../../features/groups/GroupMembersSection';
import { GroupPermissionsForm } from '../../features/groups/GroupPermissionsForm';
import { GroupSettingsForm } from '../../features/groups/GroupSettingsForm';
import { graphql } from '../../gql';

const AdminGroupQuery = graphql(`
  query AdminGroup($id: ID!) {
    group(id: $id) {
      id
      name
      createdAt
      joinPath
      memberCount
      maxMembers
      ...GroupFlagBadges_group
      ...GroupSettingsForm_group
      ...GroupPermissionsForm_group
      ...GroupLeadersForm_group
      ...DeleteGroupCard_group
      viewerCan {
        addMembers
        removeMembers
        changeExpiry
      }
    }
    permissions {
      key
      ...PermissionSelect_permission
    }
  }
`);

export function AdminGroupPage() {
  const { groupId = '' } = useParams();
  const { data, error } = useQuery(AdminGroupQuery, { variables: { id: groupId } });
  const group = data?.group;
  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/admin/groups" size="sm">
        All groups
      </Anchor>
      <Text size="sm">{group?.name ?? 'Group'}</Text>
    </Breadcrumbs>
  );

  if (!data) {
    return (
      <Page title="Group">
        {crumbs}
        {error ? <ErrorAlert title="This group could not be loaded">{problemMessage(error)}</ErrorAlert> : <PageSkeleton />}
      </Page>
    );
  }
  if (!group) {
    return (
      <Page title="Group not found">
        {crumbs}
        <Text>No group has this id, or you may not see it.</Text>
      </Page>
    );
  }

  return (
    <Page
      title={group.name}
      description={
        <>
          {group.memberCount} {group.memberCount === 1 ? 'member' : 'members'}
          {group.maxMembers ? ` of at most ${group.maxMembers}` : ''} · created {formatDateTime(group.createdAt)} · join
          link <Code>{group.joinPath}</Code>
        </>
      }
    >
      {crumbs}
      <Group gap="xs">
        <GroupFlagBadges group={group} />
      </Group>
      <Stack gap="lg">
        {/* Keyed by id: another group's page starts from that group's values. */}
        <SectionCard title="Settings" description="What the group is and who can see and join it.">
          <GroupSettingsForm key={group.id} group={group} />
        </SectionCard>
        <SectionCard title="Permissions">
          <GroupPermissionsForm key={group.id} group={group} catalog={data.permissions} />
        </SectionCard>
        <SectionCard title="Leaders" description="Leaders decide requests and manage members; they may not change settings.">
          <GroupLeadersForm key={group.id} group={group} />
        </SectionCard>
        <GroupMembersSection
          key={group.id}
          groupId={group.id}
          groupName={group.name}
          canAdd={group.viewerCan.addMembers}
          canRemove={group.viewerCan.removeMembers}
          canChangeExpiry={group.viewerCan.changeExpiry}
        />
        <DeleteGroupCard group={group} afterDelete="/admin/groups" />
      </Stack>
    </Page>
  );
}
