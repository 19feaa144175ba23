import { describe, expect, it } from 'vitest';
import { liveUrl, retryDelayMs } from './live-link';

describe('the live socket', () => {
  it('opens on this page’s own origin, wss: behind https', () => {
    expect(liveUrl({ protocol: 'https:', host: 'gatehouse.example.org' })).toBe('wss://gatehouse.example.org/graphql');
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/graphql');
  });

  it('reconnects with a growing, capped back-off', () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(10, 0)).toBe(30_000);
    expect(retryDelayMs(10, 0.999)).toBeLessThan(31_000);
  });
});
