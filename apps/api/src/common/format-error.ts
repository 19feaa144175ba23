import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES, type ErrorCode } from '@gatehouse/shared';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from 'pino';
import type { FieldProblem } from './errors';

/**
 * Apollo's own codes for requests it refused before running them. Each becomes a code from
 * API.md's list, with the original kept as `reason` so a client can still tell them apart.
 */
const APOLLO_CODES: Record<string, { code: ErrorCode; reason: string }> = {
  GRAPHQL_PARSE_FAILED: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' },
  GRAPHQL_VALIDATION_FAILED: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
  BAD_REQUEST: { code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' },
  OPERATION_RESOLUTION_FAILURE: { code: 'BAD_USER_INPUT', reason: 'OPERATION_RESOLUTION_FAILURE' },
  PERSISTED_QUERY_NOT_FOUND: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_FOUND' },
  PERSISTED_QUERY_NOT_SUPPORTED: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_SUPPORTED' },
  UNAUTHORIZED: { code: 'FORBIDDEN', reason: 'NOT_ALLOWED' },
};

const KNOWN_CODES = new Set<string>(ERROR_CODES);

function flattenValidation(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** Makes class-validator's messages read as sentences ("first must not be greater than 100."). */
function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Apollo `formatError`: every error leaves with a code from API.md, no stack trace, and internal
 * failures masked behind a plain sentence (the real error is logged with the request id).
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const error = unwrapResolverError(raw);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (error instanceof ArgumentValidationError) {
      const details = flattenValidation(
        (error.extensions['validationErrors'] as ValidationError[] | undefined) ?? [],
      ).map((p) => ({ field: p.field, message: sentence(p.message) }));
      return {
        ...base,
        message: details.map((d) => d.message).join(' ') || 'The input is not valid.',
        extensions: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', details },
      };
    }

    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && code in APOLLO_CODES) {
      const mapped = APOLLO_CODES[code]!;
      // A validation rule of ours may have named a sharper reason (QUERY_TOO_DEEP); keep it.
      const ownReason = formatted.extensions?.['reason'];
      const reason = typeof ownReason === 'string' ? ownReason : mapped.reason;
      return { ...base, extensions: { code: mapped.code, reason } };
    }

    // Errors we raised on purpose (AppError, type-graphql's auth errors, Apollo's variable
    // coercion BAD_USER_INPUT) keep their code and extensions, minus anything internal.
    if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions: { ...extensions, code } };
    }

    log.error({ err: error instanceof Error ? error : new Error(String(error)) }, 'unhandled error');
    return {
      message: 'Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
