import { useQuery } from '@apollo/client/react';
import { Button, Group, SegmentedControl } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { usePagedList } from '../../app/paging/use-paged-list';
import { useUrlState } from '../../app/use-url-state';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { ReviewsTable } from '../../features/reviews/ReviewsTable';
import { StartReviewModal } from '../../features/reviews/StartReviewModal';
import { graphql } from '../../gql';

const PAGE_SIZE = 50;
const FILTERS = ['OPEN', 'CLOSED', 'ALL'] as const;
type Filter = (typeof FILTERS)[number];

const ReviewsQuery = graphql(`
  query Reviews($status: ReviewStatus, $first: Int!, $after: String) {
    accessReviews(status: $status, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...ReviewsTable_review
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
    viewerAbilities {
      startAccessReview
    }
  }
`);

/**
 * Access reviews (SPEC §21): those you started, those of groups you review, every one for
 * admins. The status filter lives in the URL; admins and managers start new ones here.
 */
export function ReviewsPage() {
  const [filter, setFilter] = useUrlState<Filter>('status', 'OPEN', FILTERS);
  const navigate = useNavigate();
  const [starting, startModal] = useDisclosure(false);
  const result = useQuery(ReviewsQuery, {
    variables: { status: filter === 'ALL' ? null : filter, first: PAGE_SIZE },
  });
  const list = usePagedList(result, (data) => data.accessReviews);
  const canStart = (result.data ?? result.previousData)?.viewerAbilities.startAccessReview ?? false;

  return (
    <Page
      title="Access reviews"
      description="Periodic checks that each member still belongs: reviewers keep or remove every membership before the deadline."
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label="Which reviews"
          value={filter}
          onChange={(value) => setFilter(FILTERS.includes(value as Filter) ? (value as Filter) : 'OPEN')}
          data={[
            { value: 'OPEN', label: 'Open' },
            { value: 'CLOSED', label: 'Closed' },
            { value: 'ALL', label: 'All' },
          ]}
        />
        {canStart ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={startModal.open}>
            Start a review
          </Button>
        ) : null}
      </Group>
      <PagedList
        list={list}
        errorTitle="The access reviews could not be loaded"
        empty={
          <EmptyMessage title={filter === 'CLOSED' ? 'No closed reviews' : filter === 'OPEN' ? 'No open reviews' : 'No reviews yet'}>
            {canStart
              ? 'Start one with Start a review: pick the groups, a deadline and what happens to undecided memberships.'
              : 'When a review asks you to check the members of a group you lead, it appears here.'}
          </EmptyMessage>
        }
      >
        {(nodes) => <ReviewsTable reviews={nodes} />}
      </PagedList>
      {canStart ? (
        <StartReviewModal opened={starting} onClose={startModal.close} onStarted={(id) => void navigate(`/reviews/${id}`)} />
      ) : null}
    </Page>
  );
}
