import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Webhook as Signer } from 'standardwebhooks';
import { In, type EntityManager } from 'typeorm';
import type { Db } from '../../db/db';
import { EventEntity } from '../events/event.entity';
import type { OutboundMessageEntity, OutboundStatus } from '../outbound/outbound-message.entity';
import type { AttemptOutcome } from '../outbound/outbound.repository';
import type { ChannelHandler } from '../outbound/outbound.worker';
import { InternalAddressError, isInternalAddress, publicOnlyLookup } from './ssrf';
import { WebhookEntity } from './webhook.entity';
import { webhookDisabled } from './webhook-health';

/** A 2xx within this long is success (SPEC §17). */
const TIMEOUT_MS = 10_000;
/** Of the answer, kept in the attempt's row. */
const RESPONSE_BYTES = 1024;

export interface DeliveryBody {
  id: string;
  body: string;
  timestamp: Date;
}

/**
 * The body of a delivery (SPEC §17): `{ type, timestamp, data }`, `data` as in the feed plus
 * `data.eventId`. The `webhook-id` is the event id — the same on every retry and redelivery — so
 * a receiver drops duplicates by it.
 */
export function deliveryBody(event: Pick<EventEntity, 'id' | 'type' | 'occurredAt' | 'data'>): DeliveryBody {
  const timestamp = event.occurredAt;
  return {
    id: String(event.id),
    timestamp,
    body: JSON.stringify({ type: event.type, timestamp: timestamp.toISOString(), data: Object.assign({}, event.data, { eventId: String(event.id) }) }),
  };
}

/** `v1,<sig>` for the current secret, and for the previous one while it still signs (rotation). */
export function signatures(webhook: WebhookEntity, delivery: DeliveryBody, signedAt: Date, now = new Date()): string {
  const secrets = [webhook.secret];
  if (webhook.previousSecret && webhook.previousSecretUntil && webhook.previousSecretUntil > now) secrets.push(webhook.previousSecret);
  return secrets.map((s) => new Signer(s).sign(delivery.id, signedAt, delivery.body)).join(' ');
}

/**
 * Sends webhook deliveries (the outbox's WEBHOOK channel): a signed POST, no redirects followed,
 * 10 s to answer, and never to an internal address unless allowed — checked on the address the
 * connection is made to.
 */
export class WebhookSender implements ChannelHandler {
  /** What the pass being sent needs, read once for all its messages (prepare). */
  private webhooks = new Map<string, WebhookEntity>();
  private events = new Map<number, EventEntity>();

  constructor(
    private readonly db: Db,
    readonly retryDelaysMs: readonly number[],
    private readonly allowPrivate: boolean,
  ) {}

  async prepare(messages: readonly OutboundMessageEntity[]): Promise<void> {
    const webhookIds = [...new Set(messages.map((m) => m.targetId))];
    const eventIds = [...new Set(messages.map((m) => m.eventId).filter((id): id is number => id !== null))];
    this.webhooks = new Map((await this.db.manager.findBy(WebhookEntity, { id: In(webhookIds) })).map((w) => [w.id, w]));
    this.events = new Map((eventIds.length ? await this.db.manager.findBy(EventEntity, { id: In(eventIds) }) : []).map((e) => [e.id, e]));
  }

  async send(message: OutboundMessageEntity): Promise<AttemptOutcome> {
    const webhook = this.webhooks.get(message.targetId) ?? (await this.db.manager.findOneBy(WebhookEntity, { id: message.targetId }));
    if (!webhook) return failure('The webhook was deleted.');
    if (!webhook.enabled) return failure('The webhook is disabled.');
    let delivery: DeliveryBody;
    if (message.eventId !== null) {
      const event = this.events.get(message.eventId) ?? (await this.db.manager.findOneBy(EventEntity, { id: message.eventId }));
      if (!event) return failure(`Event ${message.eventId} no longer exists.`);
      delivery = deliveryBody(event);
    } else {
      // A test delivery carries its own event (webhook.test), never in the feed.
      const p = message.payload ?? {};
      delivery = deliveryBody({ id: p.id, type: p.type, occurredAt: new Date(p.occurredAt), data: p.data ?? {} });
      delivery.id = String(p.id);
    }
    const now = new Date();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Gatehouse-Webhooks/1',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signatures(webhook, delivery, now, now),
    };
    return this.post(webhook.url, headers, delivery.body);
  }

  /** An endpoint's health after its lane: last status; 5 days of failures disable it. */
  async laneDone(tx: EntityManager, message: OutboundMessageEntity, status: OutboundStatus, outcome: AttemptOutcome, now: Date): Promise<void> {
    await webhookDisabled(tx, message.targetId, status, outcome, now);
  }

  private post(url: string, headers: Record<string, string>, body: string): Promise<AttemptOutcome> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve(failure('The URL is not valid.'));
        return;
      }
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!this.allowPrivate && net.isIP(host) && isInternalAddress(host)) {
        resolve(failure(new InternalAddressError(host, host).message));
        return;
      }
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: Object.assign({}, headers, { 'content-length': String(Buffer.byteLength(body)) }),
          timeout: TIMEOUT_MS,
          ...(this.allowPrivate ? {} : { lookup: publicOnlyLookup }),
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < RESPONSE_BYTES) chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', () => {
            const statusCode = response.statusCode ?? 0;
            const text = Buffer.concat(chunks).subarray(0, RESPONSE_BYTES).toString('utf8');
            const ok = statusCode >= 200 && statusCode < 300;
            resolve({ ok, statusCode, durationMs: elapsed(), error: ok ? null : statusCode >= 300 && statusCode < 400 ? `Redirect (HTTP ${statusCode}) not followed.` : `HTTP ${statusCode}`, response: text });
          });
          response.on('error', (error) => resolve({ ok: false, statusCode: response.statusCode ?? null, durationMs: elapsed(), error: error.message, response: null }));
        },
      );
      // The whole exchange, not only an idle socket, must finish within the timeout.
      const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s.`)), TIMEOUT_MS);
      request.on('timeout', () => request.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s.`)));
      request.on('error', (error) => resolve({ ok: false, statusCode: null, durationMs: elapsed(), error: error.message, response: null }));
      request.on('close', () => clearTimeout(deadline));
      request.end(body);
    });
  }
}

function failure(error: string): AttemptOutcome {
  return { ok: false, statusCode: null, durationMs: 0, error, response: null };
}
