import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { graphql } from '../../gql';
import { userLabel } from '../users/user-label';
import { EntityFilterSelect, type FilterOption } from './EntityFilterSelect';

// Search-as-you-type widgets own their queries: no page could know what will be typed.
const AuditPeopleQuery = graphql(`
  query AuditPeople($search: String) {
    users(search: $search, first: 20) {
      edges {
        node {
          id
          displayName
          email
        }
      }
    }
  }
`);

const AuditPersonQuery = graphql(`
  query AuditPerson($id: ID!) {
    user(id: $id) {
      id
      displayName
      email
    }
  }
`);

const AuditGroupsQuery = graphql(`
  query AuditGroups($search: String) {
    groups(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const AuditGroupQuery = graphql(`
  query AuditGroup($id: ID!) {
    group(id: $id) {
      id
      name
    }
  }
`);

const AuditResourcesQuery = graphql(`
  query AuditResources($search: String) {
    resources(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

const AuditResourceQuery = graphql(`
  query AuditResource($id: ID!) {
    resource(id: $id) {
      id
      name
      kind
    }
  }
`);

const AuditActionsQuery = graphql(`
  query AuditActions {
    auditActions {
      key
      label
    }
  }
`);

function usePeople(search: string): { options: FilterOption[]; loading: boolean } {
  const { data, loading } = useQuery(AuditPeopleQuery, { variables: { search: search || null } });
  return { options: data?.users.edges.map(({ node }) => ({ value: node.id, label: userLabel(node) })) ?? [], loading };
}

function usePersonLabel(id: string): string | null {
  const { data, loading } = useQuery(AuditPersonQuery, { variables: { id }, skip: !id });
  if (!id || loading) return null;
  return data?.user ? userLabel(data.user) : 'A deleted or hidden account';
}

function useGroups(search: string): { options: FilterOption[]; loading: boolean } {
  const { data, loading } = useQuery(AuditGroupsQuery, { variables: { search: search || null } });
  return { options: data?.groups.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [], loading };
}

function useGroupLabel(id: string): string | null {
  const { data, loading } = useQuery(AuditGroupQuery, { variables: { id }, skip: !id });
  if (!id || loading) return null;
  return data?.group?.name ?? 'A deleted or hidden group';
}

function useResources(search: string): { options: FilterOption[]; loading: boolean } {
  const { data, loading } = useQuery(AuditResourcesQuery, { variables: { search: search || null } });
  return { options: data?.resources.edges.map(({ node }) => ({ value: node.id, label: `${node.name} (${node.kind})` })) ?? [], loading };
}

function useResourceLabel(id: string): string | null {
  const { data, loading } = useQuery(AuditResourceQuery, { variables: { id }, skip: !id });
  if (!id || loading) return null;
  return data?.resource ? `${data.resource.name} (${data.resource.kind})` : 'A deleted or hidden resource';
}

interface PickerProps {
  value: string;
  onChange: (id: string) => void;
}

export function AuditPersonPicker({ label, description, ...rest }: PickerProps & { label: string; description: string }) {
  return (
    <EntityFilterSelect
      {...rest}
      label={label}
      description={description}
      placeholder="Search by name or email"
      useOptions={usePeople}
      useChosenLabel={usePersonLabel}
      nothingFound="Nobody matches"
    />
  );
}

export function AuditGroupPicker(props: PickerProps) {
  return (
    <EntityFilterSelect
      {...props}
      label="Group"
      placeholder="Search groups by name"
      useOptions={useGroups}
      useChosenLabel={useGroupLabel}
      nothingFound="No group matches"
    />
  );
}

export function AuditResourcePicker(props: PickerProps) {
  return (
    <EntityFilterSelect
      {...props}
      label="Resource"
      placeholder="Search resources by name"
      useOptions={useResources}
      useChosenLabel={useResourceLabel}
      nothingFound="No resource matches"
    />
  );
}

/** The actions the log records, in words, from the server's one list (`auditActions`). */
export function AuditActionPicker({ value, onChange }: PickerProps) {
  const { data } = useQuery(AuditActionsQuery);
  const options = data?.auditActions.map((a) => ({ value: a.key, label: a.label })) ?? [];
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      label="Action"
      placeholder="Any action"
      data={options}
      value={value || null}
      onChange={(key) => onChange(key ?? '')}
      searchable
      clearable
      nothingFoundMessage="No action matches"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
