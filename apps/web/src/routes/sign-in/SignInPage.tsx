import { LIMITS } from '@gatehouse/shared';
import { Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconLogin2 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { safeNextPath } from '../../app/session/next-path';
import { useViewer } from '../../app/session/viewer-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useSignIn } from '../../features/session/use-sign-in';
import { ssoErrorMessage, ssoStartPath } from '../../features/sso/sso-sign-on';
import { isSignedOutState } from '../../features/session/use-sign-out';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { me, authConfig } = useViewer();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));
  // The server's callback sends failures back here as ?sso_error=<a sentence for people>.
  const ssoError = ssoErrorMessage(params.get('sso_error'));
  const [signIn, { pending }] = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  if (authConfig.needsSetup) return <Navigate to="/setup" replace />;
  // Already signed in: on to where they were going. Not right after signing out, while the
  // cache still remembers the person who just left.
  if (me && !isSignedOutState(location.state)) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await signIn(email.trim(), password);
      await navigate(next, { replace: true });
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <Page title="Sign in" description="Sign in to Gatehouse with your email and password.">
      {ssoError ? <ErrorAlert title="Single sign-on did not work">{ssoError}</ErrorAlert> : null}
      {authConfig.ssoEnabled ? (
        <>
          {/* A plain link: the server redirects to the provider, which is not part of the SPA. */}
          <Button component="a" href={ssoStartPath(next)} variant="default" fullWidth leftSection={<IconLogin2 aria-hidden size={18} />}>
            Sign in with {authConfig.ssoDisplayName || 'single sign-on'}
          </Button>
          <Divider label="or with your email and password" labelPosition="center" />
        </>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={problem?.fields['email']}
            maxLength={LIMITS.emailMax}
            disabled={pending}
            data-autofocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={problem?.fields['password']}
            maxLength={LIMITS.passwordMax}
            disabled={pending}
          />
          <Button type="submit" loading={pending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
      {authConfig.registration === 'OPEN' ? (
        <Text size="sm">
          New here?{' '}
          <Anchor component={Link} to="/sign-up">
            Create an account
          </Anchor>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          No account yet? Ask an administrator to create one for you.
        </Text>
      )}
    </Page>
  );
}
