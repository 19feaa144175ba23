import { describe, expect, it } from 'vitest';
import { ssoChanges, ssoValuesOf } from './sso-settings-form';

const saved = ssoValuesOf({
  groupSync: 'OFF',
  claim: 'groups',
  createGroups: false,
  blockedGroups: ['admin-*'],
  createUsers: true,
  linkByEmail: false,
});

describe('ssoChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(ssoChanges(saved, saved)).toEqual({ input: {}, errors: {} });
  });

  it('sends only what changed, the claim trimmed', () => {
    const values = { ...saved, groupSync: 'SYNC' as const, claim: ' realm_access.roles ', linkByEmail: true };
    expect(ssoChanges(saved, values).input).toEqual({ groupSync: 'SYNC', claim: 'realm_access.roles', linkByEmail: true });
  });

  it('sends the blocked patterns tidied, and not when only spaces differ', () => {
    expect(ssoChanges(saved, { ...saved, blockedGroups: [' admin-* '] }).input).toEqual({});
    expect(ssoChanges(saved, { ...saved, blockedGroups: ['admin-*', 'secret-*', 'admin-*'] }).input).toEqual({
      blockedGroups: ['admin-*', 'secret-*'],
    });
  });

  it('points out an empty claim before sending', () => {
    expect(ssoChanges(saved, { ...saved, claim: '  ' }).errors).toEqual({ claim: 'Enter the claim that lists groups, e.g. groups.' });
  });
});
