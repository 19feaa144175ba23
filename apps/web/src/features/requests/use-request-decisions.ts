import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { bulkOutcome, plural, type Decision } from './bulk-decision';
import { useApproveRequest } from './use-approve-request';
import { useDecideRequests } from './use-decide-requests';
import type { RequestKind } from '../../gql/graphql';
import { useRejectRequest } from './use-reject-request';

/**
 * The approval queue's decision workflow: select requests, approve or reject one or many with a
 * comment in the dialog, and see per-request outcomes (failed rows stay selected with their reason).
 */
export function useRequestDecisions() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [failures, setFailures] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [approveOne, approveState] = useApproveRequest();
  const [rejectOne, rejectState] = useRejectRequest();
  const [decideMany, manyState] = useDecideRequests();
  const deciding = approveState.loading || rejectState.loading || manyState.loading;

  const open = (approve: boolean, ids: string[], what: string, bulk: boolean, kind: RequestKind | null = null) => {
    setDialogError(null);
    setDecision((current) => ({ approve, ids, what, bulk, kind, key: (current?.key ?? 0) + 1 }));
  };

  /** `expiresAt`: approving one join, when the new membership ends (SPEC §20). */
  const decide = async (comment: string | null, expiresAt: string | null = null) => {
    if (!decision) return;
    setDialogError(null);
    try {
      if (!decision.bulk) {
        const [requestId = ''] = decision.ids;
        if (decision.approve) await approveOne({ variables: { requestId, comment, expiresAt } });
        else await rejectOne({ variables: { requestId, comment } });
        const message = `${decision.approve ? 'Approved' : 'Rejected'} ${decision.what}.`;
        setSummary(message);
        notifySuccess(message);
      } else {
        const { data: result } = await decideMany({ variables: { requestIds: decision.ids, approve: decision.approve, comment } });
        const outcome = bulkOutcome(decision.approve, result?.decideRequests ?? []);
        setFailures(outcome.failures);
        setSelected(new Set(Object.keys(outcome.failures)));
        setSummary(outcome.message);
        if (outcome.allDecided) notifySuccess(outcome.message);
        else notifyFailure(outcome.message);
      }
      setDecision(null);
    } catch (failure) {
      setDialogError(problemMessage(failure));
    }
  };

  return {
    selected,
    setSelected,
    failures,
    decision,
    dialogError,
    summary,
    dismissSummary: () => setSummary(null),
    deciding,
    /** Starts over when the list shown changes (another tab). */
    reset: () => {
      setSelected(new Set());
      setFailures({});
    },
    decideOne: (request: { id: string; kind?: RequestKind; user: { displayName: string }; group: { name: string } }, approve: boolean) =>
      open(approve, [request.id], `the request of ${request.user.displayName} for ${request.group.name}`, false, request.kind ?? null),
    decideSelected: (approve: boolean) => open(approve, [...selected], plural(selected.size, 'request'), true),
    confirm: (comment: string | null, expiresAt: string | null = null) => void decide(comment, expiresAt),
    closeDialog: () => setDecision(null),
  };
}

export type RequestDecisions = ReturnType<typeof useRequestDecisions>;
