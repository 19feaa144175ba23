import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Badge, Button, Checkbox, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatDate, formatDateTime } from '../../components/dates';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { ReviewDecision, ReviewItemsTable_ItemFragment } from '../../gql/graphql';
import { MEMBERSHIP_SOURCE_LABELS } from '../memberships/membership-source';
import { ReviewGroupHeader, type ReviewGroupHeaderFragment } from './ReviewGroupHeader';
import { DECISION_LABELS } from './review-labels';

export const ReviewItemsTableFragment = graphql(`
  fragment ReviewItemsTable_item on AccessReviewItem {
    id
    source
    memberSince
    lastSignInAt
    decision
    decidedAt
    comment
    applied
    viewerCanDecide
    user {
      id
      displayName
      email
    }
    group {
      id
      name
    }
    decidedBy {
      id
      displayName
    }
  }
`);

type Item = ReviewItemsTable_ItemFragment;

/** The columns of a membership row; a group's header row spans them all. */
const COLUMNS = 5;

export interface ReviewItemsTableProps {
  items: readonly FragmentType<typeof ReviewItemsTableFragment>[];
  /** The review's groups by id: each group's header says what its membership gives. */
  groups: ReadonlyMap<string, FragmentType<typeof ReviewGroupHeaderFragment>>;
  /** The signed-in person: their own membership shows why they cannot decide it. */
  viewerId: string;
  open: boolean;
  autoApply: boolean;
  selected: ReadonlySet<string>;
  onSelect: (ids: ReadonlySet<string>) => void;
  deciding: boolean;
  onDecide: (item: Item, decision: ReviewDecision) => void;
}

/**
 * The memberships under review, by group and person (the order the server pages them in): each
 * group under a header row saying what it gives, then its members, with a checkbox and Keep /
 * Remove per row.
 */
export function ReviewItemsTable({ items, ...rest }: ReviewItemsTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: ReviewItemsTableFragment, fragmentName: 'ReviewItemsTable_item', from: [...items] }),
  );
  return data ? <ReviewItemsTableView {...rest} items={data} /> : null;
}

interface ViewProps extends Omit<ReviewItemsTableProps, 'items'> {
  items: readonly Item[];
}

/** Why the viewer has no Keep / Remove on a row (the server's `viewerCanDecide` said no). */
function whyNot(item: Item, viewerId: string, open: boolean): string | null {
  if (!open) return null;
  if (item.user.id === viewerId) return 'Your own membership: another reviewer or an administrator decides it.';
  return 'You do not review this group.';
}

function outcome(item: Item, open: boolean, autoApply: boolean): string | null {
  if (open || !item.decision) return null;
  if (!autoApply) return 'Recorded only';
  return item.applied ? 'Carried out' : 'Skipped: the membership changed or ended during the review';
}

function ReviewItemsTableView({ items, groups, viewerId, open, autoApply, selected, onSelect, deciding, onDecide }: ViewProps) {
  const decidable = items.filter((item) => item.viewerCanDecide);
  const allSelected = decidable.length > 0 && decidable.every((item) => selected.has(item.id));
  const someSelected = decidable.some((item) => selected.has(item.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <ScrollTable label="Memberships under review" minWidth={960} cardsOnPhone>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={40}>
            {open ? (
              <Checkbox
                aria-label="Select every membership shown that you may decide"
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                disabled={decidable.length === 0}
                onChange={(event) => onSelect(event.currentTarget.checked ? new Set(decidable.map((item) => item.id)) : new Set())}
              />
            ) : (
              <VisuallyHidden>Selection</VisuallyHidden>
            )}
          </Table.Th>
          <Table.Th scope="col">Member</Table.Th>
          <Table.Th scope="col">Membership</Table.Th>
          <Table.Th scope="col">Decision</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item, index) => {
          const who = item.user.displayName;
          const why = item.viewerCanDecide ? null : whyNot(item, viewerId, open);
          const result = outcome(item, open, autoApply);
          const firstOfGroup = index === 0 || items[index - 1]!.group.id !== item.group.id;
          return (
            <Fragment key={item.id}>
              {firstOfGroup ? <ReviewGroupHeader group={groups.get(item.group.id) ?? null} name={item.group.name} columns={COLUMNS} /> : null}
              <Table.Tr>
                <Table.Td>
                  {item.viewerCanDecide ? (
                    <Checkbox
                      aria-label={`Select the membership of ${who} in ${item.group.name}`}
                      checked={selected.has(item.id)}
                      onChange={(event) => toggle(item.id, event.currentTarget.checked)}
                    />
                  ) : null}
                </Table.Td>
                <Table.Td data-label="Member">
                  <Text size="sm" fw={500}>
                    {who}
                  </Text>
                  {item.user.email ? (
                    <Text size="xs" c="dimmed">
                      {item.user.email}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td data-label="Membership">
                  <Text size="sm">{MEMBERSHIP_SOURCE_LABELS[item.source]}</Text>
                  <Text size="xs" c="dimmed">
                    Member since {formatDate(item.memberSince)}
                  </Text>
                  <Text size="xs" c="dimmed" data-testid="item-last-sign-in" title={item.lastSignInAt ? formatDateTime(item.lastSignInAt) : undefined}>
                    {item.lastSignInAt ? `Last sign-in ${formatDate(item.lastSignInAt)}` : 'Never signed in'}
                  </Text>
                </Table.Td>
                <Table.Td data-label="Decision">
                  <Stack gap={2}>
                    {item.decision ? (
                      <Badge size="sm" variant="light" color={item.decision === 'KEEP' ? 'green' : 'red'} data-testid="item-decision">
                        {DECISION_LABELS[item.decision]}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed" data-testid="item-decision">
                        Undecided
                      </Text>
                    )}
                    {item.decision ? (
                      <Text size="xs" c="dimmed" title={formatDateTime(item.decidedAt)}>
                        {item.decidedBy ? `by ${item.decidedBy.displayName}` : 'by the review’s default'}
                      </Text>
                    ) : null}
                    {item.comment ? <Text size="xs">“{item.comment}”</Text> : null}
                    {result ? (
                      <Text size="xs" c="dimmed">
                        {result}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td data-actions>
                  {item.viewerCanDecide ? (
                    <Group gap={6} wrap="nowrap" justify="flex-end">
                      <Button
                        size="xs"
                        variant="light"
                        color="green"
                        disabled={deciding}
                        onClick={() => onDecide(item, 'KEEP')}
                        aria-label={`Keep ${who} in ${item.group.name}`}
                      >
                        Keep
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        disabled={deciding}
                        onClick={() => onDecide(item, 'REMOVE')}
                        aria-label={`Remove ${who} from ${item.group.name}`}
                      >
                        Remove
                      </Button>
                    </Group>
                  ) : why ? (
                    <Text size="xs" c="dimmed" maw={220} data-testid="cannot-decide">
                      {why}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            </Fragment>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
