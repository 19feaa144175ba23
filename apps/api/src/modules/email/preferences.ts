import { In, type EntityManager } from 'typeorm';
import { NOTIFICATION_KIND_INFO, NOTIFICATION_KINDS, type NotificationKind } from '../notifications/notification-kind';
import { UserEntity } from '../users/user.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';

export interface Preference {
  kind: NotificationKind;
  email: boolean;
}

/** Every kind, in vocabulary order, with the person's choice or else the kind's default (SPEC §18). */
export async function preferencesOf(manager: EntityManager, userId: string): Promise<Preference[]> {
  const chosen = new Map((await manager.findBy(NotificationPreferenceEntity, { userId })).map((p) => [p.kind, p.email]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, email: chosen.get(kind) ?? NOTIFICATION_KIND_INFO[kind].emailByDefault }));
}

/** Stores choices (kinds not listed keep theirs), in the caller's transaction. */
export async function choosePreferences(tx: EntityManager, userId: string, choices: readonly Preference[]): Promise<void> {
  if (choices.length === 0) return;
  await tx.upsert(NotificationPreferenceEntity, choices.map((c) => ({ userId, kind: c.kind, email: c.email })), ['userId', 'kind']);
}

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
}

/**
 * Who of `userIds` gets an email copy of a `kind` notification: active people (service accounts
 * read no mail) whose choice, or else the kind's default, is on. Two statements for any number.
 */
export async function emailRecipients(tx: EntityManager, userIds: readonly string[], kind: NotificationKind): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const users = await tx.find(UserEntity, { where: { id: In([...userIds]), isActive: true, kind: 'HUMAN' }, select: { id: true, email: true, displayName: true } });
  if (users.length === 0) return [];
  const chosen = new Map(
    (await tx.find(NotificationPreferenceEntity, { where: { userId: In(users.map((u) => u.id)), kind } })).map((p) => [p.userId, p.email]),
  );
  const byDefault = NOTIFICATION_KIND_INFO[kind].emailByDefault;
  return users.filter((u) => chosen.get(u.id) ?? byDefault).map((u) => ({ id: u.id, email: u.email, displayName: u.displayName }));
}
