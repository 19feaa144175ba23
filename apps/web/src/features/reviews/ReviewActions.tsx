import { useApolloClient } from '@apollo/client/react';
import { Button, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { graphql } from '../../gql';
import type { ReviewDecision } from '../../gql/graphql';
import { closeConsequence, closeOutcome, csvFileName } from './review-labels';
import { useCloseAccessReview } from './use-review-mutations';

const ReviewDecisionsCsvQuery = graphql(`
  query ReviewDecisionsCsv($id: ID!) {
    accessReview(id: $id) {
      id
      decisionsCsv
    }
  }
`);

interface ReviewRef {
  id: string;
  name: string;
  defaultDecision: ReviewDecision;
  autoApply: boolean;
}

/** The decisions you may see, read afresh (never from the cache: others decide meanwhile). */
function useDecisionsCsv(reviewId: string): () => Promise<string> {
  const client = useApolloClient();
  return async () => {
    const { data } = await client.query({ query: ReviewDecisionsCsvQuery, variables: { id: reviewId }, fetchPolicy: 'network-only' });
    if (!data?.accessReview) throw new Error('This review is no longer there, or you may no longer see it.');
    return data.accessReview.decisionsCsv;
  };
}

/** "Download decisions (CSV)": every decision you may see, one row per membership (SPEC §21). */
export function DownloadDecisionsButton({ review }: { review: ReviewRef }) {
  const readCsv = useDecisionsCsv(review.id);
  const [loading, setLoading] = useState(false);
  const download = async () => {
    setLoading(true);
    try {
      const csv = await readCsv();
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = csvFileName(review.name, review.id);
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={loading} onClick={() => void download()}>
      Download decisions (CSV)
    </Button>
  );
}

/**
 * "Close now" (admins, `viewerCanClose`): the confirmation says what happens — undecided
 * memberships take the default, and how many memberships end — counted from the decisions as
 * they are when the dialog opens.
 */
export function CloseReviewButton({ review }: { review: ReviewRef }) {
  const readCsv = useDecisionsCsv(review.id);
  const [close, { loading }] = useCloseAccessReview();
  const [opened, setOpened] = useState(false);
  const [consequence, setConsequence] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setOpened(true);
    setError(null);
    setConsequence(null);
    try {
      setConsequence(closeConsequence(closeOutcome(await readCsv(), review.defaultDecision), review.defaultDecision, review.autoApply));
    } catch (failure) {
      setError(problemMessage(failure));
    }
  };

  const confirm = async () => {
    setError(null);
    try {
      await close({ variables: { id: review.id } });
      notifySuccess(`Closed the access review “${review.name}”.`);
      setOpened(false);
    } catch (failure) {
      setError(problemMessage(failure));
    }
  };

  return (
    <>
      <Button color="red" variant="light" onClick={() => void open()}>
        Close now
      </Button>
      <ConfirmDialog
        opened={opened}
        title={`Close “${review.name}” now?`}
        confirmLabel="Close review"
        danger
        loading={loading}
        confirmDisabled={consequence === null}
        onConfirm={() => void confirm()}
        onClose={() => setOpened(false)}
      >
        <Stack gap="sm">
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          <Text size="sm" data-testid="close-consequence">
            {consequence ?? (error ? '' : 'Counting the decisions…')}
          </Text>
        </Stack>
      </ConfirmDialog>
    </>
  );
}
