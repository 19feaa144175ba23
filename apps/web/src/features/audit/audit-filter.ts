import { endOfLocalDay, startOfLocalDay } from '../../components/format-date';
import type { AuditFilter } from '../../gql/graphql';

/** The audit filter form, as typed. Dates are YYYY-MM-DD days in the reader's time zone. */
export interface AuditFilterValues {
  action: string;
  actorId: string;
  userId: string;
  groupId: string;
  since: string;
  until: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterValues = { action: '', actorId: '', userId: '', groupId: '', since: '', until: '' };

/**
 * The `AuditFilter` for the form: blanks left out, the action upper-cased (actions are
 * MEMBER_JOINED-style), "since" from the start of its day and "until" through the end of its day.
 */
export function auditFilterFrom(values: AuditFilterValues): { filter: AuditFilter; errors: Record<string, string> } {
  const filter: AuditFilter = {};
  const errors: Record<string, string> = {};
  const action = values.action.trim().toUpperCase().replace(/\s+/g, '_');
  if (action) filter.action = action;
  for (const key of ['actorId', 'userId', 'groupId'] as const) {
    const id = values[key].trim();
    if (id) filter[key] = id;
  }
  if (values.since) {
    const since = startOfLocalDay(values.since);
    if (since) filter.since = since;
    else errors['since'] = 'Enter a date.';
  }
  if (values.until) {
    const until = endOfLocalDay(values.until);
    if (until) filter.until = until;
    else errors['until'] = 'Enter a date.';
  }
  if (filter.since && filter.until && filter.since >= filter.until) errors['until'] = 'The last day must not be before the first.';
  return { filter, errors };
}

/** The CSV export of the log with the same filters (`GET /export/audit.csv`, the session cookie authenticates). */
export function auditCsvHref(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/export/audit.csv?${query}` : '/export/audit.csv';
}
