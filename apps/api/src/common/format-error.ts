import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES, type ErrorCode } from '@gatehouse/shared';
import { BUSY_MESSAGE, isPoolBusy } from '../db/pool-busy';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from 'pino';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type { FieldProblem } from './errors';
import { tokenLimitRefusal } from './query-limits';

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
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables, error limit reached. Execution aborted.';

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
 * Whether an error is the client's (it keeps its code) rather than ours (masked as
 * INTERNAL_SERVER_ERROR): the rule formatError's branches below apply, in one place, so that
 * internalErrorLogging logs exactly the errors formatError masks.
 */
function isClientError(code: unknown, message: string, error: unknown): boolean {
  return (
    error instanceof ArgumentValidationError ||
    message === TOO_MANY_VARIABLE_ERRORS ||
    (typeof code === 'string' && (code in APOLLO_CODES || (KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR')))
  );
}

/**
 * Apollo `formatError`: every error leaves with a code from API.md, no stack trace, and internal
 * failures masked behind a plain sentence. Apollo calls it without the request, so the real error
 * is logged by internalErrorLogging, with the request id.
 */
export function createFormatError() {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const error = unwrapResolverError(raw);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (error instanceof ArgumentValidationError) {
      const details = flattenValidation(
        (error.extensions['validationErrors'] as ValidationError[] | undefined) ?? [],
      ).map((p) => ({ field: p.field, message: sentence(p.message) }));
      return answer(base, { code: 'BAD_USER_INPUT', reason: 'VALIDATION', details }, details.map((d) => d.message).join(' ') || 'The input is not valid.');
    }

    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && code in APOLLO_CODES) {
      const mapped = APOLLO_CODES[code]!;
      // A validation rule of ours may have named a sharper reason (QUERY_TOO_DEEP); keep it.
      const ownReason = formatted.extensions?.['reason'];
      const reason = typeof ownReason === 'string' ? ownReason : mapped.reason;
      // The parser's token cap is a parse error without a code of its own: name it.
      const tokens = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitRefusal(formatted.message) : undefined;
      if (tokens) return answer(base, { code: 'BAD_USER_INPUT', reason: tokens.reason }, tokens.message);
      return answer(base, { code: mapped.code, reason });
    }

    // graphql-js stops coercing variables after 50 errors and adds this one without a code (so
    // Apollo calls it internal): it is as much the client's mistake as the 50 before it.
    if (formatted.message === TOO_MANY_VARIABLE_ERRORS) {
      return answer(base, { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ERRORS' });
    }

    // Errors we raised on purpose (AppError, type-graphql's auth errors, Apollo's variable
    // coercion BAD_USER_INPUT) keep their code and extensions, minus anything internal.
    if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return answer(base, Object.assign({}, extensions, { code }));
    }

    // Overload (no database connection came free in time), before or during execution.
    if (isPoolBusy(error) || formatted.extensions?.['reason'] === 'BUSY') {
      return { message: BUSY_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'BUSY' } };
    }

    return {
      message: 'Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** The error as the client gets it: where it happened (from `base`), its extensions, its message. */
function answer(base: GraphQLFormattedError, extensions: Record<string, unknown>, message = base.message): GraphQLFormattedError {
  return { message, locations: base.locations, path: base.path, extensions };
}

/**
 * Logs every error that formatError masks, on the request's own logger: the line carries the
 * request id, which the client got in the X-Request-Id header, so "it failed at 10:02" can be
 * matched to its cause. A failure before there is a request context (authentication threw) is
 * logged without one.
 */
export function internalErrorLogging<TContext extends BaseContext & { log?: Logger }>(log: Logger): ApolloServerPlugin<TContext> {
  const listener: GraphQLRequestListener<TContext> = {
    async didEncounterErrors({ errors, contextValue }) {
      for (const error of errors) {
        const raw = unwrapResolverError(error);
        if (isClientError(error.extensions['code'], error.message, raw)) continue;
        (contextValue.log ?? log).error({ err: raw instanceof Error ? raw : new Error(String(raw)) }, 'request failed: internal error (masked for the client)');
      }
    },
  };
  return {
    requestDidStart: async () => listener,
    contextCreationDidFail: async ({ error }) => {
      log.error({ err: error }, 'request failed before it started: its context could not be built');
    },
  };
}
