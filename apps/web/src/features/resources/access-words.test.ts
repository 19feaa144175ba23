import { describe, expect, it } from 'vitest';
import { describeLevel, describeReason } from './access-words';

describe('describeReason', () => {
  it.each([
    [{ kind: 'ADMIN', level: 'WRITE' }, 'Admin: administrators reach every resource (Write)'],
    [{ kind: 'OWNER', level: 'WRITE' }, 'Owner (Write)'],
    [{ kind: 'PUBLIC', level: 'READ' }, 'Public: every active user may read it (Read)'],
    [{ kind: 'USER_GRANT', level: 'WRITE' }, 'Granted to them directly (Write)'],
    [{ kind: 'GROUP_GRANT', level: 'READ', group: { name: 'Ops' } }, 'Through group Ops (Read)'],
  ] as const)('%o → %s', (reason, expected) => {
    expect(describeReason(reason)).toBe(expected);
  });

  it('speaks to the reader when asked', () => {
    expect(describeReason({ kind: 'USER_GRANT', level: 'READ' }, 'you')).toBe('Granted to you directly (Read)');
  });

  it('adds the expiry inside the brackets', () => {
    const text = describeReason({ kind: 'GROUP_GRANT', level: 'READ', group: { name: 'Ops' }, expiresAt: '2030-03-12T12:00:00Z' });
    expect(text).toMatch(/^Through group Ops \(Read, until .*2030\)$/);
  });
});

describe('describeLevel', () => {
  it('says what the level allows', () => {
    expect(describeLevel('WRITE', 'you')).toBe('You can read and write it.');
    expect(describeLevel('READ')).toBe('They can read it.');
    expect(describeLevel('NONE')).toBe('They cannot reach it.');
  });
});
