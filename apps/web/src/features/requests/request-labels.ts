import type { JoinOutcome, LeaveOutcome, RequestKind, RequestStatus } from '../../gql/graphql';

/** Request statuses in words, with the badge colour each one shows in. */
export const REQUEST_STATUS: Record<RequestStatus, { label: string; color: string }> = {
  PENDING: { label: 'Pending', color: 'yellow' },
  APPROVED: { label: 'Approved', color: 'green' },
  REJECTED: { label: 'Rejected', color: 'red' },
  WITHDRAWN: { label: 'Withdrawn', color: 'gray' },
  CANCELLED: { label: 'Cancelled', color: 'gray' },
};

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = { JOIN: 'Join', LEAVE: 'Leave', EXTEND: 'Extend' };

/** What joinGroup did, said to the person who clicked (SPEC §4 outcomes). */
export function joinOutcomeMessage(outcome: JoinOutcome, groupName: string): string {
  switch (outcome) {
    case 'JOINED':
      return `You joined ${groupName}.`;
    case 'REQUESTED':
      return `Your request to join ${groupName} was sent to the approvers.`;
    case 'ALREADY_MEMBER':
      return `You are already a member of ${groupName}; nothing changed.`;
    case 'ALREADY_REQUESTED':
      return `You already have a pending request for ${groupName}; nothing changed.`;
  }
}

/** What leaveGroup did (SPEC §5 outcomes). */
export function leaveOutcomeMessage(outcome: LeaveOutcome, groupName: string): string {
  switch (outcome) {
    case 'LEFT':
      return `You left ${groupName}.`;
    case 'REQUESTED':
      return `Your request to leave ${groupName} was sent to the approvers.`;
    case 'NOT_MEMBER':
      return `You are not a member of ${groupName}; nothing changed.`;
    case 'ALREADY_REQUESTED':
      return `You already have a pending request for ${groupName}; nothing changed.`;
  }
}

/** "3 days", "5 hours", "just now": how long a request has waited. */
export function ageOf(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}
