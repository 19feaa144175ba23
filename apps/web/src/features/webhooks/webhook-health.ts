/** The facts a webhook's health is read from (the API's `Webhook` fields). */
export interface WebhookHealthFacts {
  enabled: boolean;
  lastDeliveryAt?: string | null;
  lastHttpStatus?: number | null;
  failingSince?: string | null;
}

export interface WebhookHealth {
  label: 'Disabled' | 'Failing' | 'Healthy' | 'No deliveries yet';
  color: string;
  /** One sentence saying what the label means for this endpoint. */
  explanation: string;
}

/**
 * How an endpoint is doing, in words (SPEC §17): turned off; failing (every attempt since
 * `failingSince` failed — after 5 days the server disables it); healthy; or never tried.
 */
export function webhookHealth(facts: WebhookHealthFacts): WebhookHealth {
  if (!facts.enabled) {
    return {
      label: 'Disabled',
      color: 'gray',
      explanation: facts.failingSince
        ? 'Turned off; every delivery had been failing. Nothing is sent until it is enabled again.'
        : 'Turned off: nothing is sent until it is enabled again.',
    };
  }
  if (facts.failingSince) {
    return {
      label: 'Failing',
      color: 'red',
      explanation: 'Every attempt since it started failing has failed; after 5 days of this it is disabled.',
    };
  }
  if (!facts.lastDeliveryAt) return { label: 'No deliveries yet', color: 'gray', explanation: 'Nothing has been sent to it yet.' };
  return { label: 'Healthy', color: 'green', explanation: 'The last delivery succeeded.' };
}

/** The last answer's HTTP status, or why there is none. */
export function lastStatusText(facts: WebhookHealthFacts): string {
  if (facts.lastHttpStatus != null) return `HTTP ${facts.lastHttpStatus}`;
  return facts.lastDeliveryAt ? 'No answer' : '—';
}
