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
    expect(lines[0]).toBe('id,occurredAt,action,actorId,actorLabel,groupId,groupLabel,userId,userLabel,resourceId,details');
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
});
