import { randomBytes, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { isEventType, WEBHOOK_TEST_EVENT } from '@gatehouse/shared';
import { authorize } from '../../authz/authorize';
import { settingsPolicy } from '../settings/settings.policy';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { audit } from '../audit/audit.writer';
import { EventEntity } from '../events/event.entity';
import { GroupEntity } from '../groups/group.entity';
import { enqueueOutbound } from '../outbound/outbound';
import { OutboundAttemptEntity } from '../outbound/outbound-attempt.entity';
import { OutboundMessageEntity } from '../outbound/outbound-message.entity';
import { feedEnd } from './webhook-dispatch';
import { WebhookEntity } from './webhook.entity';

export interface WebhookInputModel {
  url: string;
  description?: string | null;
  eventTypes?: string[] | null;
  groupIds?: string[] | null;
  enabled?: boolean | null;
}

/** After a rotation the old secret keeps signing this long (SPEC §17). */
export const PREVIOUS_SECRET_MS = 24 * 60 * 60 * 1000;
const MAX_FILTERS = 50;
const NOT_FOUND = 'No webhook has this id.';

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function mustBeAdmin(viewer: Viewer): void {
  authorize(settingsPolicy, 'manageWebhooks', viewer);
}

/** Webhooks (SPEC §17), administrators only: endpoints, their secrets, their delivery logs. */
export class WebhooksService {
  constructor(private readonly db: Db) {}

  list(viewer: Viewer): Promise<WebhookEntity[]> {
    mustBeAdmin(viewer);
    return this.db.manager.find(WebhookEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(viewer: Viewer, id: string): Promise<WebhookEntity | null> {
    mustBeAdmin(viewer);
    return isUuid(id) ? this.db.manager.findOneBy(WebhookEntity, { id }) : null;
  }

  async create(viewer: Viewer, input: WebhookInputModel): Promise<{ webhook: WebhookEntity; secret: string }> {
    mustBeAdmin(viewer);
    const fields = validate(input);
    return this.db.transaction(async (tx) => {
      await assertGroups(tx, fields.groupIds);
      const secret = newSecret();
      // It receives what happens from now on.
      const webhook = await tx.save(tx.create(WebhookEntity, Object.assign({}, fields, { secret, previousSecret: null, previousSecretUntil: null, eventCursor: await feedEnd(tx) })));
      await audit(tx, { action: 'WEBHOOK_CREATED', actor: viewer.actor, details: { webhookId: webhook.id, url: webhook.url, eventTypes: webhook.eventTypes, groupIds: webhook.groupIds } });
      return { webhook, secret };
    });
  }

  async update(viewer: Viewer, id: string, input: WebhookInputModel): Promise<WebhookEntity> {
    mustBeAdmin(viewer);
    const fields = validate(input);
    return this.db.transaction(async (tx) => {
      const webhook = await this.forChange(tx, id);
      await assertGroups(tx, fields.groupIds);
      // Enabled again, it starts from now — what happened while it was off is not queued up (an
      // admin re-sends what matters with redeliverEvent) — and its failing streak starts afresh.
      const enabling = fields.enabled && !webhook.enabled;
      Object.assign(webhook, fields, enabling ? { failingSince: null, eventCursor: await feedEnd(tx) } : {});
      await tx.save(webhook);
      await audit(tx, { action: 'WEBHOOK_UPDATED', actor: viewer.actor, details: { webhookId: webhook.id, url: webhook.url, eventTypes: webhook.eventTypes, groupIds: webhook.groupIds, enabled: webhook.enabled } });
      return webhook;
    });
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    mustBeAdmin(viewer);
    return this.db.transaction(async (tx) => {
      const webhook = await this.forChange(tx, id);
      // Its queued deliveries and their log go with it: there is nowhere left to send them.
      await tx.delete(OutboundMessageEntity, { targetId: webhook.id, channel: 'WEBHOOK' });
      await tx.delete(WebhookEntity, { id: webhook.id });
      await audit(tx, { action: 'WEBHOOK_DELETED', actor: viewer.actor, details: { webhookId: webhook.id, url: webhook.url } });
      return true;
    });
  }

  /** A new secret, shown once; the old one signs beside it for 24 hours so receivers can switch. */
  async rotate(viewer: Viewer, id: string): Promise<{ webhook: WebhookEntity; secret: string }> {
    mustBeAdmin(viewer);
    return this.db.transaction(async (tx) => {
      const webhook = await this.forChange(tx, id);
      const secret = newSecret();
      webhook.previousSecret = webhook.secret;
      webhook.previousSecretUntil = new Date(Date.now() + PREVIOUS_SECRET_MS);
      webhook.secret = secret;
      await tx.save(webhook);
      await audit(tx, { action: 'WEBHOOK_SECRET_ROTATED', actor: viewer.actor, details: { webhookId: webhook.id, url: webhook.url } });
      return { webhook, secret };
    });
  }

  /** Sends an event again (the same `webhook-id`): a new delivery, first in line after what is queued. */
  async redeliver(viewer: Viewer, webhookId: string, eventId: string): Promise<OutboundAttemptEntity> {
    mustBeAdmin(viewer);
    if (!/^\d{1,10}$/.test(eventId)) throw errors.notFound('No event has this id.');
    return this.db.transaction(async (tx) => {
      const webhook = await this.forChange(tx, webhookId);
      const event = await tx.findOneBy(EventEntity, { id: Number(eventId) });
      if (!event) throw errors.notFound('No event has this id.');
      const [messageId] = await enqueueOutbound(tx, [{ channel: 'WEBHOOK', targetId: webhook.id, orderingKey: webhook.id, eventId: event.id }]);
      return tx.findOneOrFail(OutboundAttemptEntity, { where: { messageId: messageId! }, relations: { message: true } });
    });
  }

  /** A `webhook.test` delivery (never in the feed): checks the endpoint and its signature check. */
  async sendTest(viewer: Viewer, webhookId: string): Promise<OutboundAttemptEntity> {
    mustBeAdmin(viewer);
    return this.db.transaction(async (tx) => {
      const webhook = await this.forChange(tx, webhookId);
      const payload = { id: `test_${randomUUID()}`, type: WEBHOOK_TEST_EVENT, occurredAt: new Date().toISOString(), data: { webhook: { id: webhook.id, label: webhook.url }, actor: viewer.actor.label } };
      const [messageId] = await enqueueOutbound(tx, [{ channel: 'WEBHOOK', targetId: webhook.id, orderingKey: webhook.id, payload }]);
      return tx.findOneOrFail(OutboundAttemptEntity, { where: { messageId: messageId! }, relations: { message: true } });
    });
  }

  /** An endpoint's delivery log, newest first: every attempt, and the one still to come. */
  async deliveries(webhookId: string, first: number, after: string | null | undefined, failedOnly: boolean): Promise<Page<OutboundAttemptEntity>> {
    const cursor = after ? decodeCursor(after, ['date', 'int', 'uuid']) : null;
    const qb = this.db.manager
      .createQueryBuilder(OutboundAttemptEntity, 'a')
      .leftJoinAndSelect('a.message', 'm')
      .where('a.targetId = :webhookId', { webhookId })
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.attempt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(first + 1);
    if (failedOnly) qb.andWhere('a.status IN (:...failed)', { failed: ['RETRYING', 'FAILED'] });
    if (cursor) {
      const [at, attempt, id] = cursor;
      qb.andWhere('(a.createdAt < :at OR (a.createdAt = :at AND (a.attempt < :attempt OR (a.attempt = :attempt AND a.id < :id))))', { at: new Date(at), attempt: Number(attempt), id });
    }
    const rows = await qb.getMany();
    return toPage(rows, first, (a) => [a.createdAt.toISOString(), String(a.attempt), a.id]);
  }

  /** The event types of deliveries, by event id (a page's worth at a time). */
  async eventTypes(eventIds: readonly number[]): Promise<Map<number, string>> {
    if (eventIds.length === 0) return new Map();
    const rows = await this.db.manager.find(EventEntity, { select: { id: true, type: true }, where: { id: In([...eventIds]) } });
    return new Map(rows.map((e) => [e.id, e.type]));
  }

  private async forChange(tx: EntityManager, id: string): Promise<WebhookEntity> {
    const lock = this.db.lockClause();
    const webhook = isUuid(id) ? await tx.findOne(WebhookEntity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) }) : null;
    if (!webhook) throw errors.notFound(NOT_FOUND);
    return webhook;
  }
}

/** The input's fields, checked: an http(s) URL, known event types, group ids. */
function validate(input: WebhookInputModel): Pick<WebhookEntity, 'url' | 'description' | 'eventTypes' | 'groupIds' | 'enabled'> {
  const url = input.url.trim();
  const description = (input.description ?? '').trim();
  const eventTypes = [...new Set(input.eventTypes ?? [])];
  const groupIds = [...new Set(input.groupIds ?? [])];
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  const unknown = eventTypes.filter((t) => !isEventType(t));
  new Problems()
    .check(parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && url.length <= 2000, 'url', 'The URL must be an http:// or https:// address of at most 2,000 characters.')
    .check(description.length <= 500, 'description', 'The description must be at most 500 characters.')
    .check(unknown.length === 0, 'eventTypes', `Unknown event types: ${unknown.slice(0, 5).join(', ')}.`)
    .check(eventTypes.length <= MAX_FILTERS, 'eventTypes', `Name at most ${MAX_FILTERS} event types (or none for all).`)
    .check(groupIds.length <= MAX_FILTERS && groupIds.every(isUuid), 'groupIds', `Name at most ${MAX_FILTERS} groups, by id.`)
    .throwIfAny();
  return { url, description, eventTypes, groupIds, enabled: input.enabled ?? true };
}

async function assertGroups(tx: EntityManager, groupIds: readonly string[]): Promise<void> {
  if (groupIds.length === 0) return;
  const found = await tx.find(GroupEntity, { select: { id: true }, where: { id: In([...groupIds]) } });
  const missing = groupIds.filter((id) => !found.some((g) => g.id === id));
  if (missing.length) throw errors.validation([{ field: 'groupIds', message: `No group has these ids: ${missing.join(', ')}.` }]);
}
