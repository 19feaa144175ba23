import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const DefinePermissionMutation = graphql(`
  mutation DefinePermission($key: String!, $description: String!) {
    definePermission(key: $key, description: $description) {
      ...PermissionCatalogTable_permission
    }
  }
`);

/**
 * Adds a custom key. The catalog is dropped from the cache, so every open catalog (the table,
 * permission pickers) fetches it again in the server's order.
 */
export function useDefinePermission() {
  return useMutation(DefinePermissionMutation, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'permissions' });
    },
  });
}
