import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeGroup, makeUser } from '../../../test/factories';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { NotificationEntity } from '../notifications/notification.entity';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24 * 3600_000;

describe('SPEC §7 expiry: the sweeper', () => {
  it('removes expired memberships (audited, actor system, cause EXPIRY) and notifies the member', async () => {
    const person = await makeUser(app);
    const group = await makeGroup(app);
    await addMember(app, group.id, person.user.id, new Date(Date.now() - 1000));
    const result = await app.services.sweeper.run();
    expect(result.ended).toBeGreaterThanOrEqual(1);
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: person.user.id, groupId: group.id })).toBe(0);
    const event = await app.dataSource.manager.findOneByOrFail(AuditEventEntity, { userId: person.user.id, groupId: group.id, action: 'MEMBER_REMOVED' });
    expect(event.actorId).toBeNull();
    expect(event.details).toMatchObject({ cause: 'EXPIRY' });
    expect(await app.dataSource.manager.countBy(NotificationEntity, { userId: person.user.id })).toBe(1);
  });

  it('warns once, expiryWarningDays ahead, and not for memberships further out', async () => {
    const person = await makeUser(app);
    const soon = await makeGroup(app);
    const later = await makeGroup(app);
    await addMember(app, soon.id, person.user.id, new Date(Date.now() + 3 * DAY));
    await addMember(app, later.id, person.user.id, new Date(Date.now() + 30 * DAY));
    await app.services.sweeper.run();
    await app.services.sweeper.run();
    const notes = await app.dataSource.manager.findBy(NotificationEntity, { userId: person.user.id });
    expect(notes.map((n) => n.title)).toEqual([`Your membership of ${soon.name} expires soon`]);
  });

  it('SPEC §20: the warning links to asking for an extension, and the group’s leaders hear of it once', async () => {
    const person = await makeUser(app);
    const lead = await makeUser(app);
    const group = await makeGroup(app, { leaders: [lead.user.id] });
    await addMember(app, group.id, person.user.id, new Date(Date.now() + 2 * DAY));
    await app.services.sweeper.run();
    await app.services.sweeper.run();
    const note = await app.dataSource.manager.findOneByOrFail(NotificationEntity, { userId: person.user.id });
    expect(note.link).toBe(`/groups/${group.id}?extend=1`);
    const leaderNotes = await app.dataSource.manager.findBy(NotificationEntity, { userId: lead.user.id });
    expect(leaderNotes.map((n) => [n.title, n.link])).toEqual([[`A membership of ${group.name} expires soon`, `/groups/${group.id}`]]);
  });
});
