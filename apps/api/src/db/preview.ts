import type { EntityManager } from 'typeorm';
import type { Db } from './db';

class Rollback<T> {
  constructor(readonly value: T) {}
}

/**
 * Runs `work` in a transaction and always rolls it back, returning what `work` returned. Previews
 * use the real code path, so what they report is exactly what saving would do.
 */
export async function previewInRollback<T>(db: Db, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await work(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
  throw new Error('unreachable: the preview transaction committed');
}
