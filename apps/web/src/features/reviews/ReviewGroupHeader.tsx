import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { graphql } from '../../gql';
import { LevelBadge } from '../resources/LevelBadge';

// A review lists up to a page of groups, each with its grants: the grants carry no id (one per
// resource and group, keyed by the resource) to keep the page's query well under the cost limit.
export const ReviewGroupHeaderFragment = graphql(`
  fragment ReviewGroupHeader_group on Group {
    id
    name
    permissions
    # eslint-disable-next-line @graphql-eslint/require-selections -- no grant ids (see above)
    grants {
      level
      resourceId
      resourceName
    }
  }
`);

export interface ReviewGroupHeaderProps {
  /** The group as the review lists it; null when the review does not (only its name is known). */
  group: FragmentType<typeof ReviewGroupHeaderFragment> | null;
  name: string;
  /** How many columns the row spans. */
  columns: number;
}

/**
 * The row above a group's memberships under review: what membership of it gives — its permissions
 * and the resources granted to it — so a reviewer judges each person by what they would keep.
 */
export function ReviewGroupHeader({ group, name, columns }: ReviewGroupHeaderProps) {
  return group ? <KnownGroupHeader group={group} name={name} columns={columns} /> : <HeaderRow name={name} columns={columns} />;
}

function KnownGroupHeader({ group, name, columns }: ReviewGroupHeaderProps & { group: FragmentType<typeof ReviewGroupHeaderFragment> }) {
  const data = useCompleteFragment(useFragment({ fragment: ReviewGroupHeaderFragment, fragmentName: 'ReviewGroupHeader_group', from: group }));
  if (!data) return <HeaderRow name={name} columns={columns} />;
  return (
    <HeaderRow name={data.name} columns={columns}>
      <Group gap={6} wrap="wrap" data-testid="review-group-permissions">
        <Text span size="xs" fw={600}>
          Permissions:
        </Text>
        {data.permissions.length > 0 ? (
          data.permissions.map((key) => (
            <Badge key={key} size="sm" variant="default" tt="none">
              {key}
            </Badge>
          ))
        ) : (
          <Text span size="xs" c="dimmed">
            none
          </Text>
        )}
      </Group>
      <Group gap={6} wrap="wrap" data-testid="review-group-resources">
        <Text span size="xs" fw={600}>
          Resources:
        </Text>
        {data.grants.length > 0 ? (
          data.grants.map((grant) => (
            <Group key={grant.resourceId} gap={4} wrap="nowrap">
              <Anchor component={Link} to={`/resources/${grant.resourceId}`} size="sm">
                {grant.resourceName}
              </Anchor>
              <LevelBadge level={grant.level} />
            </Group>
          ))
        ) : (
          <Text span size="xs" c="dimmed">
            none shared with this group
          </Text>
        )}
      </Group>
    </HeaderRow>
  );
}

function HeaderRow({ name, columns, children }: { name: string; columns: number; children?: ReactNode }) {
  return (
    <Table.Tr data-testid="review-group">
      <Table.Td colSpan={columns} bg="var(--mantine-color-default-hover)">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {name}
          </Title>
          {children}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
