import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';

/**
 * After the session changed (signed in, signed out, set up): nothing cached for the previous
 * person may survive, so the store is emptied and every active query, the viewer's included,
 * asks again with the new cookie.
 */
export function useResetSession(): () => Promise<void> {
  const client = useApolloClient();
  return useCallback(async () => {
    await client.resetStore();
  }, [client]);
}
