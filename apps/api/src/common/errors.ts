import { GraphQLError } from 'graphql';
import type { ErrorCode } from '@gatehouse/shared';

/**
 * Every error a client sees is a GraphQLError with an `extensions.code` from API.md and, where
 * SPEC.md names one, an upper-case `extensions.reason`. Services throw these; the formatter
 * (format-error.ts) masks anything else as INTERNAL_SERVER_ERROR.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: { reason?: string; details?: unknown } = {},
  ) {
    super(message, {
      extensions: {
        code,
        ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
        ...(extra.details !== undefined ? { details: extra.details } : {}),
      },
    });
    this.name = 'AppError';
  }
}

/** One field's problem, for `extensions.details` of a VALIDATION error. */
export interface FieldProblem {
  field: string;
  message: string;
}

export const errors = {
  unauthenticated: (message = 'You need to sign in to do this.') =>
    new AppError('UNAUTHENTICATED', message),
  forbidden: (reason: string, message: string) => new AppError('FORBIDDEN', message, { reason }),
  notFound: (message: string) => new AppError('NOT_FOUND', message),
  badInput: (message: string, reason?: string) =>
    new AppError('BAD_USER_INPUT', message, reason === undefined ? {} : { reason }),
  validation: (problems: FieldProblem[]) =>
    new AppError(
      'BAD_USER_INPUT',
      problems.map((p) => p.message).join(' ') || 'The input is not valid.',
      { reason: 'VALIDATION', details: problems },
    ),
  conflict: (reason: string, message: string) => new AppError('CONFLICT', message, { reason }),
  rateLimited: (message: string) => new AppError('RATE_LIMITED', message),
};
