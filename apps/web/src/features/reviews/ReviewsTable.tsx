import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Progress, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatDate } from '../../components/dates';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { ReviewsTable_ReviewFragment } from '../../gql/graphql';
import { progressOf, STATUS_LABELS } from './review-labels';

export const ReviewsTableFragment = graphql(`
  fragment ReviewsTable_review on AccessReview {
    id
    name
    status
    deadline
    closedAt
    itemCount
    decidedCount
    groups {
      id
      name
    }
  }
`);

export interface ReviewsTableProps {
  reviews: readonly FragmentType<typeof ReviewsTableFragment>[];
}

const groupNames = (groups: readonly { name: string }[]) =>
  groups.length <= 3 ? groups.map((g) => g.name).join(', ') : `${groups.slice(0, 3).map((g) => g.name).join(', ')} and ${groups.length - 3} more`;

/** Access reviews, newest first: name, groups, progress and deadline. */
export function ReviewsTable({ reviews }: ReviewsTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: ReviewsTableFragment, fragmentName: 'ReviewsTable_review', from: [...reviews] }),
  );
  return data ? <ReviewsTableView reviews={data} /> : null;
}

function ReviewsTableView({ reviews }: { reviews: readonly ReviewsTable_ReviewFragment[] }) {
  return (
    <ScrollTable label="Access reviews" minWidth={760} cardsOnPhone>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Review</Table.Th>
          <Table.Th scope="col">Groups</Table.Th>
          <Table.Th scope="col">Progress</Table.Th>
          <Table.Th scope="col">Deadline</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reviews.map((review) => {
          const progress = progressOf(review.decidedCount, review.itemCount);
          return (
            <Table.Tr key={review.id}>
              <Table.Td data-label="Review">
                <Stack gap={2} align="flex-start">
                  <Anchor component={Link} to={`/reviews/${review.id}`} fw={500}>
                    {review.name}
                  </Anchor>
                  <Badge size="xs" variant="light" color={review.status === 'OPEN' ? 'blue' : 'gray'}>
                    {STATUS_LABELS[review.status]}
                  </Badge>
                </Stack>
              </Table.Td>
              <Table.Td data-label="Groups">
                <Text size="sm">{groupNames(review.groups)}</Text>
              </Table.Td>
              <Table.Td data-label="Progress" miw={180}>
                <Stack gap={4}>
                  <Text size="sm">
                    {progress.text} ({progress.percent} %)
                  </Text>
                  <Progress value={progress.percent} aria-label={`${review.name}: ${progress.percent} % decided`} size="sm" />
                </Stack>
              </Table.Td>
              <Table.Td data-label="Deadline">
                <Text size="sm">{review.status === 'OPEN' ? formatDate(review.deadline) : `Closed ${formatDate(review.closedAt)}`}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
