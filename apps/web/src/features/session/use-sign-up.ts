import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { SetupInput } from '../../gql/graphql';
import { useResetSession } from './use-reset-session';

const SignUpMutation = graphql(`
  mutation SignUp($input: SetupInput!) {
    signUp(input: $input) {
      user {
        id
      }
    }
  }
`);

/** Self-registration (registration OPEN); the new person is signed in afterwards. */
export function useSignUp() {
  const [mutate] = useMutation(SignUpMutation);
  const resetSession = useResetSession();
  const [pending, setPending] = useState(false);
  const signUp = async (input: SetupInput) => {
    setPending(true);
    try {
      await mutate({ variables: { input } });
      await resetSession();
    } finally {
      setPending(false);
    }
  };
  return [signUp, { pending }] as const;
}
