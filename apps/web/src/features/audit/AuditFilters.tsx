import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { auditFilterFrom, EMPTY_AUDIT_FILTER, type AuditFilterValues } from './audit-filter';
import { AuditActionPicker, AuditGroupPicker, AuditPersonPicker, AuditResourcePicker } from './AuditPickers';

export interface AuditFiltersProps {
  values: AuditFilterValues;
  /** Every change applies at once (the page keeps the filters in its URL). */
  onChange: (values: AuditFilterValues) => void;
}

/** Action, who did it, whom it was about, group, resource and a range of days — all picked by name. */
export function AuditFilters({ values, onChange }: AuditFiltersProps) {
  const { errors } = auditFilterFrom(values);
  const set = (key: keyof AuditFilterValues) => (value: string) => onChange({ ...values, [key]: value });
  const filtered = Object.values(values).some(Boolean);

  return (
    <form onSubmit={(event) => event.preventDefault()} noValidate aria-label="Filter the audit log">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <AuditActionPicker value={values.action} onChange={set('action')} />
          <AuditPersonPicker label="Done by" description="Who made the change" value={values.actorId} onChange={set('actorId')} />
          <AuditPersonPicker label="About" description="The person it was about" value={values.userId} onChange={set('userId')} />
          <AuditGroupPicker value={values.groupId} onChange={set('groupId')} />
          <AuditResourcePicker value={values.resourceId} onChange={set('resourceId')} />
          <Group grow gap="sm" align="flex-start">
            <TextInput label="From" type="date" value={values.since} onChange={(event) => set('since')(event.currentTarget.value)} error={errors['since']} />
            <TextInput
              label="To (inclusive)"
              type="date"
              value={values.until}
              onChange={(event) => set('until')(event.currentTarget.value)}
              error={errors['until']}
            />
          </Group>
        </SimpleGrid>
        <Group gap="sm">
          <Button variant="default" onClick={() => onChange(EMPTY_AUDIT_FILTER)} disabled={!filtered}>
            Clear filters
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
