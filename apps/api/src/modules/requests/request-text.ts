import { LIMITS } from '@gatehouse/shared';
import { errors } from '../../common/errors';
import type { GroupEntity } from '../groups/group.entity';
import { expiryText } from '../memberships/membership-expiry.service';
import type { GroupRequestEntity } from './group-request.entity';

/** A trimmed optional reason or comment (empty = none), refused when longer than the limit. */
export function optionalText(value: string | null | undefined, field: 'reason' | 'comment'): string | null {
  const text = value?.trim() || null;
  if (text && text.length > LIMITS.reasonMax) {
    throw errors.validation([{ field, message: `The ${field} must be at most ${LIMITS.reasonMax} characters.` }]);
  }
  return text;
}

/** What a request asks, in words: "join QA", "extend their membership of QA until …". */
export function asked(request: GroupRequestEntity, group: GroupEntity, whose: 'your' | 'their'): string {
  if (request.kind === 'EXTEND') return `extend ${whose} membership of ${group.name}${request.requestedUntil ? ` until ${expiryText(request.requestedUntil)}` : ''}`;
  return `${request.kind === 'JOIN' ? 'join' : 'leave'} ${group.name}`;
}
