import { Brackets, In, type EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { isUuid } from '../../common/validate';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { GroupEntity } from '../groups/group.entity';
import { groupIdsLedBy } from '../groups/leadership.repository';
import { GroupRequestEntity, type RequestKind, type RequestStatus } from './group-request.entity';

/** The reads of request rows that are not a decision's own (those lock the row: requests.service.ts). */

export interface RequestFilterInput {
  groupId?: string | null;
  kind?: RequestKind | null;
  status?: RequestStatus | null;
  mine?: boolean | null;
}

/**
 * `groupRequests`: your own (`mine`), or the queue: requests of the groups you lead or (managers)
 * decide, all for admins. Pending: oldest first (a queue); other statuses: newest first.
 */
export async function requestPage(
  manager: EntityManager,
  viewer: Viewer,
  filter: RequestFilterInput,
  first: number,
  after: string | null | undefined,
): Promise<Page<GroupRequestEntity> & { totalCount: number }> {
  const cursor = after ? decodeCursor(after, ['date', 'uuid']) : null;
  const qb = manager.createQueryBuilder(GroupRequestEntity, 'r');
  if (filter.mine) {
    qb.where('r.userId = :me', { me: viewer.userId });
  } else if (!viewer.isAdmin) {
    // The queue: requests of groups the viewer leads, and (managers) of every self-service group.
    // No OR with the viewer's own requests (that is `mine`), so the (group, status, created) index serves it.
    const led = await groupIdsLedBy(manager, viewer.userId);
    qb.where(
      new Brackets((w) => {
        w.where('r.groupId IN (:...led)', { led: led.length ? led : ['00000000-0000-0000-0000-000000000000'] });
        if (holds(viewer, 'groups.manage')) {
          w.orWhere(`r.groupId IN ${qb.subQuery().select('g.id').from(GroupEntity, 'g').where('g.restricted = :no AND g.internal = :no').getQuery()}`, { no: false });
        }
      }),
    );
  }
  if (filter.groupId) qb.andWhere('r.groupId = :groupId', { groupId: isUuid(filter.groupId) ? filter.groupId : '00000000-0000-0000-0000-000000000000' });
  if (filter.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
  if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
  const totalCount = await qb.getCount();
  const oldestFirst = filter.status === 'PENDING';
  if (cursor) {
    const [at, id] = cursor;
    const when = new Date(at);
    const op = oldestFirst ? '>' : '<';
    qb.andWhere(new Brackets((w) => w.where(`r.createdAt ${op} :when`, { when }).orWhere(`r.createdAt = :when AND r.id ${op} :id`, { id })));
  }
  const dir = oldestFirst ? 'ASC' : 'DESC';
  const rows = await qb.orderBy('r.createdAt', dir).addOrderBy('r.id', dir).limit(first + 1).getMany();
  return { ...toPage(rows, first, (r) => [r.createdAt.toISOString(), r.id]), totalCount };
}

/** Pending requests per group (for Group.pendingRequestCount; callers show it only to those who may decide). */
export async function pendingCounts(manager: EntityManager, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder(GroupRequestEntity, 'r')
    .select('r.groupId', 'groupId')
    .addSelect('COUNT(*)', 'count')
    .where('r.groupId IN (:...groupIds) AND r.status = :pending', { groupIds: [...groupIds], pending: 'PENDING' })
    .groupBy('r.groupId')
    .getRawMany<{ groupId: string; count: string | number }>();
  return new Map(rows.map((r) => [r.groupId, Number(r.count)]));
}

/** The user's pending requests among `groupIds` (at most one per group). */
export async function pendingRequestsAmong(manager: EntityManager, userId: string, groupIds: readonly string[]): Promise<GroupRequestEntity[]> {
  return manager.findBy(GroupRequestEntity, { userId, groupId: In([...groupIds]), status: 'PENDING' });
}

/** The kind of the user's pending request in each of `ids` that has one (one named statement: the directory's group facts). */
export async function pendingRequestKinds(manager: EntityManager, userId: string, ids: readonly string[]): Promise<Map<string, RequestKind>> {
  const rows = await rawQuery<{ groupId: string; kind: RequestKind }>(
    manager,
    `SELECT r.group_id AS "groupId", r.kind AS "kind" FROM group_request r WHERE r.user_id = :userId AND ${inList(manager, 'r.group_id', 'ids')} AND r.status = 'PENDING'`,
    { userId, ids: listParam(manager, ids) },
    'gh_pending_requests_among',
  );
  return new Map(rows.map((r) => [r.groupId, r.kind]));
}
