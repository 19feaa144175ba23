import { Anchor, Text } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { useViewer } from '../../app/session/viewer-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { NewAccountForm } from '../../features/session/NewAccountForm';
import { useSignUp } from '../../features/session/use-sign-up';

export function SignUpPage() {
  const { me, authConfig } = useViewer();
  const [signUp, { pending }] = useSignUp();

  if (authConfig.needsSetup) return <Navigate to="/setup" replace />;
  if (me) return <Navigate to="/" replace />;

  const signInLink = (
    <Text size="sm">
      Already have an account?{' '}
      <Anchor component={Link} to="/sign-in">
        Sign in
      </Anchor>
    </Text>
  );

  if (authConfig.registration !== 'OPEN') {
    return (
      <Page title="Create an account">
        <ErrorAlert title="Sign-up is closed">
          Administrators create the accounts here. Ask one of them for an account.
        </ErrorAlert>
        {signInLink}
      </Page>
    );
  }
  return (
    <Page title="Create an account" description="You will join the groups every new member joins.">
      <NewAccountForm submitLabel="Create account" onSubmit={signUp} pending={pending} />
      {signInLink}
    </Page>
  );
}
