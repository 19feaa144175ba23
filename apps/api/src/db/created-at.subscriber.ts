import { EventSubscriber, type EntitySubscriberInterface, type InsertEvent } from 'typeorm';

/**
 * Stamps `createdAt` in JavaScript on every insert. SQLite's column default (`datetime('now')`)
 * has one-second precision, so rows made in the same second would tie — newest-first lists and
 * cursors need the millisecond. The column default stays as a fallback for hand-written SQL.
 */
@EventSubscriber()
export class CreatedAtSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<Record<string, unknown>>): void {
    const hasCreatedAt = event.metadata.columns.some((c) => c.propertyName === 'createdAt');
    if (hasCreatedAt && event.entity && event.entity['createdAt'] == null) event.entity['createdAt'] = new Date();
  }
}
