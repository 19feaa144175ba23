import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { SetupInput } from '../../gql/graphql';
import { useResetSession } from './use-reset-session';

const CompleteSetupMutation = graphql(`
  mutation CompleteSetup($input: SetupInput!) {
    completeSetup(input: $input) {
      user {
        id
      }
    }
  }
`);

/** The one-time first-admin setup; the new admin is signed in afterwards. */
export function useCompleteSetup() {
  const [mutate] = useMutation(CompleteSetupMutation);
  const resetSession = useResetSession();
  const [pending, setPending] = useState(false);
  const completeSetup = async (input: SetupInput) => {
    setPending(true);
    try {
      await mutate({ variables: { input } });
      await resetSession();
    } finally {
      setPending(false);
    }
  };
  return [completeSetup, { pending }] as const;
}
