import type { EntityManager } from 'typeorm';

/** Transactions whose commit others must hear of (a queued message, a notification, events). */
const signalled = new WeakSet<EntityManager>();

/**
 * Asks that this transaction's commit wake the listeners — the outbound worker, the live
 * subscriptions — on every server (events/event-outbox.ts sends the NOTIFY; Db runs the hooks).
 */
export function signalOnCommit(tx: EntityManager): void {
  signalled.add(tx);
}

/** True (once) when `tx` asked for a signal. */
export function takeCommitSignal(tx: EntityManager): boolean {
  const asked = signalled.has(tx);
  signalled.delete(tx);
  return asked;
}
