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

/** Starts a review; the list of reviews is asked again. */
export function useStartAccessReview() {
  return useMutation(StartAccessReviewMutation, { refetchQueries: ['Reviews'] });
}

/** Keeps or removes up to 100 items of one review at once; its counts are asked again. */
export function useDecideReviewItems(reviewId: string) {
  return useMutation(DecideReviewItemsMutation, {
    refetchQueries: [{ query: ReviewCountsQuery, variables: { id: reviewId } }],
    awaitRefetchQueries: true,
  });
}

/**
 * Closes a review now (admins); its page is asked again (items applied, progress complete). The
 * list of reviews asks the server again whenever it is opened.
 */
export function useCloseAccessReview() {
  return useMutation(CloseAccessReviewMutation, { refetchQueries: ['Review'], awaitRefetchQueries: true });
}
