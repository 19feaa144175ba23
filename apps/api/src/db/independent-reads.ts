import type { EntityManager } from 'typeorm';

/**
 * Reads that do not depend on each other. Outside a transaction they are sent together, each on a
 * pooled connection of its own. Inside one they are awaited in turn: a transaction has one
 * connection, and pg's queueing of a query sent while the client is busy is deprecated (pg 9
 * removes it) — and queued, they would not overlap anyway.
 */
export async function independentReads<T extends readonly unknown[]>(
  manager: EntityManager,
  reads: { readonly [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  const thunks = reads as readonly (() => Promise<unknown>)[];
  if (!manager.queryRunner?.isTransactionActive) return (await Promise.all(thunks.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of thunks) results.push(await read());
  return results as unknown as T;
}
