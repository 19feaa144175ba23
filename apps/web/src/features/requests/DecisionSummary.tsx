import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { RequestDecisions } from './use-request-decisions';

/** What the last decision did, until dismissed (the notification fades; this stays). */
export function DecisionSummary({ decisions }: { decisions: RequestDecisions }) {
  if (!decisions.summary) return null;
  return (
    <Alert
      variant="light"
      color="blue"
      icon={<IconInfoCircle aria-hidden />}
      role="status"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={decisions.dismissSummary}
    >
      {decisions.summary}
    </Alert>
  );
}
