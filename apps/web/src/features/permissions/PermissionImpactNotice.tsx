import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { problemMessage } from '../../app/graphql-errors';
import { graphql } from '../../gql';
import type { PermissionImpactNotice_ImpactFragment } from '../../gql/graphql';

// The preview depends on what is being typed into the form, so the widget owns its queries. The
// fragment is their shared selection, read here and unmasked (an impact has no id to cache it by).
graphql(`
  fragment PermissionImpactNotice_impact on PermissionImpact {
    membershipsEnded
    usersLosingRequest
    users {
      id
      displayName
    }
  }
`);

const GroupImpactQuery = graphql(`
  query GroupPermissionImpact($groupId: ID!, $permissions: [String!]!) {
    groupPermissionImpact(groupId: $groupId, permissions: $permissions) {
      ...PermissionImpactNotice_impact @unmask
    }
  }
`);

const UserImpactQuery = graphql(`
  query UserPermissionImpact($userId: ID!, $permissions: [String!]!) {
    userPermissionImpact(userId: $userId, permissions: $permissions) {
      ...PermissionImpactNotice_impact @unmask
    }
  }
`);

export type ImpactTarget = { kind: 'group'; groupId: string } | { kind: 'user'; userId: string };

/**
 * Asks the server, now, what saving `permissions` would end — for the moment of saving, so the
 * confirmation never rests on a preview of an older value.
 */
export async function fetchPermissionImpact(
  client: ApolloClient,
  target: ImpactTarget,
  permissions: readonly string[],
): Promise<PermissionImpactNotice_ImpactFragment | null> {
  if (target.kind === 'group') {
    const { data } = await client.query({
      query: GroupImpactQuery,
      variables: { groupId: target.groupId, permissions: [...permissions] },
      fetchPolicy: 'network-only',
    });
    return data?.groupPermissionImpact ?? null;
  }
  const { data } = await client.query({
    query: UserImpactQuery,
    variables: { userId: target.userId, permissions: [...permissions] },
    fetchPolicy: 'network-only',
  });
  return data?.userPermissionImpact ?? null;
}

export interface PermissionImpactNoticeProps {
  target: ImpactTarget;
  /** The permissions as they would be saved. */
  permissions: readonly string[];
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
const memberships = (n: number) => (n === 1 ? '1 membership' : `${n} memberships`);

/** What saving these permissions would end (SPEC §8), computed by the server before saving. */
export function PermissionImpactNotice({ target, permissions }: PermissionImpactNoticeProps) {
  // Debounced as a string: a fresh array each render would restart the timer for ever.
  const [debouncedKey] = useDebouncedValue([...permissions].sort().join(' '), 300);
  const debounced = debouncedKey === '' ? [] : debouncedKey.split(' ');
  const group = useQuery(GroupImpactQuery, {
    variables: { groupId: target.kind === 'group' ? target.groupId : '', permissions: debounced },
    skip: target.kind !== 'group',
    fetchPolicy: 'network-only',
  });
  const user = useQuery(UserImpactQuery, {
    variables: { userId: target.kind === 'user' ? target.userId : '', permissions: debounced },
    skip: target.kind !== 'user',
    fetchPolicy: 'network-only',
  });
  const { loading, error } = target.kind === 'group' ? group : user;
  const impact: PermissionImpactNotice_ImpactFragment | undefined =
    target.kind === 'group' ? group.data?.groupPermissionImpact : user.data?.userPermissionImpact;

  if (loading && !impact) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="dimmed">
          Checking what this change would do…
        </Text>
      </Group>
    );
  }
  if (error) {
    return (
      <Text size="sm" c="dimmed">
        The effect of this change could not be checked: {problemMessage(error)}
      </Text>
    );
  }
  if (!impact) return null;
  if (impact.membershipsEnded === 0 && impact.usersLosingRequest === 0) {
    return (
      <Text size="sm" c="dimmed" role="status">
        Saving this ends no memberships.
      </Text>
    );
  }
  const names = impact.users.map((person) => person.displayName);
  const more = impact.usersLosingRequest - names.length;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Saving this ends memberships">
      <Text size="sm">
        {people(impact.usersLosingRequest)} would lose groups.request, and the permission-loss policy would end{' '}
        {memberships(impact.membershipsEnded)}
        {names.length > 0 ? `: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}.` : '.'}
      </Text>
    </Alert>
  );
}
