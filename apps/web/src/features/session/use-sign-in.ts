import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useResetSession } from './use-reset-session';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      user {
        id
      }
    }
  }
`);

/** Signs in and refreshes everything for the new session; pending until the viewer is known. */
export function useSignIn() {
  const [mutate] = useMutation(SignInMutation);
  const resetSession = useResetSession();
  const [pending, setPending] = useState(false);
  const signIn = async (email: string, password: string) => {
    setPending(true);
    try {
      await mutate({ variables: { email, password } });
      await resetSession();
    } finally {
      setPending(false);
    }
  };
  return [signIn, { pending }] as const;
}
