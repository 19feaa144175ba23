import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { getVariableValues, GraphQLError, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

type Gateway<TContext extends object> = ApolloServerOptionsWithGateway<TContext>['gateway'];

/**
 * How many compiled operations a process keeps. The SPA and the integrations send a few dozen
 * documents; the query limits (query-limits.ts) bound what a stranger's document can cost to
 * compile, and past this many the least recently used is dropped and compiled again when asked.
 */
export const COMPILED_OPERATIONS_KEPT = 500;

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: each document is
 * compiled once into a function that walks its own selection set, with the field resolvers
 * called directly and plain fields read as properties. The pages with many rows (the directory,
 * the leader's queue) spend most of their execution on per-field bookkeeping that this removes
 * (docs/performance.md).
 *
 * Apollo Server 4+ takes a custom executor only through its gateway interface: this "gateway"
 * serves the one local schema and never changes it. Parsing, validation, the query limits,
 * plugins and error formatting stay Apollo's. Two seams are kept as graphql-js has them:
 * - errors are graphql-js `GraphQLError`s (graphql-jit's carry `extensions` only when the
 *   original error had them; formatError and the error log read `extensions.code`);
 * - variables that do not coerce are reported by graphql-js's own coercion, so Apollo recognises
 *   them as BAD_USER_INPUT with HTTP 400, word for word as before.
 */
export function compiledExecution<TContext extends object>(schema: GraphQLSchema): CompiledExecution<TContext> {
  // Only documents that compiled are kept; one that did not answers its errors each time it is sent.
  const compiled = new LRUCache<string, CompiledQuery>({ max: COMPILED_OPERATIONS_KEPT });
  // Each answer's `data`, until it is written, with the writer its document compiled to.
  const writers = new WeakMap<object, (result: object) => string>();
  const gateway: Gateway<TContext> = {
    async load() {
      return {
        executor: async (request) => {
          const operationName = request.operationName ?? undefined;
          const key = `${request.queryHash}\n${operationName ?? ''}`;
          let query = compiled.get(key);
          if (!query) {
            const made = compileQuery(schema, request.document, operationName, { customJSONSerializer: true });
            if (!isCompiledQuery(made)) return asGraphQLJsResult(made);
            compiled.set(key, (query = made));
          }
          const variables = request.request.variables ?? {};
          const result = await query.query(undefined, request.context, variables);
          if (result.data && !result.errors) writers.set(result.data, query.stringify);
          if (result.errors && !('data' in result)) {
            // graphql-js's execute stops at 50 coercion errors (and says so in a 51st): the same here.
            const coercion = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
            if (coercion.errors) return { errors: coercion.errors };
          }
          return asGraphQLJsResult(result);
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
  return {
    gateway,
    stringifyResult(result) {
      // What Apollo writes by default (JSON.stringify and a newline), by the document's own writer
      // when the answer is data alone: it knows each field's type from the document, and wrote
      // the directory's page in under half of JSON.stringify's time. An answer with errors or
      // extensions has parts the document does not describe, and is written as before.
      const writer = result.data && result.errors === undefined && result.extensions === undefined ? writers.get(result.data) : undefined;
      return `${writer ? writer(result) : JSON.stringify(result)}\n`;
    },
  };
}

/** The executor for Apollo's gateway option, and the writer of what it answers (Apollo's stringifyResult). */
export interface CompiledExecution<TContext extends object> {
  gateway: Gateway<TContext>;
  stringifyResult(result: FormattedExecutionResult): string;
}

function asGraphQLJsResult(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  return Object.assign({}, result, { errors: result.errors.map(asGraphQLJsError) });
}

/** graphql-jit's error as graphql-js would have built it for the same field (locatedError). */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // graphql-js derives locations from the AST nodes, which graphql-jit's error does not keep.
  if (error.locations) Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true });
  return rebuilt;
}
