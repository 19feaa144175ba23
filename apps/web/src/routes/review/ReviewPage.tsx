import { useQuery } from '@apollo/client/react';
import { Badge, Group, Select, Switch, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { usePagedList } from '../../app/paging/use-paged-list';
import { useSignedInViewer } from '../../app/session/viewer-context';
import { useUrlState } from '../../app/use-url-state';
import { formatDate } from '../../components/dates';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { CloseReviewButton, DownloadDecisionsButton } from '../../features/reviews/ReviewActions';
import { ReviewDecisionBar } from '../../features/reviews/ReviewDecisionBar';
import { ReviewItemsTable } from '../../features/reviews/ReviewItemsTable';
import { ReviewProgress } from '../../features/reviews/ReviewProgress';
import { STATUS_LABELS } from '../../features/reviews/review-labels';
import { useReviewDecisions } from '../../features/reviews/use-review-decisions';
import { graphql } from '../../gql';

const PAGE_SIZE = 50;
const ALL_GROUPS = 'all';

const ReviewQuery = graphql(`
  query Review($id: ID!, $groupId: ID, $undecidedOnly: Boolean, $first: Int!, $after: String) {
    accessReview(id: $id) {
      id
      name
      status
      deadline
      closedAt
      defaultDecision
      autoApply
      permission
      viewerCanClose
      createdBy {
        id
        displayName
      }
      groups {
        id
        name
        # eslint-disable-next-line @graphql-eslint/require-selections -- its grants carry no id by design
        ...ReviewGroupHeader_group
      }
      ...ReviewProgress_review
      items(first: $first, after: $after, groupId: $groupId, undecidedOnly: $undecidedOnly) {
        edges {
          cursor
          node {
            id
            ...ReviewItemsTable_item
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

/**
 * One access review (SPEC §21): its progress, and the memberships under review — paged, filtered
 * by group or to the undecided ones (both in the URL) — to keep or remove one by one or in bulk.
 * Admins close it early; anyone who sees it downloads its decisions as CSV.
 */
export function ReviewPage() {
  const { reviewId = '' } = useParams();
  const viewer = useSignedInViewer();
  const [groupId, setGroupId] = useUrlState<string>('group', '');
  const [undecided, setUndecided] = useUrlState<string>('undecided', '');
  const decisions = useReviewDecisions(reviewId);
  const result = useQuery(ReviewQuery, {
    variables: { id: reviewId, groupId: groupId || null, undecidedOnly: undecided === '1', first: PAGE_SIZE },
  });
  const list = usePagedList(result, (data) => data.accessReview?.items);
  const answer = result.data ?? result.previousData;
  const review = answer?.accessReview;

  if (!answer) {
    return result.error ? (
      <Page title="Access review">
        <ErrorAlert title="The review could not be loaded">{problemMessage(result.error)}</ErrorAlert>
      </Page>
    ) : (
      <PageSkeleton />
    );
  }
  if (!review) {
    return (
      <Page title="Access review">
        <EmptyMessage title="No such review">This access review does not exist, or you may not see it.</EmptyMessage>
      </Page>
    );
  }

  const open = review.status === 'OPEN';
  const refilter = (apply: () => void) => {
    decisions.setSelected(new Set());
    apply();
  };
  const groupsById = new Map(review.groups.map((g) => [g.id, g]));
  const ref = { id: review.id, name: review.name, defaultDecision: review.defaultDecision, autoApply: review.autoApply };

  return (
    <Page
      title={review.name}
      description={
        open
          ? `Keep or remove each membership by the end of ${formatDate(review.deadline)}. Undecided ones will be ${review.defaultDecision === 'KEEP' ? 'kept' : 'removed'}.`
          : `Closed on ${formatDate(review.closedAt)}.`
      }
    >
      <Group gap="sm" wrap="wrap">
        <Badge variant="light" color={open ? 'blue' : 'gray'}>
          {STATUS_LABELS[review.status]}
        </Badge>
        <Text size="sm" c="dimmed">
          Started by {review.createdBy?.displayName ?? 'a deleted account'}
          {review.permission ? ` · every group with ${review.permission}` : ''}
          {review.autoApply ? '' : ' · decisions are recorded only'}
        </Text>
      </Group>
      <Group gap="sm" wrap="wrap">
        <DownloadDecisionsButton review={ref} />
        {review.viewerCanClose ? <CloseReviewButton review={ref} /> : null}
      </Group>
      <ReviewProgress review={review} />
      <SectionCard
        title="Memberships"
        description={open ? 'Nobody decides their own membership: it goes to the other reviewers, or to administrators.' : 'The decisions as the review closed.'}
      >
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label="Group"
            data={[{ value: ALL_GROUPS, label: 'All groups' }, ...review.groups.map((g) => ({ value: g.id, label: g.name }))]}
            value={groupId || ALL_GROUPS}
            onChange={(value) => refilter(() => setGroupId(!value || value === ALL_GROUPS ? '' : value))}
            allowDeselect={false}
            w={260}
          />
          <Switch
            label="Only undecided"
            checked={undecided === '1'}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              refilter(() => setUndecided(on ? '1' : ''));
            }}
          />
        </Group>
        {decisions.error ? <ErrorAlert title="Not decided">{decisions.error}</ErrorAlert> : null}
        {open ? <ReviewDecisionBar decisions={decisions} /> : null}
        <PagedList
          list={list}
          errorTitle="The memberships could not be loaded"
          empty={
            <EmptyMessage title={undecided === '1' ? 'Nothing left to decide' : 'No memberships'}>
              {undecided === '1' ? 'Every membership you see here has been decided.' : 'There are no memberships under review here that you may see.'}
            </EmptyMessage>
          }
        >
          {(nodes) => (
            <ReviewItemsTable
              items={nodes}
              groups={groupsById}
              viewerId={viewer.id}
              open={open}
              autoApply={review.autoApply}
              selected={decisions.selected}
              onSelect={decisions.setSelected}
              deciding={decisions.deciding}
              onDecide={(item, decision) => void decisions.decideOne(item.id, decision, `${item.user.displayName} in ${item.group.name}`)}
            />
          )}
        </PagedList>
      </SectionCard>
    </Page>
  );
}
