import { Select } from '@mantine/core';
import type { UserListValues } from './user-list-filter';

export interface UserListFiltersProps {
  values: UserListValues;
  onChange: (values: UserListValues) => void;
}

const STATUS_OPTIONS = [
  { value: 'ACTIVE', label: 'Active' },
  { value: 'DEACTIVATED', label: 'Deactivated' },
];
const KIND_OPTIONS = [
  { value: 'HUMAN', label: 'People' },
  { value: 'SERVICE', label: 'Service accounts' },
];
const ROLE_OPTIONS = [
  { value: 'ADMIN', label: 'Administrators' },
  { value: 'NOT_ADMIN', label: 'Not administrators' },
];

/** Status, kind and admin role of the users list; "Any" when cleared. */
export function UserListFilters({ values, onChange }: UserListFiltersProps) {
  return (
    <>
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={values.status || null}
        onChange={(value) => onChange({ ...values, status: (value ?? '') as UserListValues['status'] })}
        clearable
        w={180}
      />
      <Select
        label="Kind"
        placeholder="Any kind"
        data={KIND_OPTIONS}
        value={values.kind || null}
        onChange={(value) => onChange({ ...values, kind: (value ?? '') as UserListValues['kind'] })}
        clearable
        w={180}
      />
      <Select
        label="Administrator"
        placeholder="Anyone"
        data={ROLE_OPTIONS}
        value={values.role || null}
        onChange={(value) => onChange({ ...values, role: (value ?? '') as UserListValues['role'] })}
        clearable
        w={200}
      />
    </>
  );
}
