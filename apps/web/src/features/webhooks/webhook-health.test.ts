import { describe, expect, it } from 'vitest';
import { lastStatusText, webhookHealth } from './webhook-health';

const at = '2026-01-02T03:04:05.000Z';

describe('webhookHealth', () => {
  it.each([
    [{ enabled: false, failingSince: at, lastDeliveryAt: at }, 'Disabled'],
    [{ enabled: false }, 'Disabled'],
    [{ enabled: true, failingSince: at, lastDeliveryAt: at, lastHttpStatus: 500 }, 'Failing'],
    [{ enabled: true, lastDeliveryAt: at, lastHttpStatus: 200 }, 'Healthy'],
    [{ enabled: true, lastDeliveryAt: null }, 'No deliveries yet'],
  ])('%j → %s', (facts, label) => {
    expect(webhookHealth(facts).label).toBe(label);
  });

  it('says why a disabled endpoint was failing', () => {
    expect(webhookHealth({ enabled: false, failingSince: at }).explanation).toMatch(/failing/);
    expect(webhookHealth({ enabled: false }).explanation).not.toMatch(/failing/);
  });
});

describe('lastStatusText', () => {
  it.each([
    [{ enabled: true, lastDeliveryAt: at, lastHttpStatus: 503 }, 'HTTP 503'],
    [{ enabled: true, lastDeliveryAt: at, lastHttpStatus: null }, 'No answer'],
    [{ enabled: true, lastDeliveryAt: null, lastHttpStatus: null }, '—'],
  ])('%j → %s', (facts, text) => {
    expect(lastStatusText(facts)).toBe(text);
  });
});
