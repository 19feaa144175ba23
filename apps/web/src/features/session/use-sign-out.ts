import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { setSigningOut } from '../../app/apollo-client';
import { useResetSession } from './use-reset-session';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Marks the sign-in page as reached by signing out, so the cached viewer does not bounce it. */
export interface SignedOutState {
  signedOut: true;
}

export function isSignedOutState(state: unknown): state is SignedOutState {
  return typeof state === 'object' && state !== null && (state as { signedOut?: unknown }).signedOut === true;
}

/**
 * Ends this browser's session, shows the sign-in page, and forgets everything cached. The page
 * changes first: resetting the store while an app page is open would make the route guard
 * send the person to sign-in "to come back here" instead.
 */
export function useSignOut() {
  const [mutate, { loading }] = useMutation(SignOutMutation);
  const resetSession = useResetSession();
  const navigate = useNavigate();
  const signOut = async () => {
    setSigningOut(true);
    try {
      await mutate();
      const state: SignedOutState = { signedOut: true };
      await navigate('/sign-in', { replace: true, state });
      await resetSession();
    } finally {
      setSigningOut(false);
    }
  };
  return [signOut, { loading }] as const;
}
