import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind } from '../notifications/notification-kind';
import { enqueueOutbound } from '../outbound/outbound';
import type { ChannelHandler } from '../outbound/outbound.worker';
import type { OutboundMessageEntity } from '../outbound/outbound-message.entity';
import type { Mailer, OutgoingEmail } from './mailer';
import { emailRecipients } from './preferences';
import { renderEmail, type EmailContent } from './templates';
import type { UnsubscribeTokens } from './unsubscribe-token';

/** The unsubscribe endpoint (server.ts mounts it; RFC 8058's one-click POST goes here too). */
export const UNSUBSCRIBE_PATH = '/unsubscribe';

/**
 * This server's email outbox per data source. `notify()` is a function every service calls inside
 * its own transaction, with nothing but `tx`; the composition root attaches the server's email
 * settings to its data source here, so a server without SMTP_URL queues nothing, and two servers
 * in one process (the tests) each keep their own settings.
 */
const outboxes = new WeakMap<DataSource, EmailOutbox>();

/**
 * Queues an email copy of a notification for each of `userIds` whose preference for `kind` is on
 * (SPEC §18), in the caller's transaction: the email exists exactly when the change commits, and
 * the outbound worker of any server sends it after (never before, never instead of the change).
 */
export async function queueEmails(tx: EntityManager, userIds: readonly string[], kind: NotificationKind, content: EmailContent): Promise<void> {
  await outboxes.get(tx.dataSource)?.queue(tx, userIds, kind, content);
}

export class EmailOutbox {
  constructor(
    dataSource: DataSource,
    private readonly publicUrl: string,
    private readonly tokens: UnsubscribeTokens,
  ) {
    outboxes.set(dataSource, this);
  }

  async queue(tx: EntityManager, userIds: readonly string[], kind: NotificationKind, content: EmailContent): Promise<void> {
    const recipients = await emailRecipients(tx, userIds, kind);
    if (recipients.length === 0) return;
    const items = [];
    for (const r of recipients) {
      const unsubscribeUrl = `${this.publicUrl}${UNSUBSCRIBE_PATH}?token=${await this.tokens.sign(tx, r.id, kind)}`;
      const rendered = renderEmail(kind, content, { publicUrl: this.publicUrl, recipientName: r.displayName, unsubscribeUrl });
      const email: OutgoingEmail = {
        to: r.email,
        ...rendered,
        // RFC 2369 + RFC 8058: mail clients offer "Unsubscribe" and POST to it in one click.
        headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      };
      items.push({ channel: 'EMAIL' as const, targetId: r.id, payload: { kind, ...email } });
    }
    await enqueueOutbound(tx, items);
  }
}

/**
 * The outbound queue's EMAIL channel: one SMTP conversation per attempt. A 2xx is success; a 4xx,
 * or no answer (server down, timed out, connection refused), is retried after `retryDelaysMs`; a
 * 5xx is the server's final word (no such mailbox, relaying denied): FAILED at once, with its
 * answer in the attempt log.
 */
export function emailChannel(mailer: Mailer, retryDelaysMs: readonly number[]): ChannelHandler {
  return {
    retryDelaysMs,
    async send(message: OutboundMessageEntity) {
      const payload = message.payload as (OutgoingEmail & { kind: string }) | null;
      if (!payload) return { ok: false, statusCode: null, durationMs: 0, error: 'The queued email has no content.', response: null };
      const answer = await mailer.send({ to: payload.to, subject: payload.subject, text: payload.text, html: payload.html, headers: payload.headers ?? {} });
      return {
        ok: answer.accepted,
        statusCode: answer.code,
        durationMs: answer.durationMs,
        error: answer.accepted ? null : answer.response,
        response: answer.response,
        final: !answer.accepted && !answer.transient,
      };
    },
  };
}
