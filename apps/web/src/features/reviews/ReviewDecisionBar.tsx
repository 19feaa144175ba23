import { LIMITS } from '@gatehouse/shared';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { plural } from './review-labels';
import type { ReviewDecisions } from './use-review-decisions';

export interface ReviewDecisionBarProps {
  decisions: ReviewDecisions;
}

/** The comment for the next decision, how many rows are selected, and Keep / Remove for all of them. */
export function ReviewDecisionBar({ decisions }: ReviewDecisionBarProps) {
  const { selected, deciding } = decisions;
  const none = selected.size === 0 || deciding;
  return (
    <Stack gap="xs">
      <TextInput
        label="Comment (optional)"
        description="Saved with the next decision you make, one row or the selected ones."
        value={decisions.comment}
        onChange={(event) => decisions.setComment(event.currentTarget.value)}
        maxLength={LIMITS.reasonMax}
        disabled={deciding}
        maw={560}
      />
      <Group gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {selected.size > 0 ? `${plural(selected.size, 'membership')} selected` : 'Select memberships to decide several at once.'}
        </Text>
        <Button size="xs" color="green" variant="light" disabled={none} loading={deciding} onClick={() => void decisions.decideSelected('KEEP')}>
          Keep selected
        </Button>
        <Button size="xs" color="red" variant="light" disabled={none} onClick={() => void decisions.decideSelected('REMOVE')}>
          Remove selected
        </Button>
      </Group>
    </Stack>
  );
}
