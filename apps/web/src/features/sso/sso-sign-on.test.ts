import { describe, expect, it } from 'vitest';
import { ssoErrorMessage, ssoStartPath } from './sso-sign-on';

describe('ssoStartPath', () => {
  it('passes where to return, encoded', () => {
    expect(ssoStartPath('/')).toBe('/auth/oidc/start?next=%2F');
    expect(ssoStartPath('/groups?x=1&y=2')).toBe('/auth/oidc/start?next=%2Fgroups%3Fx%3D1%26y%3D2');
  });
});

describe('ssoErrorMessage', () => {
  it('is null without a message', () => {
    expect(ssoErrorMessage(null)).toBeNull();
    expect(ssoErrorMessage('')).toBeNull();
    expect(ssoErrorMessage('  \n ')).toBeNull();
  });

  it('keeps the server’s sentence, tidied', () => {
    expect(ssoErrorMessage('  The sign-on could not be completed.\n Try again. ')).toBe(
      'The sign-on could not be completed. Try again.',
    );
  });

  it('cuts an overlong value', () => {
    const message = ssoErrorMessage('x'.repeat(1000));
    expect(message).toHaveLength(300);
    expect(message?.endsWith('…')).toBe(true);
  });
});
