import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, outcome, type Cast } from '../../../test/factories';
import { NotificationEntity } from '../notifications/notification.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const ADD = 'mutation ($g: ID!, $u: [ID!]!, $e: DateTime) { addGroupMembers(groupId: $g, userIds: $u, expiresAt: $e) { user { id } } }';
const SUMMARY = 'query ($f: AuditFilter, $z: String) { auditEvents(filter: $f, first: 10) { edges { node { action summary(timeZone: $z) } } } }';

/** The sentence of the MEMBER_ADDED row about `userId`, read in `timeZone`. */
const addedSentence = async (userId: string, timeZone?: string) => {
  const result = await app.gql<{ auditEvents: { edges: { node: { action: string; summary: string } }[] } }>(SUMMARY, { f: { userId, action: 'MEMBER_ADDED' }, z: timeZone }, cast.admin.as);
  expect(result.errors).toBeUndefined();
  return result.data!.auditEvents.edges[0]!.node.summary;
};

describe('dates in the audit log’s sentences are days in the reader’s zone (SPEC §20, issue 21)', () => {
  it('an expiry picked as 10 Feb in New York reads 2027-02-10 in New York, and the day it falls on elsewhere', async () => {
    const group = await makeGroup(app);
    const person = await makeUser(app, { displayName: 'Nina York' });
    // What the SPA stores for 10 Feb picked in New York: the end of that day there.
    expect((await app.gql(ADD, { g: group.id, u: [person.user.id], e: '2027-02-11T04:59:59.999Z' }, cast.admin.as)).errors).toBeUndefined();
    expect(await addedSentence(person.user.id, 'America/New_York')).toMatch(/added Nina York to .* until 2027-02-10\.$/);
    expect(await addedSentence(person.user.id, 'Asia/Tokyo')).toMatch(/until 2027-02-11\.$/);
    // Without a zone (other clients, the CSV's default): UTC.
    expect(await addedSentence(person.user.id)).toMatch(/until 2027-02-11\.$/);
  });

  it('an expiry saved before the day rule (midnight UTC of the next day) shows as the intended day in every zone', async () => {
    const group = await makeGroup(app);
    const person = await makeUser(app, { displayName: 'Olga Older' });
    expect((await app.gql(ADD, { g: group.id, u: [person.user.id], e: '2027-04-01T00:00:00Z' }, cast.admin.as)).errors).toBeUndefined();
    for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo', undefined]) expect(await addedSentence(person.user.id, zone), String(zone)).toMatch(/until 2027-03-31\.$/);
  });

  it('refuses a time zone it does not know', async () => {
    expect(outcome(await app.gql(SUMMARY, { z: 'Mars/Olympus' }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });

  it('the CSV takes the same timeZone, and refuses a bad one', async () => {
    const group = await makeGroup(app);
    const person = await makeUser(app, { displayName: 'Cora Csv' });
    await app.gql(ADD, { g: group.id, u: [person.user.id], e: '2027-02-10T14:59:59.999Z' }, cast.admin.as); // 10 Feb in Tokyo
    const csv = async (zone: string) => {
      const response = await app.fetch(`/export/audit.csv?userId=${person.user.id}&action=MEMBER_ADDED&timeZone=${encodeURIComponent(zone)}`, { headers: { authorization: `Bearer ${cast.admin.token}` } });
      return { status: response.status, text: await response.text() };
    };
    expect((await csv('Asia/Tokyo')).text).toContain('until 2027-02-10.');
    expect((await csv('Australia/Sydney')).text).toContain('until 2027-02-11.');
    expect((await csv('Nowhere/Else')).status).toBe(400);
  });
});

describe('the member is told the day that was picked, with its zone (SPEC §20)', () => {
  it('being added until a day names that day and the chooser’s offset — the in-app message and so the email', async () => {
    const group = await makeGroup(app, { name: 'Dated Garden' });
    const person = await makeUser(app);
    await app.gql(ADD, { g: group.id, u: [person.user.id], e: '2027-02-11T04:59:59.999Z' }, cast.admin.as);
    const [note] = await app.dataSource.manager.findBy(NotificationEntity, { userId: person.user.id });
    expect(note?.title).toBe('You were added to Dated Garden');
    expect(note?.body).toMatch(/added you; your membership ends on 2027-02-10 \(end of the day, UTC−05:00\)\.$/);
  });

  it('without an expiry, says nothing of one', async () => {
    const group = await makeGroup(app);
    const person = await makeUser(app);
    await app.gql(ADD, { g: group.id, u: [person.user.id] }, cast.admin.as);
    const [note] = await app.dataSource.manager.findBy(NotificationEntity, { userId: person.user.id });
    expect(note?.body).toMatch(/ added you\.$/);
  });
});
