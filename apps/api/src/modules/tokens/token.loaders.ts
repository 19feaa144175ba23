import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import { grouped } from '../../common/batch';
import { ApiTokenEntity } from './api-token.entity';

/**
 * The tokens slice's per-request loaders (merged in loaders.ts). They batch but keep nothing, like
 * resource.loaders.ts: a document's mutations run in turn and may make or revoke a token between
 * two reads.
 */
export function createTokenLoaders(m: EntityManager) {
  return {
    /**
     * API tokens of each user, newest first, at most a page each (User.apiTokens; who may see
     * them is the service's `mayList`).
     */
    apiTokensOfUser: new DataLoader<string, ApiTokenEntity[]>(async (ids) => {
      const rows = await m.find(ApiTokenEntity, { where: { userId: In([...ids]) }, order: { createdAt: 'DESC', id: 'ASC' } });
      return grouped(ids, rows, (t) => t.userId).map((tokens) => tokens.slice(0, LIMITS.maxPageSize));
    }, { cache: false }),
  };
}
