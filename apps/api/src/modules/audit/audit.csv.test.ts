import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, type Cast } from '../../../test/factories';
import { csvCell } from './audit.csv';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

describe('audit CSV export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(null)).toBe('');
  });

  it('exports the rows the viewer may read, filtered, as a CSV download', async () => {
    const person = await makeUser(app, { displayName: 'Csv, Person' });
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [person.user.id] }, cast.admin.as);
    const response = await app.fetch(`/export/audit.csv?groupId=${group.id}`, { headers: { authorization: `Bearer ${cast.leader.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="gatehouse-audit-/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,action,actorId,actorLabel,groupId,groupLabel,userId,userLabel,resourceId,resourceLabel,summary,details');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('MEMBER_ADDED');
    expect(lines[1]).toContain('"Csv, Person <');
    const outsider = await app.fetch(`/export/audit.csv?groupId=${group.id}`, { headers: { authorization: `Bearer ${cast.user.token}` } });
    expect((await outsider.text()).trim().split('\r\n')).toHaveLength(1);
  });

  it('refuses anonymous callers and bad filters with clear errors, never a 500', async () => {
    expect((await app.fetch('/export/audit.csv')).status).toBe(401);
    const bad = await app.fetch('/export/audit.csv?since=yesterday', { headers: { authorization: `Bearer ${cast.admin.token}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a NUL in a filter', 'action=%00', 'action', /U\+0000/],
    ['another control character', 'action=a%1Bb', 'action', /U\+001B/],
    ['a NUL in a parameter name', '%00=1', 'query', /U\+0000/],
    ['a NUL in a parameter the export does not use', 'cachebuster=%00', 'cachebuster', /U\+0000/],
    ['a repeated parameter', 'action=A&action=B', 'action', /given once/],
    ['an action over 64 characters, as auditEvents refuses it', `action=${'a'.repeat(65)}`, 'action', /at most 64 characters/],
    ['a malformed id', 'groupId=1%27%20OR%201%3D1', 'groupId', /not a valid id/],
    ['a date DateTime does not accept', 'since=2024-02-30T00:00:00Z', 'since', /ISO-8601/],
  ])('answers %s with a clear 400 naming the parameter', async (_label, query, field, message) => {
    const response = await app.fetch(`/export/audit.csv?${query}`, { headers: { authorization: `Bearer ${cast.admin.token}` }, signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string; reason: string; details: { field: string; message: string }[] } }[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', details: [{ field }] } });
    expect(body.errors[0]?.message).toMatch(message);
  });

  it('answers the extremes of the date range as a download, not an error', async () => {
    for (const query of ['since=0000-01-01T00:00:00Z', 'until=9999-12-31T23:59:59Z', 'since=0001-01-01T00:00:00Z&until=0001-01-02T00:00:00Z']) {
      const response = await app.fetch(`/export/audit.csv?${query}`, { headers: { authorization: `Bearer ${cast.admin.token}` }, signal: AbortSignal.timeout(10_000) });
      expect(response.status, query).toBe(200);
      await response.text();
    }
  });
});
