import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/**
 * Marks some (or, without ids, all) of the viewer's notifications read. The rows turn read in
 * the cache at once; the bell asks the server again for the unread count.
 */
export function useMarkNotificationsRead() {
  return useMutation(MarkNotificationsReadMutation, {
    update(cache, _result, { variables }) {
      const ids = variables?.ids;
      const now = new Date().toISOString();
      cache.modify({
        id: 'ROOT_QUERY',
        fields: {
          notifications(existing: unknown, { readField, isReference }) {
            const edges = (existing as { edges?: readonly { node?: unknown }[] } | undefined)?.edges ?? [];
            for (const edge of edges) {
              const node = edge.node;
              if (!isReference(node)) continue;
              const id = readField<string>('id', node);
              if (ids && !(Array.isArray(ids) ? ids : [ids]).includes(id ?? '')) continue;
              if (readField('readAt', node)) continue;
              cache.modify({ id: node.__ref, fields: { readAt: () => now } });
            }
            return existing;
          },
        },
      });
    },
    refetchQueries: ['NotificationBell'],
  });
}
