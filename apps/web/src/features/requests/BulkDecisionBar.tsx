import { Button, Group, Text } from '@mantine/core';
import { plural } from './bulk-decision';
import type { RequestDecisions } from './use-request-decisions';

export interface BulkDecisionBarProps {
  decisions: RequestDecisions;
}

/** How many requests are selected, and the buttons that decide them together. */
export function BulkDecisionBar({ decisions }: BulkDecisionBarProps) {
  const { selected, deciding } = decisions;
  return (
    <Group gap="sm">
      <Text size="sm" c="dimmed">
        {selected.size > 0 ? `${plural(selected.size, 'request')} selected` : 'Select requests to decide several at once.'}
      </Text>
      <Button
        size="xs"
        color="green"
        variant="light"
        disabled={selected.size === 0 || deciding}
        onClick={() => decisions.decideSelected(true)}
      >
        Approve selected
      </Button>
      <Button
        size="xs"
        color="red"
        variant="light"
        disabled={selected.size === 0 || deciding}
        onClick={() => decisions.decideSelected(false)}
      >
        Reject selected
      </Button>
    </Group>
  );
}
