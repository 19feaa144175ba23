import { GraphQLError } from 'graphql';

/** `pg-pool`'s words when no connection frees up within `connectionTimeoutMillis` (db/data-source.ts). */
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/** Every pooled connection stayed busy past the wait: overload, not a fault of this request. */
export function isPoolBusy(error: unknown): boolean {
  return error instanceof Error && error.message === POOL_TIMEOUT;
}

export const BUSY_MESSAGE = 'The server is busy right now. Please try again in a moment.';

/**
 * The answer to a request refused for overload: HTTP 503 with `Retry-After` (what load balancers
 * and clients retry on), the API's INTERNAL_SERVER_ERROR code with reason BUSY, and a sentence a
 * person can act on — never a 500 with "something went wrong".
 */
export function busyError(): GraphQLError {
  return new GraphQLError(BUSY_MESSAGE, {
    extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'BUSY', http: { status: 503, headers: new Map([['retry-after', '2']]) } },
  });
}
