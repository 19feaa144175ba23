import { describe, expect, it } from 'vitest';
import { formatDocumentTitle } from './document-title';

describe('formatDocumentTitle', () => {
  it('puts the page first so tabs stay distinguishable when truncated', () => {
    expect(formatDocumentTitle('Groups')).toBe('Groups · Gatehouse');
  });

  it.each([undefined, '', '   '])('falls back to the product name for %j', (title) => {
    expect(formatDocumentTitle(title)).toBe('Gatehouse');
  });

  it('trims stray whitespace', () => {
    expect(formatDocumentTitle('  Audit log ')).toBe('Audit log · Gatehouse');
  });
});
