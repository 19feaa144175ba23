import type { EntityManager } from 'typeorm';
import { clipText } from '../../common/storable-text';
import { NotificationEntity } from './notification.entity';

export interface Message {
  title: string;
  body: string;
  link?: string | null;
}

/**
 * Sends an in-app notification to each user, inside the caller's transaction: a change and the
 * messages about it commit together or not at all (SPEC §14).
 */
export async function notify(tx: EntityManager, userIds: readonly string[], message: Message): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx.insert(
    NotificationEntity,
    unique.map((userId) => ({ userId, title: clipText(message.title, 200), body: message.body, link: message.link ?? null })),
  );
}
