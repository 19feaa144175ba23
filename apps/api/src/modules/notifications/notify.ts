import { IsNull, type EntityManager } from 'typeorm';
import { clipText } from '../../common/storable-text';
import { signalOnCommit } from '../../db/commit-signal';
import { queueEmails } from '../email/email-outbox';
import { NotificationEntity } from './notification.entity';
import type { NotificationKind, NotificationKindName } from './notification-kind';

export interface Message {
  /** What it is about (SPEC §10): each person chooses per kind whether an email copy is sent (SPEC §18). */
  kind: NotificationKindName;
  title: string;
  body: string;
  link?: string | null;
  /** The request the reader is asked to decide (marked read once it is decided). */
  requestId?: string | null;
}

/**
 * Sends an in-app notification to each user, inside the caller's transaction: a change and the
 * messages about it commit together or not at all (SPEC §14). Email copies go to those who want
 * this kind by email, queued in the same transaction and sent after commit (email-outbox.ts).
 */
export async function notify(tx: EntityManager, userIds: readonly string[], message: Message): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  // Live bells (notificationAdded) on every server hear of it when this commits.
  signalOnCommit(tx);
  await tx.insert(
    NotificationEntity,
    unique.map((userId) => ({ userId, title: clipText(message.title, 200), body: message.body, link: message.link ?? null, requestId: message.requestId ?? null })),
  );
  await queueEmails(tx, unique, message.kind as NotificationKind, { title: message.title, body: message.body, link: message.link ?? null });
}

/**
 * A request is no longer waiting (decided, withdrawn or cancelled, by anyone): every approver's
 * "asks to join/leave" notification about it is marked read, inside the same transaction.
 */
export async function settleRequestNotifications(tx: EntityManager, requestId: string): Promise<void> {
  await tx.update(NotificationEntity, { requestId, readAt: IsNull() }, { readAt: new Date() });
}
