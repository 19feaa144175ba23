import { Alert, Anchor, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { readProblem } from '../../app/graphql-errors';
import { useViewer } from '../../app/session/viewer-context';
import { Page } from '../../components/Page';
import { NewAccountForm } from '../../features/session/NewAccountForm';
import { useCompleteSetup } from '../../features/session/use-complete-setup';
import { useResetSession } from '../../features/session/use-reset-session';
import type { SetupInput } from '../../gql/graphql';

/** Where the first admin lands: creating the other accounts is the next thing to do. */
const AFTER_SETUP = '/admin/users';

export function SetupPage() {
  const { me, authConfig } = useViewer();
  const [completeSetup, { pending }] = useCompleteSetup();
  const resetSession = useResetSession();
  // Set before the request: once it succeeds, the refreshed viewer says "set up" before this
  // page navigates, and that must not read as a refusal.
  const [submitted, setSubmitted] = useState(false);
  // The server said someone else finished setup first (CONFLICT / SETUP_DONE).
  const [refused, setRefused] = useState(false);

  if (submitted && me) return <Navigate to={AFTER_SETUP} replace />;

  const submit = async (input: SetupInput) => {
    setSubmitted(true);
    try {
      await completeSetup(input);
    } catch (error) {
      setSubmitted(false);
      const problem = readProblem(error);
      if (problem.code === 'CONFLICT' && problem.reason === 'SETUP_DONE') {
        // This screen was opened while setup was still needed: learn that it is done before
        // offering sign-in, or the sign-in page would send the person straight back here.
        await resetSession();
        setRefused(true);
      } else throw error;
    }
  };

  if (refused || (!authConfig.needsSetup && !submitted)) {
    return (
      <Page title="Set up Gatehouse">
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Gatehouse is already set up">
          An administrator exists, so this one-time setup is closed.
        </Alert>
        <Text size="sm">
          {me ? (
            <Anchor component={Link} to="/">
              Go to Gatehouse
            </Anchor>
          ) : (
            <Anchor component={Link} to="/sign-in">
              Sign in instead
            </Anchor>
          )}
        </Text>
      </Page>
    );
  }

  return (
    <Page
      title="Set up Gatehouse"
      description="Create the first administrator. This screen works once: afterwards administrators create the accounts."
    >
      <NewAccountForm submitLabel="Create administrator" onSubmit={submit} pending={pending || submitted} />
    </Page>
  );
}
