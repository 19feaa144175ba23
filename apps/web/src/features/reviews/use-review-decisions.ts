import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { notifySuccess } from '../../components/notify';
import type { ReviewDecision } from '../../gql/graphql';
import { batches, plural } from './review-labels';
import { useDecideReviewItems } from './use-review-mutations';

export interface ReviewDecisions {
  selected: ReadonlySet<string>;
  setSelected: (ids: ReadonlySet<string>) => void;
  /** Saved with the next decision made on the page, then cleared. */
  comment: string;
  setComment: (comment: string) => void;
  deciding: boolean;
  /** Why the last decision failed, for an alert above the items. */
  error: string | null;
  decideSelected: (decision: ReviewDecision) => Promise<void>;
  decideOne: (itemId: string, decision: ReviewDecision, who: string) => Promise<void>;
}

const done = (decision: ReviewDecision) => (decision === 'KEEP' ? 'kept' : 'marked for removal');

/**
 * Deciding a review's items on its page: a selection (the rows of the pages shown), one optional
 * comment, and decisions sent in calls of at most 100 items (each call all or nothing).
 */
export function useReviewDecisions(reviewId: string): ReviewDecisions {
  const [decide, { loading }] = useDecideReviewItems(reviewId);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  /** Decides `ids`; returns how many were decided before a call failed (all of them when none did). */
  const send = async (ids: readonly string[], decision: ReviewDecision): Promise<number> => {
    let decided = 0;
    for (const batch of batches(ids)) {
      try {
        await decide({ variables: { itemIds: batch, decision, comment: comment.trim() || null } });
      } catch (failure) {
        const message = problemMessage(failure);
        setError(decided > 0 ? `${plural(decided, 'membership')} ${done(decision)}; the others were not decided: ${message}` : message);
        return decided;
      }
      decided += batch.length;
    }
    return decided;
  };

  return {
    selected,
    setSelected,
    comment,
    setComment,
    deciding: loading,
    error,
    decideSelected: async (decision) => {
      setError(null);
      const ids = [...selected];
      const decided = await send(ids, decision);
      if (decided === 0) return;
      const left = new Set(ids.slice(decided));
      setSelected(left);
      if (left.size === 0) {
        setComment('');
        notifySuccess(`${plural(decided, 'membership')} ${done(decision)}.`);
      }
    },
    decideOne: async (itemId, decision, who) => {
      setError(null);
      if ((await send([itemId], decision)) === 0) return;
      setComment('');
      const next = new Set(selected);
      next.delete(itemId);
      setSelected(next);
      notifySuccess(`${who}: ${done(decision)}.`);
    },
  };
}
