import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const TestEmailMutation = graphql(`
  mutation TestEmail($to: String!) {
    testEmail(to: $to) {
      accepted
      code
      response
      durationMs
    }
  }
`);

/** Sends a test email now (not queued) and answers with what the SMTP server said. Changes nothing cached. */
export function useTestEmail() {
  return useMutation(TestEmailMutation);
}
