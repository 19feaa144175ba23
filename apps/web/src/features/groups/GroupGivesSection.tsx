import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { LevelBadge } from '../resources/LevelBadge';
import { useGroupGives } from './use-group-gives';

export interface GroupGivesSectionProps {
  groupId: string;
  /** The permissions every current member holds (`Group.permissions`). */
  permissions: readonly string[];
}

/** For a member: the permissions and the resources this group gives them. */
export function GroupGivesSection({ groupId, permissions }: GroupGivesSectionProps) {
  const gives = useGroupGives(groupId, true);
  return (
    <SectionCard title="What this group gives you" description="Through your membership you hold these permissions and reach these resources.">
      <Stack gap="sm">
        <Text size="sm">
          <Text span size="sm" fw={600}>
            Permissions:
          </Text>{' '}
          {permissions.length > 0 ? permissions.join(', ') : 'none.'}
        </Text>
        {gives.error ? <ErrorAlert title="Your resources could not be loaded">{problemMessage(gives.error)}</ErrorAlert> : null}
        {gives.loading ? (
          <Text size="sm" c="dimmed">
            Looking up your resources…
          </Text>
        ) : gives.resources.length === 0 ? (
          <Text size="sm">No resource is shared with this group.</Text>
        ) : (
          <List size="sm" spacing={4} aria-label="Resources this group gives you">
            {gives.resources.map((resource) => (
              <List.Item key={resource.id}>
                <Group gap={6} wrap="wrap">
                  <Anchor component={Link} to={`/resources/${resource.id}`} size="sm">
                    {resource.name}
                  </Anchor>
                  <Text span size="xs" c="dimmed">
                    {resource.kind}
                  </Text>
                  <LevelBadge level={resource.level} />
                  {resource.alsoOtherwise ? (
                    <Badge size="xs" variant="light" color="gray">
                      also reached another way
                    </Badge>
                  ) : null}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {gives.partial ? (
          <Text size="xs" c="dimmed">
            Only your first 100 resources were looked through; see My access for everything.
          </Text>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
