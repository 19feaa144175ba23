import { describe, expect, it } from 'vitest';
import { EMPTY_WEBHOOK, sameWebhook, webhookFormProblems, webhookInputOf, type WebhookFormValues } from './webhook-form';

const filled: WebhookFormValues = {
  url: '  https://hooks.example.com/gatehouse ',
  description: ' Chat roles ',
  eventTypes: ['membership.added', 'membership.removed'],
  groups: [{ id: 'g1', label: 'Ops' }],
  enabled: false,
};

describe('webhookInputOf', () => {
  it('sends trimmed text, group ids and every field (the API replaces the whole webhook)', () => {
    expect(webhookInputOf(filled)).toEqual({
      url: 'https://hooks.example.com/gatehouse',
      description: 'Chat roles',
      eventTypes: ['membership.added', 'membership.removed'],
      groupIds: ['g1'],
      enabled: false,
    });
  });
});

describe('webhookFormProblems', () => {
  it.each([
    ['', 'Enter the address deliveries are posted to.'],
    ['   ', 'Enter the address deliveries are posted to.'],
    ['hooks.example.com', 'The URL must start with https:// (or http://).'],
    ['ftp://hooks.example.com', 'The URL must start with https:// (or http://).'],
  ])('%j → %s', (url, message) => {
    expect(webhookFormProblems({ ...EMPTY_WEBHOOK, url })).toEqual({ url: message });
  });

  it.each(['https://hooks.example.com/x', 'http://127.0.0.1:8080/in'])('accepts %s', (url) => {
    expect(webhookFormProblems({ ...EMPTY_WEBHOOK, url })).toEqual({});
  });
});

describe('sameWebhook', () => {
  it('ignores the order of filters and surrounding spaces', () => {
    const reordered = { ...filled, url: 'https://hooks.example.com/gatehouse', eventTypes: ['membership.removed', 'membership.added'] };
    expect(sameWebhook(filled, reordered)).toBe(true);
  });

  it.each<[string, Partial<WebhookFormValues>]>([
    ['url', { url: 'https://other.example.com' }],
    ['description', { description: 'Wiki' }],
    ['event types', { eventTypes: ['membership.added'] }],
    ['groups', { groups: [] }],
    ['enabled', { enabled: true }],
  ])('sees a change of %s', (_name, change) => {
    expect(sameWebhook(filled, { ...filled, ...change })).toBe(false);
  });
});
