import type { Problem } from '../../app/graphql-errors';

const WHAT_TO_DO = 'Join the group, or ask an administrator to share it.';

/**
 * The words for a refused share. A group decides who may share resources with it (SPEC §11); the
 * server names each refused group and why in plain words, this adds what the person can do.
 */
export function shareProblemText(problem: Problem): string | null {
  if (problem.reason === 'NOT_SHAREABLE') return `${problem.message ?? 'A group refused the share.'} ${WHAT_TO_DO}`;
  return problem.message;
}

/**
 * One message for a share of several people and groups where some were refused: every refused
 * one by name with its reason (the server's sentence names the group), then those that were shared.
 */
export function shareRefusalsText(shared: readonly string[], refused: readonly { label: string; problem: Problem }[]): string {
  const lines = refused.map(({ label, problem }) =>
    problem.reason === 'NOT_SHAREABLE' && problem.message ? problem.message : `Not shared with ${label}: ${problem.message ?? 'the share was refused.'}`,
  );
  const hint = refused.some((r) => r.problem.reason === 'NOT_SHAREABLE') ? WHAT_TO_DO : null;
  return [...lines, hint, shared.length > 0 ? `Shared with ${shared.join(', ')}.` : null].filter(Boolean).join(' ');
}
