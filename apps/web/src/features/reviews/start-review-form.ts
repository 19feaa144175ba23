import { expiryOfDay } from '../../components/dates';
import type { AccessReviewInput, ReviewDecision } from '../../gql/graphql';
import type { PickedGroup } from '../groups/GroupPicker';

/** Review listed groups, or every group carrying one permission (SPEC §21). */
export type ReviewScope = 'groups' | 'permission';

export interface StartReviewValues {
  name: string;
  scope: ReviewScope;
  groups: PickedGroup[];
  permission: string | null;
  /** The deadline as picked: a day (YYYY-MM-DD), meaning the end of that day in the chooser's zone. */
  deadlineDay: string;
  defaultDecision: ReviewDecision;
  autoApply: boolean;
}

export const EMPTY_START_REVIEW: StartReviewValues = {
  name: '',
  scope: 'groups',
  groups: [],
  permission: null,
  deadlineDay: '',
  defaultDecision: 'KEEP',
  autoApply: true,
};

/** The form's fields by the API's names, so the server's messages land beside them. */
export const START_REVIEW_FIELDS = ['name', 'groupIds', 'permission', 'deadline', 'defaultDecision', 'autoApply'] as const;

const NAME_MAX = 200;

/** What the form says before asking the server; the server checks everything again. */
export function startReviewProblems(values: StartReviewValues, now: Date = new Date(), timeZone?: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = values.name.trim();
  if (name.length === 0) problems['name'] = 'Give the review a name.';
  else if (name.length > NAME_MAX) problems['name'] = `At most ${NAME_MAX} characters.`;
  if (values.scope === 'groups' && values.groups.length === 0) problems['groupIds'] = 'Pick at least one group to review.';
  if (values.scope === 'permission' && !values.permission) problems['permission'] = 'Pick the permission whose groups to review.';
  const deadline = expiryOfDay(values.deadlineDay, timeZone);
  if (!deadline) problems['deadline'] = 'Pick the last day reviewers have.';
  else if (new Date(deadline).getTime() <= now.getTime()) problems['deadline'] = 'The deadline must be in the future.';
  return problems;
}

/** The API's input for valid values: the deadline is the end of the picked day (SPEC §20). */
export function startReviewInputOf(values: StartReviewValues, timeZone?: string): AccessReviewInput {
  return {
    name: values.name.trim(),
    groupIds: values.scope === 'groups' ? values.groups.map((g) => g.id) : [],
    permission: values.scope === 'permission' ? values.permission : null,
    deadline: expiryOfDay(values.deadlineDay, timeZone) ?? '',
    defaultDecision: values.defaultDecision,
    autoApply: values.autoApply,
  };
}
