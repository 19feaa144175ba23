import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { useResetSession } from './use-reset-session';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Ends this browser's session, forgets everything cached, and shows the sign-in page. */
export function useSignOut() {
  const [mutate, { loading }] = useMutation(SignOutMutation);
  const resetSession = useResetSession();
  const navigate = useNavigate();
  const signOut = async () => {
    await mutate();
    await resetSession();
    await navigate('/sign-in', { replace: true });
  };
  return [signOut, { loading }] as const;
}
