import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings.model';
import { globMatcher, planSync, readGroupsClaim, type SyncInput } from './group-sync.plan';

const g = (id: string, name: string) => ({ id, name });
const base = (over: Partial<SyncInput> = {}): SyncInput => ({
  claimed: ['Engineering', 'Ops'],
  settings: { ...DEFAULT_SETTINGS.sso, groupSync: 'SYNC' },
  groupsByKey: new Map([['engineering', g('e', 'Engineering')], ['ops', g('o', 'Ops')], ['sales', g('s', 'Sales')]]),
  memberOf: new Set(['s']),
  ssoMemberships: [g('s', 'Sales')],
  ...over,
});

describe('readGroupsClaim', () => {
  it('reads arrays and delimited strings at a dotted path, trimming and de-duplicating ignoring case', () => {
    expect(readGroupsClaim({ groups: ['a', ' B ', 'b', 3] }, 'groups')).toEqual(['a', 'B']);
    expect(readGroupsClaim({ realm: { roles: 'x, y;z\nx' } }, 'realm.roles')).toEqual(['x', 'y', 'z']);
    expect(readGroupsClaim({}, 'groups')).toBeNull();
    expect(readGroupsClaim({ groups: [] }, 'groups')).toBeNull();
    expect(readGroupsClaim({ groups: '' }, 'groups')).toBeNull();
  });
});

describe('planSync', () => {
  it('SYNC joins claimed groups and ends only SSO memberships the claim no longer lists', () => {
    expect(planSync(base())).toMatchObject({ join: [g('e', 'Engineering'), g('o', 'Ops')], leave: [g('s', 'Sales')], create: [] });
  });

  it('ADD_ONLY never ends anything', () => {
    expect(planSync(base({ settings: { ...DEFAULT_SETTINGS.sso, groupSync: 'ADD_ONLY' } })).leave).toEqual([]);
  });

  it('OFF, a missing claim and an empty claim change nothing', () => {
    for (const input of [base({ settings: DEFAULT_SETTINGS.sso }), base({ claimed: null }), base({ claimed: [] })]) {
      expect(planSync(input)).toMatchObject({ join: [], leave: [], create: [] });
    }
  });

  it('blocked names are neither joined, left nor created', () => {
    const plan = planSync(base({ claimed: ['Engineering', 'Secret-Admins'], settings: { ...DEFAULT_SETTINGS.sso, groupSync: 'SYNC', createGroups: true, blockedGroups: ['secret-*', 'sal?s'] } }));
    expect(plan).toMatchObject({ join: [g('e', 'Engineering')], leave: [], create: [], blocked: ['Secret-Admins'] });
  });

  it('creates missing groups only with createGroups', () => {
    expect(planSync(base({ claimed: ['New Team'] })).create).toEqual([]);
    expect(planSync(base({ claimed: ['New Team'], settings: { ...DEFAULT_SETTINGS.sso, groupSync: 'ADD_ONLY', createGroups: true } })).create).toEqual(['New Team']);
  });

  it('globs match whole names, any case', () => {
    const m = globMatcher(['admin*', '?x']);
    expect([m('Admins'), m('superadmin'), m('ax'), m('abx')]).toEqual([true, false, true, false]);
  });
});
