import { endOfLocalDay, startOfLocalDay } from '../../components/format-date';
import type { AuditFilter } from '../../gql/graphql';

/**
 * The audit filters as the page holds them — and as its URL does, so a filtered log can be shared
 * and Back returns to the filters before. Ids come from pickers; dates are YYYY-MM-DD days in the
 * reader's time zone; the action is a key of the audit vocabulary (`auditActions`).
 */
export interface AuditFilterValues {
  action: string;
  actorId: string;
  userId: string;
  groupId: string;
  resourceId: string;
  since: string;
  until: string;
}

export const AUDIT_FILTER_KEYS = ['action', 'actorId', 'userId', 'groupId', 'resourceId', 'since', 'until'] as const satisfies readonly (keyof AuditFilterValues)[];

export const EMPTY_AUDIT_FILTER: AuditFilterValues = { action: '', actorId: '', userId: '', groupId: '', resourceId: '', since: '', until: '' };

/** The filters a URL carries (`?actorId=…&action=GRANT_CHANGED`); anything else in it is ignored. */
export function auditValuesFromParams(params: URLSearchParams): AuditFilterValues {
  const values = { ...EMPTY_AUDIT_FILTER };
  for (const key of AUDIT_FILTER_KEYS) values[key] = params.get(key)?.trim() ?? '';
  return values;
}

/** The URL's query for the filters: blanks left out, in a fixed order (one link per filter). */
export function auditParamsFrom(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (values[key]) params.set(key, values[key]);
  return params;
}

/**
 * The `AuditFilter` for the values: blanks left out, "since" from the start of its day and
 * "until" through the end of its day.
 */
export function auditFilterFrom(values: AuditFilterValues): { filter: AuditFilter; errors: Record<string, string> } {
  const filter: AuditFilter = {};
  const errors: Record<string, string> = {};
  const action = values.action.trim().toUpperCase().replace(/\s+/g, '_');
  if (action) filter.action = action;
  for (const key of ['actorId', 'userId', 'groupId', 'resourceId'] as const) {
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
export function auditCsvHref(filter: AuditFilter, timeZone?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value) params.set(key, value);
  }
  // The summaries' dates as days in the reader's zone, as on the page (SPEC §20).
  if (timeZone) params.set('timeZone', timeZone);
  const query = params.toString();
  return query ? `/export/audit.csv?${query}` : '/export/audit.csv';
}
