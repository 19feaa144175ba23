import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Breadcrumbs, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { IconChecklist, IconSettings } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { GroupFlagBadges } from '../../features/groups/GroupFlagBadges';
import { GroupHistorySection } from '../../features/groups/GroupHistorySection';
import { GroupGivesSection } from '../../features/groups/GroupGivesSection';
import { GroupMembershipCard } from '../../features/groups/GroupMembershipCard';
import { GroupMembersSection } from '../../features/groups/GroupMembersSection';
import { GROUP_FLAGS } from '../../features/groups/group-settings';
import { useLiveGroup } from '../../features/live/use-live-group';
import { graphql } from '../../gql';

const GroupPageQuery = graphql(`
  query GroupPage($id: ID!) {
    group(id: $id) {
      id
      name
      description
      joinPath
      memberCount
      maxMembers
      permissions
      pendingRequestCount
      internal
      hidden
      open
      public
      restricted
      ...GroupFlagBadges_group
      ...GroupMembershipCard_group
      leaders {
        id
        displayName
      }
      leaderGroups {
        id
        name
      }
      viewerMembership {
        source
      }
      viewerCan {
        decideRequests
        addMembers
        removeMembers
        changeExpiry
        listMembers
        readHistory
        update
      }
    }
  }
`);

/** A group as its members and would-be members see it; also the target of its join link (SPEC §3). */
export function GroupPage() {
  const { groupId = '' } = useParams();
  const { data, error } = useQuery(GroupPageQuery, { variables: { id: groupId } });
  // The page follows its membership while it is open (SPEC §17 live updates).
  useLiveGroup(groupId);
  const group = data?.group;
  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/groups" size="sm">
        Groups
      </Anchor>
      <Text size="sm">{group?.name ?? 'Group'}</Text>
    </Breadcrumbs>
  );

  if (!data) {
    if (error) {
      return (
        <Page title="Group not found">
          {crumbs}
          <ErrorAlert title="This group could not be loaded">{problemMessage(error)}</ErrorAlert>
        </Page>
      );
    }
    return (
      <Page title="Group">
        {crumbs}
        <PageSkeleton />
      </Page>
    );
  }
  if (!group) {
    return (
      <Page title="Group not found">
        {crumbs}
        <Text>No group has this link, or it is not one you may see. Check the link with whoever gave it to you.</Text>
      </Page>
    );
  }

  const flags = GROUP_FLAGS.filter((flag) => group[flag.key]);
  const leaderNames = [...group.leaders.map((leader) => leader.displayName), ...group.leaderGroups.map((g) => `members of ${g.name}`)];

  return (
    <Page
      title={group.name}
      description={
        <>
          {group.memberCount} {group.memberCount === 1 ? 'member' : 'members'}
          {group.maxMembers ? ` of at most ${group.maxMembers}` : ''} · join link <Code>{group.joinPath}</Code>
        </>
      }
    >
      {crumbs}
      <Group gap="xs">
        <GroupFlagBadges group={group} />
      </Group>
      <Stack gap="lg">
        <SectionCard
          title="About"
          actions={
            <>
              {group.viewerCan.decideRequests ? (
                <Button
                  component={Link}
                  to={`/queue?groupId=${group.id}`}
                  variant="default"
                  size="xs"
                  leftSection={<IconChecklist size={14} aria-hidden />}
                  rightSection={
                    group.pendingRequestCount > 0 ? (
                      <Badge size="xs" variant="light" color="red">
                        {group.pendingRequestCount}
                      </Badge>
                    ) : null
                  }
                >
                  Requests for this group
                </Button>
              ) : null}
              {group.viewerCan.update ? (
                <Button
                  component={Link}
                  to={`/admin/groups/${group.id}`}
                  variant="default"
                  size="xs"
                  leftSection={<IconSettings size={14} aria-hidden />}
                >
                  Edit settings
                </Button>
              ) : null}
            </>
          }
        >
          <Stack gap="sm">
            <Text size="sm">{group.description || 'No description.'}</Text>
            {flags.length > 0 ? (
              <List size="sm" spacing={4}>
                {flags.map((flag) => (
                  <List.Item key={flag.key}>
                    <Text span size="sm" fw={600}>
                      {flag.label}:
                    </Text>{' '}
                    {flag.explanation}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">
                A self-service group: people who may request groups ask to join, and its approvers decide.
              </Text>
            )}
            <Text size="sm">
              <Text span size="sm" fw={600}>
                Leaders:
              </Text>{' '}
              {leaderNames.length > 0
                ? leaderNames.join(', ')
                : 'none — group managers and admins approve its requests.'}
            </Text>
            {group.permissions.length > 0 ? (
              <Text size="sm">
                <Text span size="sm" fw={600}>
                  Membership gives:
                </Text>{' '}
                {group.permissions.join(', ')}
              </Text>
            ) : null}
          </Stack>
        </SectionCard>
        <GroupMembershipCard group={group} />
        {group.viewerMembership ? <GroupGivesSection groupId={group.id} permissions={group.permissions} /> : null}
        {group.viewerCan.listMembers || group.viewerCan.addMembers || group.viewerCan.removeMembers || group.viewerCan.decideRequests ? (
          <GroupMembersSection
            key={`members-${group.id}`}
            groupId={group.id}
            groupName={group.name}
            canAdd={group.viewerCan.addMembers}
            canRemove={group.viewerCan.removeMembers}
            canChangeExpiry={group.viewerCan.changeExpiry}
            linkToAdmin={false}
          />
        ) : null}
        {group.viewerCan.readHistory ? <GroupHistorySection key={`history-${group.id}`} groupId={group.id} /> : null}
      </Stack>
    </Page>
  );
}
