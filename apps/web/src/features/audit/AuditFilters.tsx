import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { auditFilterFrom, EMPTY_AUDIT_FILTER, type AuditFilterValues } from './audit-filter';
import type { AuditFilter } from '../../gql/graphql';

export interface AuditFiltersProps {
  values: AuditFilterValues;
  onApply: (values: AuditFilterValues, filter: AuditFilter) => void;
}

/** Action, actor, user, group and a range of days; applied with Enter or the button. */
export function AuditFilters({ values: applied, onApply }: AuditFiltersProps) {
  const [values, setValues] = useState(applied);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A click on a name in the table changes the applied filter; the form follows it.
  const [lastApplied, setLastApplied] = useState(applied);
  if (applied !== lastApplied) {
    setLastApplied(applied);
    setValues(applied);
  }

  const set = (key: keyof AuditFilterValues, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const apply = (next: AuditFilterValues) => {
    const result = auditFilterFrom(next);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) onApply(next, result.filter);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(values);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Filter the audit log">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label="Action"
            placeholder="e.g. MEMBER_JOINED"
            value={values.action}
            onChange={(event) => set('action', event.currentTarget.value)}
            maxLength={64}
          />
          <TextInput
            label="Actor id"
            description="Who did it"
            value={values.actorId}
            onChange={(event) => set('actorId', event.currentTarget.value)}
          />
          <TextInput
            label="User id"
            description="Whom it was about"
            value={values.userId}
            onChange={(event) => set('userId', event.currentTarget.value)}
          />
          <TextInput
            label="Group id"
            value={values.groupId}
            onChange={(event) => set('groupId', event.currentTarget.value)}
          />
          <TextInput
            label="From"
            type="date"
            value={values.since}
            onChange={(event) => set('since', event.currentTarget.value)}
            error={errors['since']}
          />
          <TextInput
            label="To (inclusive)"
            type="date"
            value={values.until}
            onChange={(event) => set('until', event.currentTarget.value)}
            error={errors['until']}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              setValues(EMPTY_AUDIT_FILTER);
              apply(EMPTY_AUDIT_FILTER);
            }}
          >
            Clear
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
