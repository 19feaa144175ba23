import type { Problem } from '../../app/graphql-errors';

/**
 * The words for a refused share. A group's `shareable` setting decides who may grant it access
 * (SPEC §11); the server names the groups, this adds what the person can do about it.
 */
export function shareProblemText(problem: Problem): string | null {
  if (problem.reason === 'NOT_SHAREABLE') {
    return `${problem.message ?? 'A group refused the share.'} A group decides who may share resources with it: “Members” groups accept shares from their own members, “Nobody” groups only from administrators. Join the group, or ask an administrator to share it.`;
  }
  return problem.message;
}
