import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import type { ReviewProgress_ReviewFragment } from '../../gql/graphql';
import { progressOf } from './review-labels';

export const ReviewProgressFragment = graphql(`
  fragment ReviewProgress_review on AccessReview {
    id
    itemCount
    decidedCount
    groupProgress {
      itemCount
      decidedCount
      group {
        id
        name
      }
    }
    reviewerProgress {
      decidedCount
      reviewer {
        id
        displayName
      }
    }
  }
`);

export interface ReviewProgressProps {
  review: FragmentType<typeof ReviewProgressFragment>;
}

/** How far the review is, overall, per group and per reviewer (SPEC §21). */
export function ReviewProgress({ review }: ReviewProgressProps) {
  const data = useCompleteFragment(useFragment({ fragment: ReviewProgressFragment, fragmentName: 'ReviewProgress_review', from: review }));
  return data ? <ReviewProgressView review={data} /> : null;
}

/** A labelled bar: the label names what it measures, the value text says how far. */
function ProgressLine({ label, decided, total }: { label: string; decided: number; total: number }) {
  const { percent, text } = progressOf(decided, total);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {text} · {percent} %
        </Text>
      </Group>
      <Progress value={percent} aria-label={`${label}: ${percent} %`} color={percent === 100 ? 'green' : undefined} />
    </Stack>
  );
}

function ReviewProgressView({ review }: { review: ReviewProgress_ReviewFragment }) {
  const overall = progressOf(review.decidedCount, review.itemCount);
  return (
    <SectionCard title="Progress" description="Decided memberships, overall and in each group you see, and who decided how many.">
      <Text size="xl" fw={700} data-testid="review-percent">
        {overall.percent} % decided
      </Text>
      <ProgressLine label="All groups" decided={review.decidedCount} total={review.itemCount} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap="sm" aria-label="Progress per group" role="group">
          {review.groupProgress.map((p) => (
            <ProgressLine key={p.group.id} label={p.group.name} decided={p.decidedCount} total={p.itemCount} />
          ))}
        </Stack>
        {review.reviewerProgress.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody has decided anything yet.
          </Text>
        ) : (
          <ScrollTable label="Decisions per reviewer" minWidth={260}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Reviewer</Table.Th>
                <Table.Th scope="col">Decided</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.reviewerProgress.map((p, i) => (
                <Table.Tr key={p.reviewer?.id ?? `gone-${i}`}>
                  <Table.Td>{p.reviewer?.displayName ?? 'A deleted account'}</Table.Td>
                  <Table.Td>{p.decidedCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </SimpleGrid>
    </SectionCard>
  );
}
