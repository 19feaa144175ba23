import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { PickedGroup } from '../groups/GroupPicker';

const WebhookGroupQuery = graphql(`
  query WebhookGroup($id: ID!) {
    group(id: $id) {
      id
      name
    }
  }
`);

/**
 * The groups a webhook filters on, with their names (the API gives a webhook only group ids).
 * One `group(id)` per id, from the cache when it has them; null until all have answered. A group
 * deleted since keeps its id, labelled as gone, so saving does not silently drop it.
 */
export function useGroupLabels(ids: readonly string[]): PickedGroup[] | null {
  const client = useApolloClient();
  const key = ids.join(',');
  const [answer, setAnswer] = useState<{ key: string; groups: PickedGroup[] } | null>(null);

  useEffect(() => {
    if (!key) return;
    let current = true;
    void Promise.all(
      key.split(',').map(async (id): Promise<PickedGroup> => {
        try {
          const { data } = await client.query({ query: WebhookGroupQuery, variables: { id } });
          return { id, label: data?.group?.name ?? 'A deleted group' };
        } catch {
          return { id, label: 'A group that could not be loaded' };
        }
      }),
    ).then((groups) => {
      if (current) setAnswer({ key, groups });
    });
    return () => {
      current = false;
    };
  }, [client, key]);

  if (!key) return [];
  return answer?.key === key ? answer.groups : null;
}
