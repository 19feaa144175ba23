import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Badge, Group } from '@mantine/core';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { graphql } from '../../gql';
import type { GroupFlagBadges_GroupFragment } from '../../gql/graphql';

export const GroupFlagBadgesFragment = graphql(`
  fragment GroupFlagBadges_group on Group {
    id
    builtIn
    system
    internal
    hidden
    open
    public
    restricted
    source
  }
`);

export interface GroupFlagBadgesProps {
  group: FragmentType<typeof GroupFlagBadgesFragment>;
}

/** The flags that are on, as small badges, and the group's source when SSO or SCIM made it. */
export function GroupFlagBadges({ group, ...rest }: GroupFlagBadgesProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: GroupFlagBadgesFragment, fragmentName: 'GroupFlagBadges_group', from: group }),
  );
  return data ? <GroupFlagBadgesView {...rest} group={data} /> : null;
}

interface GroupFlagBadgesViewProps extends Omit<GroupFlagBadgesProps, 'group'> {
  group: GroupFlagBadges_GroupFragment;
}

function GroupFlagBadgesView({ group }: GroupFlagBadgesViewProps) {
  const badges: { label: string; color: string }[] = [];
  if (group.builtIn) badges.push({ label: 'Built-in', color: 'gray' });
  if (group.system) badges.push({ label: 'System', color: 'dark' });
  if (group.internal) badges.push({ label: 'Internal', color: 'indigo' });
  if (group.hidden) badges.push({ label: 'Hidden', color: 'grape' });
  if (group.open) badges.push({ label: 'Open', color: 'green' });
  if (group.public) badges.push({ label: 'Public', color: 'teal' });
  if (group.restricted) badges.push({ label: 'Restricted', color: 'orange' });
  // Who made it, when not a person in Gatehouse: SCIM groups' members are the identity provider's.
  if (group.source === 'SCIM') badges.push({ label: 'SCIM', color: 'cyan' });
  if (group.source === 'SSO') badges.push({ label: 'SSO', color: 'blue' });
  return (
    <Group gap={4}>
      {badges.map((badge) => (
        <Badge key={badge.label} size="sm" variant="light" color={badge.color}>
          {badge.label}
        </Badge>
      ))}
    </Group>
  );
}
