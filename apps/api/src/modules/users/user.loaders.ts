import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { byKey } from '../../common/batch';
import type { UserEntity } from './user.entity';
import { usersByIds } from './user.repository';

/** The users slice's per-request loaders (merged in loaders.ts). */
export function createUserLoaders(m: EntityManager) {
  return {
    /** A user by id; null when there is none. Authentication primes the viewer's row (context.ts). */
    user: new DataLoader<string, UserEntity | null>(async (ids) => byKey(ids, await usersByIds(m, ids), (u) => u.id)),
  };
}

export type UserLoaders = ReturnType<typeof createUserLoaders>;
