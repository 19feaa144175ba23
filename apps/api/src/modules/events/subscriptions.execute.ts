import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';

/**
 * Subscription execution for graphql-ws (`subscribe` of useServer), graphql's own `subscribe`
 * with one difference: an event that every subscriber of a stream receives as the SAME object and
 * whose fields are the same for every viewer (`sameForEveryViewer`) is executed once per distinct
 * operation — query text, operation name and variables — and the result handed to each of them.
 * A commit that reaches a thousand sockets then costs one execution, not a thousand. Any other
 * event (a person's notification, read for them alone) is executed per subscriber, as graphql does.
 *
 * Marking rows is a promise made by the stream that reads them: they were read for a viewer the
 * stream has just checked (subscriptions.live.ts), and no field selected from them depends on who
 * asks. A stream whose fields could differ by viewer must not mark its rows.
 */

/** Rows whose GraphQL fields are the same for every viewer allowed to receive them. */
const everyViewer = new WeakSet<object>();
/** Each marked row's results, by operation signature. Released with the row. */
const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/** Marks `rows` as executable once for every subscriber (see above); returns them. */
export function sameForEveryViewer<T extends object>(rows: T[]): T[] {
  for (const row of rows) everyViewer.add(row);
  return rows;
}

function executeOnce(args: ExecutionArgs, signature: () => string, payload: unknown): Promise<ExecutionResult> {
  if (typeof payload !== 'object' || payload === null || !everyViewer.has(payload)) {
    return Promise.resolve(execute(Object.assign({}, args, { rootValue: payload })));
  }
  let byOperation = results.get(payload);
  if (!byOperation) results.set(payload, (byOperation = new Map()));
  const key = signature();
  let result = byOperation.get(key);
  if (!result) {
    result = Promise.resolve(execute(Object.assign({}, args, { rootValue: payload })));
    byOperation.set(key, result);
  }
  return result;
}

/** `source` with each value mapped by `map`; return() reaches the source at once (as graphql's own mapper). */
function mapStream<T, U>(source: AsyncIterator<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const step = async (result: IteratorResult<T>): Promise<IteratorResult<U>> => (result.done ? { done: true, value: undefined } : { done: false, value: await map(result.value) });
  return {
    next: async () => step(await source.next()),
    return: async () => (source.return ? step(await source.return()) : { done: true, value: undefined }),
    throw: async (error: unknown) => {
      if (source.throw) return step(await source.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export async function subscribeShared(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  let signature: string | null = null;
  // Printed once per subscription, and only when a shared event arrives.
  const sign = () => (signature ??= `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${print(args.document)}`);
  return mapStream(source[Symbol.asyncIterator](), (payload) => executeOnce(args, sign, payload));
}
