import { Badge, Group } from '@mantine/core';
import { graphql } from '../../gql';
import type { GroupFlags_GroupFragment } from '../../gql/graphql';

export const GroupFlagsFragment = graphql(`
  fragment GroupFlags_group on Group {
    builtIn
    system
    internal
    hidden
    open
    public
    restricted
  }
`);

export interface GroupFlagBadgesProps {
  group: GroupFlags_GroupFragment;
}

/** The flags that are on, as small badges; "Self-service" when none restricts who joins. */
export function GroupFlagBadges({ group }: GroupFlagBadgesProps) {
  const badges: { label: string; color: string }[] = [];
  if (group.builtIn) badges.push({ label: 'Built-in', color: 'gray' });
  if (group.system) badges.push({ label: 'System', color: 'dark' });
  if (group.internal) badges.push({ label: 'Internal', color: 'indigo' });
  if (group.hidden) badges.push({ label: 'Hidden', color: 'grape' });
  if (group.open) badges.push({ label: 'Open', color: 'green' });
  if (group.public) badges.push({ label: 'Public', color: 'teal' });
  if (group.restricted) badges.push({ label: 'Restricted', color: 'orange' });
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
