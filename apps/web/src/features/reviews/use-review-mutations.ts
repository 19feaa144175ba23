import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const StartAccessReviewMutation = graphql(`
  mutation StartAccessReview($input: AccessReviewInput!) {
    startAccessReview(input: $input) {
      id
      name
    }
  }
`);

const DecideReviewItemsMutation = graphql(`
  mutation DecideReviewItems($itemIds: [ID!]!, $decision: ReviewDecision!, $comment: String) {
    decideReviewItems(itemIds: $itemIds, decision: $decision, comment: $comment) {
      id
      decision
      decidedAt
      comment
      viewerCanDecide
      decidedBy {
        id
        displayName
      }
    }
  }
`);

const CloseAccessReviewMutation = graphql(`
  mutation CloseAccessReview($id: ID!) {
    closeAccessReview(id: $id) {
      id
      status
      closedAt
      itemCount
      decidedCount
      viewerCanClose
    }
  }
`);

/**
 * The counts a decision moves (the review's, per group, per reviewer), asked again after each
 * decision: the rows themselves update from the mutation's answer, and the loaded pages stay.
 */
const ReviewCountsQuery = graphql(`
  query ReviewCounts($id: ID!) {
    accessReview(id: $id) {
      id
      itemCount
      decidedCount
      ...ReviewProgress_review
    }
  }
`);

/**
 * The navbar's count of items waiting for the viewer (ReviewCountBadge), asked again by name after
 * every change of what waits: only while it is on screen.
 */
const WAITING = 'ReviewItemsWaiting';

/** Starts a review; the list of reviews and the waiting count are asked again. */
export function useStartAccessReview() {
  return useMutation(StartAccessReviewMutation, { refetchQueries: ['Reviews', WAITING] });
}

/** Keeps or removes up to 100 items of one review at once; its counts and the waiting count are asked again. */
export function useDecideReviewItems(reviewId: string) {
  return useMutation(DecideReviewItemsMutation, {
    refetchQueries: [{ query: ReviewCountsQuery, variables: { id: reviewId } }, WAITING],
    awaitRefetchQueries: true,
  });
}

/**
 * Closes a review now (admins); its page and the waiting count are asked again (items applied, progress complete). The
 * list of reviews asks the server again whenever it is opened.
 */
export function useCloseAccessReview() {
  return useMutation(CloseAccessReviewMutation, { refetchQueries: ['Review', WAITING], awaitRefetchQueries: true });
}
