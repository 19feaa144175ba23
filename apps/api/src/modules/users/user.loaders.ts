import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { byKey } from '../../common/batch';
import { UserEntity } from './user.entity';

/** The users slice's per-request loaders (merged in loaders.ts). */
export function createUserLoaders(m: EntityManager) {
  return {
    /** A user by id; null when there is none. Authentication primes the viewer's row (context.ts). */
    user: new DataLoader<string, UserEntity | null>(async (ids) => byKey(ids, await m.findBy(UserEntity, { id: In([...ids]) }), (u) => u.id)),
  };
}

export type UserLoaders = ReturnType<typeof createUserLoaders>;
