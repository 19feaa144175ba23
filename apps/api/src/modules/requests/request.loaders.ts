import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { byKey } from '../../common/batch';
import type { GroupRequestEntity } from './group-request.entity';
import { pendingCounts, pendingRequestsAmong } from './requests.repository';

/** The requests slice's per-request loaders (merged in loaders.ts). */
export function createRequestLoaders(m: EntityManager, viewer: Viewer | null) {
  return {
    /** Pending requests per group (callers show it only to those who may decide). */
    pendingRequestCount: new DataLoader<string, number>(async (ids) => {
      const counts = await pendingCounts(m, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    /** The viewer's own pending request per group. */
    viewerPendingRequest: new DataLoader<string, GroupRequestEntity | null>(async (ids) => {
      if (!viewer) return ids.map(() => null);
      return byKey(ids, await pendingRequestsAmong(m, viewer.userId, ids), (r) => r.groupId);
    }),
  };
}
