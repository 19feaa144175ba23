import { useQuery } from '@apollo/client/react';
import { Button, Group, Modal, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { todayInputValue } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExplainedRadioGroup } from '../../components/ExplainedRadioGroup';
import { notifySuccess } from '../../components/notify';
import { graphql } from '../../gql';
import type { ReviewDecision } from '../../gql/graphql';
import { GroupPicker } from '../groups/GroupPicker';
import { EMPTY_START_REVIEW, START_REVIEW_FIELDS, startReviewInputOf, startReviewProblems, type StartReviewValues } from './start-review-form';
import { useStartAccessReview } from './use-review-mutations';

// The permission picker owns its catalog query, as the group picker owns its search.
const ReviewPermissionCatalogQuery = graphql(`
  query ReviewPermissionCatalog {
    permissions {
      key
      description
    }
  }
`);

const DEFAULT_OPTIONS = [
  { value: 'KEEP' as const, label: 'Keep', explanation: 'Memberships nobody decided stay when the review closes.' },
  { value: 'REMOVE' as const, label: 'Remove', explanation: 'Memberships nobody decided end when the review closes.' },
];

export interface StartReviewModalProps {
  opened: boolean;
  onClose: () => void;
  /** The new review, to open its page. */
  onStarted: (reviewId: string) => void;
}

/**
 * Starts an access review (SPEC §21): some groups, or every group carrying a permission; a
 * deadline picked as a day (its end, in your time zone); what undecided memberships get; whether
 * decisions are carried out at the close. Each group's approvers review it and are notified.
 */
export function StartReviewModal({ opened, onClose, onStarted }: StartReviewModalProps) {
  const [start, { loading }] = useStartAccessReview();
  const [values, setValues] = useState<StartReviewValues>(EMPTY_START_REVIEW);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const catalog = useQuery(ReviewPermissionCatalogQuery, { skip: !opened || values.scope !== 'permission' });
  const set = <K extends keyof StartReviewValues>(key: K, value: StartReviewValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const errorOf = (field: string) => localErrors[field] ?? problem?.fields[field];

  const close = () => {
    setValues(EMPTY_START_REVIEW);
    setLocalErrors({});
    setProblem(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const errors = startReviewProblems(values);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const { data } = await start({ variables: { input: startReviewInputOf(values) } });
      if (!data) return;
      notifySuccess(`Started the access review “${data.startAccessReview.name}”. Its reviewers were notified.`);
      close();
      onStarted(data.startAccessReview.id);
    } catch (error) {
      setProblem(readProblem(error, { fields: START_REVIEW_FIELDS }));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Start an access review" size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          <TextInput
            label="Name"
            description="Reviewers see it in their notification, e.g. “Q3 review of contractors”."
            required
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errorOf('name')}
            maxLength={200}
            disabled={loading}
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="review-scope-label">
              What to review
            </Text>
            <SegmentedControl
              aria-labelledby="review-scope-label"
              value={values.scope}
              onChange={(scope) => set('scope', scope === 'permission' ? 'permission' : 'groups')}
              data={[
                { value: 'groups', label: 'Chosen groups' },
                { value: 'permission', label: 'Groups with a permission' },
              ]}
              disabled={loading}
            />
          </Stack>
          {values.scope === 'groups' ? (
            <GroupPicker
              label="Groups"
              description="Every current member of these groups is reviewed by the group’s approvers."
              value={values.groups}
              onChange={(groups) => set('groups', groups)}
              error={errorOf('groupIds')}
              disabled={loading}
            />
          ) : (
            <Select
              label="Permission"
              description="Every group carrying it is reviewed."
              placeholder={catalog.loading ? 'Loading permissions…' : 'Pick a permission'}
              data={(catalog.data?.permissions ?? []).map((p) => ({ value: p.key, label: `${p.key} — ${p.description}` }))}
              value={values.permission}
              onChange={(permission) => set('permission', permission)}
              error={errorOf('permission') ?? (catalog.error ? 'The permissions could not be loaded.' : undefined)}
              searchable
              nothingFoundMessage="No permission has that key"
              disabled={loading}
            />
          )}
          <TextInput
            type="date"
            label="Deadline"
            description="Reviewers have until the end of this day (your time zone). They are reminded three days before."
            required
            min={todayInputValue()}
            value={values.deadlineDay}
            onChange={(event) => set('deadlineDay', event.currentTarget.value)}
            error={errorOf('deadline')}
            disabled={loading}
          />
          <ExplainedRadioGroup<ReviewDecision>
            label="Undecided at the deadline"
            description="What happens to memberships nobody decided when the review closes."
            options={DEFAULT_OPTIONS}
            value={values.defaultDecision}
            onChange={(decision) => set('defaultDecision', decision)}
            error={errorOf('defaultDecision')}
            disabled={loading}
          />
          <Switch
            label="Carry out the decisions when the review closes"
            description="Off: the review only records the decisions, and nobody is removed."
            checked={values.autoApply}
            onChange={(event) => set('autoApply', event.currentTarget.checked)}
            disabled={loading}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Start review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
