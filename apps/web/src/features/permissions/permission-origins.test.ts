import { describe, expect, it } from 'vitest';
import { describeOrigin } from './permission-origins';

describe('describeOrigin', () => {
  it('lists every reason in a fixed order', () => {
    expect(describeOrigin({ direct: true, admin: true, groups: [{ name: 'Member' }, { name: 'Ops' }] })).toBe(
      'given directly · administrator · via Member, Ops',
    );
  });

  it('names a single group', () => {
    expect(describeOrigin({ direct: false, admin: false, groups: [{ name: 'Member' }] })).toBe('via Member');
  });

  it('says so when nothing is left', () => {
    expect(describeOrigin({ direct: false, admin: false, groups: [] })).toBe('no current source');
  });
});
