import type { UserFilter } from '../../gql/graphql';

/**
 * The users list's search and filters as its URL holds them (`?q=ann&status=DEACTIVATED`): a
 * filtered list can be shared, and Back returns to it.
 */
export interface UserListValues {
  q: string;
  status: '' | 'ACTIVE' | 'DEACTIVATED';
  kind: '' | 'HUMAN' | 'SERVICE';
  role: '' | 'ADMIN' | 'NOT_ADMIN';
}

const STATUS = ['ACTIVE', 'DEACTIVATED'] as const;
const KIND = ['HUMAN', 'SERVICE'] as const;
const ROLE = ['ADMIN', 'NOT_ADMIN'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

export function userListValuesFrom(params: URLSearchParams): UserListValues {
  return {
    q: params.get('q') ?? '',
    status: oneOf(STATUS, params.get('status')),
    kind: oneOf(KIND, params.get('kind')),
    role: oneOf(ROLE, params.get('role')),
  };
}

export function userListParamsFrom(values: UserListValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'status', 'kind', 'role'] as const) if (values[key]) params.set(key, values[key]);
  return params;
}

/** The `users(filter:)` argument for the values (the search goes separately). */
export function userFilterFrom(values: UserListValues): UserFilter {
  const filter: UserFilter = {};
  if (values.status) filter.isActive = values.status === 'ACTIVE';
  if (values.kind) filter.kind = values.kind;
  if (values.role) filter.isAdmin = values.role === 'ADMIN';
  return filter;
}
