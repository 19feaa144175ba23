import { Group, List, Stack, Text } from '@mantine/core';
import { graphql } from '../../gql';
import type { AccessExplanationView_ExplanationFragment } from '../../gql/graphql';
import { describeLevel, describeReason, type ReasonSubject } from './access-words';
import { LevelBadge } from './LevelBadge';

export const AccessExplanationViewFragment = graphql(`
  fragment AccessExplanationView_explanation on AccessExplanation {
    level
    reasons {
      kind
      level
      expiresAt
      group {
        id
        name
      }
      grant {
        id
      }
    }
  }
`);

export interface AccessExplanationViewProps {
  explanation: AccessExplanationView_ExplanationFragment;
  /** "you" on My access, "them" when explaining someone else's. */
  subject: ReasonSubject;
}

/** The level and every path to it, in words, as the server explains it. */
export function AccessExplanationView({ explanation, subject }: AccessExplanationViewProps) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <LevelBadge level={explanation.level} />
        <Text size="sm">{describeLevel(explanation.level, subject)}</Text>
      </Group>
      {explanation.reasons.length > 0 ? (
        <List size="sm" spacing={4} aria-label="Paths to this resource">
          {explanation.reasons.map((reason, index) => (
            <List.Item key={`${reason.kind}-${reason.grant?.id ?? reason.group?.id ?? index}`}>
              {describeReason(reason, subject)}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          No owner role, grant, group or public visibility reaches it.
        </Text>
      )}
    </Stack>
  );
}
