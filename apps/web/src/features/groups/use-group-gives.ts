import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AccessLevel } from '../../gql/graphql';

// The viewer's own reach with the paths to each resource (one batched explanation per page): the
// resources whose paths include a grant to this group are what the group gives them.
const GroupGivesQuery = graphql(`
  query GroupGives {
    resources(first: 50) {
      edges {
        node {
          id
          name
          kind
          accessReasons {
            kind
            level
            group {
              id
            }
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** How many of the viewer's resources are looked through (the query's `first`: 50 keeps it under half the cost limit). */

export interface GivenResource {
  id: string;
  name: string;
  kind: string;
  /** The level this group's grant gives. */
  level: AccessLevel;
  /** Another path (another group, a personal grant, ownership, public) also reaches it. */
  alsoOtherwise: boolean;
}

export interface GroupGives {
  loading: boolean;
  error: Error | undefined;
  resources: GivenResource[];
  /** More resources than were looked through: the list may be incomplete. */
  partial: boolean;
}

/**
 * The resources `groupId` gives the signed-in viewer, read from the server's own explanations of
 * their access (never re-derived here). Skipped when `enabled` is false (not a member).
 */
export function useGroupGives(groupId: string, enabled: boolean): GroupGives {
  const { data, loading, error } = useQuery(GroupGivesQuery, { skip: !enabled });
  const resources: GivenResource[] = [];
  for (const { node } of data?.resources.edges ?? []) {
    const reasons = node.accessReasons;
    const mine = reasons.filter((reason) => reason.kind === 'GROUP_GRANT' && reason.group?.id === groupId);
    if (mine.length === 0) continue;
    const level: AccessLevel = mine.some((reason) => reason.level === 'WRITE') ? 'WRITE' : 'READ';
    const others = reasons.filter((reason) => !mine.includes(reason));
    resources.push({ id: node.id, name: node.name, kind: node.kind, level, alsoOtherwise: others.length > 0 });
  }
  return { loading, error, resources, partial: data?.resources.pageInfo.hasNextPage ?? false };
}
