import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** What a failed operation means for a form: per-field messages and what is left for the top. */
export interface Problem {
  /** `extensions.code` of the first GraphQL error (UNAUTHENTICATED, CONFLICT, …); null for network failures. */
  code: string | null;
  /** `extensions.reason` of the first GraphQL error (LAST_ADMIN, SETUP_DONE, VALIDATION, …). */
  reason: string | null;
  /** Messages to show beside form fields, keyed by the form's own field names. */
  fields: Record<string, string>;
  /** Everything not shown beside a field, as one paragraph; null when every message found its field. */
  message: string | null;
}

export interface ReadProblemOptions {
  /** The form's field names; details naming other fields go into `message`. */
  fields?: readonly string[];
  /** Server field name → form field name, where they differ (`userIds` → `members`). */
  aliases?: Readonly<Record<string, string>>;
}

export const NETWORK_MESSAGE = 'The server could not be reached. Check your connection and try again.';

interface FieldDetail {
  field: string;
  message: string;
}

function isFieldDetail(value: unknown): value is FieldDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { field?: unknown }).field === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The GraphQL errors inside whatever Apollo threw (none for network failures). */
export function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

function stringExtension(error: GraphQLFormattedError | undefined, key: string): string | null {
  const value = error?.extensions?.[key];
  return typeof value === 'string' ? value : null;
}

/**
 * Resolves a server field path to one of the form's fields: exact name first, then an alias,
 * then the last path segment (`input.email` → `email`, `sso.claim` → `claim`).
 */
function formField(serverField: string, options: ReadProblemOptions): string | null {
  const known = new Set(options.fields ?? []);
  const aliases = options.aliases ?? {};
  const last = serverField.split('.').at(-1) ?? serverField;
  for (const candidate of [serverField, last]) {
    const aliased = aliases[candidate];
    if (aliased !== undefined && known.has(aliased)) return aliased;
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/**
 * Turns an Apollo error into what a form shows: validation details beside their fields (the
 * server writes them as sentences for people), the rest as one message. Several messages for
 * one field are joined; a network failure becomes one plain sentence.
 */
export function readProblem(error: unknown, options: ReadProblemOptions = {}): Problem {
  const graphQLErrors = graphQLErrorsOf(error);
  if (graphQLErrors.length === 0) {
    // An HTTP failure without GraphQL errors (a 500 from the server or a proxy, a page of HTML):
    // Apollo's "Response not successful: Received status code 500" means nothing to a person.
    if (ServerError.is(error) || ServerParseError.is(error)) {
      return { code: null, reason: null, fields: {}, message: serverFailureMessage(error.statusCode) };
    }
    const message = error instanceof Error && error.message && !isNetworkish(error) ? error.message : NETWORK_MESSAGE;
    return { code: null, reason: null, fields: {}, message };
  }
  const fields: Record<string, string> = {};
  const leftover: string[] = [];
  for (const graphQLError of graphQLErrors) {
    const details = graphQLError.extensions?.['details'];
    const list = Array.isArray(details) ? details.filter(isFieldDetail) : [];
    if (list.length === 0) {
      leftover.push(graphQLError.message);
      continue;
    }
    for (const detail of list) {
      const field = formField(detail.field, options);
      if (field === null) leftover.push(detail.message);
      else fields[field] = fields[field] ? `${fields[field]} ${detail.message}` : detail.message;
    }
  }
  const first = graphQLErrors[0];
  return {
    code: stringExtension(first, 'code'),
    reason: stringExtension(first, 'reason'),
    fields,
    message: leftover.length > 0 ? [...new Set(leftover)].join(' ') : null,
  };
}

/** What a person reads when the server answered with an HTTP error instead of GraphQL. */
export function serverFailureMessage(status: number): string {
  return status >= 500
    ? `Gatehouse could not answer just now (the server reported an error, HTTP ${status}). Try again in a moment; if it keeps happening, tell your administrator.`
    : `Gatehouse refused the request (HTTP ${status}). Reload the page and try again.`;
}

/** fetch's own failures ("Failed to fetch", "NetworkError…") mean nothing to a person. */
function isNetworkish(error: Error): boolean {
  return error.name === 'TypeError' || /fetch|network/i.test(error.message);
}

/** One sentence for an error that has no form to attach to (a failed query, a button). */
export function problemMessage(error: unknown): string {
  const problem = readProblem(error);
  return problem.message ?? Object.values(problem.fields).join(' ');
}
