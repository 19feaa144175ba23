import { Brackets, type EntityManager } from 'typeorm';
import { GroupEntity } from '../groups/group.entity';
import { AccessReviewEntity, AccessReviewItemEntity } from './access-review.entity';
import type { ReviewerScope } from './review.policy';

/**
 * Undecided items of OPEN reviews in the scope's groups (`reviewerScope`, review.policy.ts), other than
 * `userId`'s own: the items `viewerCanDecide` is true for, counted in one statement
 * (Query.reviewItemsWaiting). review-reviewer-view.test.ts holds it to viewerCanDecide.
 */
export async function waitingItemCount(m: EntityManager, userId: string, scope: ReviewerScope): Promise<number> {
  const qb = m
    .createQueryBuilder(AccessReviewItemEntity, 'i')
    .innerJoin(AccessReviewEntity, 'r', 'r.id = i.reviewId')
    .where('r.status = :open', { open: 'OPEN' })
    .andWhere('i.decision IS NULL')
    .andWhere('i.userId <> :me', { me: userId });
  if (!scope.all) {
    qb.andWhere(
      new Brackets((w) => {
        // An empty list matches nothing (IN () is not SQL).
        w.where('i.groupId IN (:...led)', { led: scope.ledGroupIds.length ? [...scope.ledGroupIds] : ['00000000-0000-0000-0000-000000000000'] });
        if (scope.selfService) {
          w.orWhere(`i.groupId IN ${qb.subQuery().select('g.id').from(GroupEntity, 'g').where('g.internal = :no AND g.restricted = :no').getQuery()}`, { no: false });
        }
      }),
    );
  }
  return qb.getCount();
}
