import { describe, expect, it } from 'vitest';
import { userFilterFrom, userListParamsFrom, userListValuesFrom } from './user-list-filter';

describe('the users list filters', () => {
  it('round-trip through the URL, dropping unknown values', () => {
    const values = userListValuesFrom(new URLSearchParams('q=ann&status=DEACTIVATED&kind=ROBOT&role=ADMIN'));
    expect(values).toEqual({ q: 'ann', status: 'DEACTIVATED', kind: '', role: 'ADMIN' });
    expect(userListParamsFrom(values).toString()).toBe('q=ann&status=DEACTIVATED&role=ADMIN');
  });

  it('become the users(filter:) argument', () => {
    expect(userFilterFrom({ q: '', status: '', kind: '', role: '' })).toEqual({});
    expect(userFilterFrom({ q: 'x', status: 'ACTIVE', kind: 'SERVICE', role: 'NOT_ADMIN' })).toEqual({ isActive: true, kind: 'SERVICE', isAdmin: false });
  });
});
