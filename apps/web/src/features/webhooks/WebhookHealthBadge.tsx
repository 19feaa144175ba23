import { Badge } from '@mantine/core';
import { webhookHealth, type WebhookHealthFacts } from './webhook-health';

/** Disabled / Failing / Healthy / No deliveries yet (the webhook's page says what each means). */
export function WebhookHealthBadge({ facts }: { facts: WebhookHealthFacts }) {
  const health = webhookHealth(facts);
  return (
    <Badge variant="light" color={health.color}>
      {health.label}
    </Badge>
  );
}
