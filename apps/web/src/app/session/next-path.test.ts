import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/admin/users', '/admin/users'],
    ['/groups?search=ops#top', '/groups?search=ops#top'],
    [null, '/'],
    ['', '/'],
    ['admin', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['/sign-in', '/'],
    ['/sign-in?next=/x', '/'],
    ['/setup', '/'],
    ['/sign-up/', '/'],
    ['/sign-inside', '/sign-inside'],
    ['/x\nSet-Cookie', '/'],
  ])('%j → %j', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });
});

describe('signInPathFor', () => {
  it('carries the current path, query and hash', () => {
    expect(signInPathFor({ pathname: '/admin/groups/7', search: '?tab=members', hash: '#m' })).toBe(
      '/sign-in?next=%2Fadmin%2Fgroups%2F7%3Ftab%3Dmembers%23m',
    );
  });

  it('leaves out next for the start page', () => {
    expect(signInPathFor({ pathname: '/' })).toBe('/sign-in');
  });
});
