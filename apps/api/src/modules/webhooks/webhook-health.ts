import type { EntityManager } from 'typeorm';
import type { OutboundStatus } from '../outbound/outbound-message.entity';
import type { AttemptOutcome } from '../outbound/outbound.repository';
import { notify } from '../notifications/notify';
import { UserEntity } from '../users/user.entity';
import { WebhookEntity } from './webhook.entity';

/** An endpoint whose every delivery failed for this long is disabled (SPEC §17). */
export const DISABLE_AFTER_MS = 5 * 24 * 60 * 60 * 1000;

/**
 * After each attempt: the endpoint's last status and time; a success ends a failing streak; a
 * failure starts one, and one that has lasted 5 days disables the endpoint and tells the admins.
 */
export async function webhookDisabled(tx: EntityManager, webhookId: string, status: OutboundStatus, outcome: AttemptOutcome, now: Date): Promise<void> {
  const webhook = await tx.findOneBy(WebhookEntity, { id: webhookId });
  // A disabled endpoint is sent nothing: its health stays as it was when it was turned off.
  if (!webhook || !webhook.enabled) return;
  const failingSince = status === 'SUCCEEDED' ? null : (webhook.failingSince ?? now);
  const disable = webhook.enabled && failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
  await tx.update(WebhookEntity, { id: webhookId }, { lastDeliveryAt: now, lastHttpStatus: outcome.statusCode, failingSince, ...(disable ? { enabled: false } : {}) });
  if (disable) {
    const admins = await tx.find(UserEntity, { select: { id: true }, where: { isAdmin: true, isActive: true } });
    await notify(tx, admins.map((a) => a.id), {
      kind: 'ADMIN_ALERT',
      title: `Webhook disabled: ${webhook.url}`,
      body: `Every delivery to ${webhook.url} has failed since ${failingSince!.toISOString().slice(0, 10)}; it was disabled. Fix the endpoint, then enable it again.`,
      link: `/admin/webhooks/${webhook.id}`,
    });
  }
}
